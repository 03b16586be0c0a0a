import { Option, type Command } from 'commander';
import { buildServer } from '../../http/server.ts';
import { CliExit } from '../exit.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动网站（默认 http://127.0.0.1:3000）')
    .addOption(new Option('--port <port>', '端口').env('PORT').default('3000'))
    .addOption(new Option('--host <host>', '监听地址').env('HOST').default('127.0.0.1'))
    .action(async (flags: { port: string; host: string }) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliExit(2, `端口无效：${flags.port}`);
      const app = await buildServer({ logger: false });
      const address = await app.listen({ port, host: flags.host });
      process.stdout.write(`gongkai 已启动：${address.replace('127.0.0.1', 'localhost')}\n`);
      process.stdout.write('现在可用：年度报告检查器（上传报告，查看表格是否平衡）。门户与办理后台尚在建设中，暂无登录账号。\n');
      await new Promise<void>((resolve) => {
        const stop = () => void app.close().then(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
