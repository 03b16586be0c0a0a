import type { Command } from 'commander';
import { ConfigError, getConfig } from '../../config/config.ts';
import { buildServer } from '../../http/server.ts';
import { CliExit } from '../exit.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动网站（默认 http://localhost:3000；HOST、PORT 等见 docs/configuration.md）')
    .action(async () => {
      let config;
      try {
        config = getConfig();
      } catch (error) {
        if (error instanceof ConfigError) throw new CliExit(2, error.message);
        throw error;
      }
      const app = await buildServer({ logger: false });
      let address: string;
      try {
        address = await app.listen({ port: config.port, host: config.host });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new CliExit(2, `端口 ${config.port} 已被占用；请设置 PORT 为其他端口`);
        if (code === 'EACCES') throw new CliExit(2, `无权监听 ${config.host}:${config.port}`);
        throw error;
      }
      process.stdout.write(`gongkai 已启动：${address.replace('127.0.0.1', 'localhost')}\n`);
      process.stdout.write('现在可用：年度报告检查器（上传报告，查看表格是否平衡）。门户与办理后台尚在建设中，暂无登录账号。\n');
      await new Promise<void>((resolve) => {
        const stop = () => void app.close().then(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
