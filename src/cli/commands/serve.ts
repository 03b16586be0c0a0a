import type { Command } from 'commander';
import { ConfigError, getConfig } from '../../config/config.ts';
import { createDatabase, redact } from '../../db/index.ts';
import { buildServer } from '../../http/server.ts';
import { ROLE_LABELS, ROLES } from '../../modules/accounts/policy.ts';
import { closeRenderer } from '../../modules/annual-report/render/index.ts';
import { DEMO_CITY } from '../../modules/demo/demo-hierarchy.ts';
import { DEMO_PASSWORDS, demoUsername, ensureDemoData } from '../../modules/demo/seed-demo.ts';
import { CliExit } from '../exit.ts';
import { asCliExit, migrateOrExit } from './migrate.ts';

/**
 * `gongkai serve` (npm start): opens the configured database (SQLite under ./data by default), applies migrations,
 * seeds the demo agencies on first start, and serves the portal, the checker and the API.
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动网站（默认 http://localhost:3000；HOST、PORT、DATABASE_URL 等见 docs/configuration.md）')
    .action(async () => {
      let config;
      try {
        config = getConfig();
      } catch (error) {
        if (error instanceof ConfigError) throw new CliExit(2, error.message);
        throw error;
      }
      const shownUrl = redact(config.databaseUrl);
      const handle = createDatabase(config.databaseUrl);
      const opened = { handle, shownUrl };
      await migrateOrExit(opened);
      let seeded;
      try {
        seeded = await ensureDemoData(handle.db);
      } catch (error) {
        await handle.destroy();
        throw asCliExit(error, shownUrl);
      }
      const app = await buildServer({
        db: handle.db,
        logger: config.logLevel === 'silent' ? false : config.logLevel,
        timeZone: config.timeZone,
        trustProxy: config.trustProxy,
      });
      app.addHook('onClose', async () => {
        await handle.destroy();
        await closeRenderer();
      });
      let address: string;
      try {
        address = await app.listen({ port: config.port, host: config.host });
      } catch (error) {
        await app.close();
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new CliExit(2, `端口 ${config.port} 已被占用；请设置 PORT 为其他端口`);
        if (code === 'EACCES') throw new CliExit(2, `无权监听 ${config.host}:${config.port}`);
        throw error;
      }
      const out = process.stdout;
      out.write(`gongkai 已启动：${address.replace('127.0.0.1', 'localhost')}（数据库 ${shownUrl}）\n`);
      if (seeded) out.write(`首次启动，已生成示范数据：${seeded.agencies.length} 个机关，${seeded.applications} 件申请。\n`);
      out.write(`公开门户 ${address}/  年度报告检查 ${address}/checker  接口说明 ${address}/api/openapi.json\n`);
      // A real deployment (agencies made with `gongkai agency create`) has no demo accounts to show.
      const demo = await handle.db.selectFrom('users').select('id').where('username', '=', demoUsername(DEMO_CITY.regionCode, 'clerk')).executeTakeFirst();
      if (demo) {
        out.write('示范账号（用户名为“机关代码-角色”，各示范机关都有）：\n');
        for (const role of ROLES) {
          out.write(`  ${demoUsername(DEMO_CITY.regionCode, role).padEnd(18)} 密码 ${DEMO_PASSWORDS[role].padEnd(20)} ${ROLE_LABELS[role]}（${DEMO_CITY.name}人民政府）\n`);
        }
      } else {
        out.write('没有示范数据；工作人员账号用 gongkai user create 创建。\n');
      }
      await new Promise<void>((resolve) => {
        const stop = () => void app.close().then(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
