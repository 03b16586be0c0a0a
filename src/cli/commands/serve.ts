import cluster, { type Worker } from 'node:cluster';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { ConfigError, getConfig, type Config } from '../../config/config.ts';
import { createDatabase, redact } from '../../db/index.ts';
import type { Database } from '../../db/schema.ts';
import { buildServer } from '../../http/server.ts';
import { ROLE_LABELS, ROLES } from '../../modules/accounts/policy.ts';
import { closeRenderer } from '../../modules/annual-report/render/index.ts';
import { DEMO_CITY } from '../../modules/demo/demo-hierarchy.ts';
import { DEMO_PASSWORDS, demoUsername, ensureDemoData } from '../../modules/demo/seed-demo.ts';
import { DiskAttachmentStore } from '../../modules/attachments/disk-attachment-store.ts';
import { CliExit } from '../exit.ts';
import { asCliExit, migrateOrExit } from './migrate.ts';

/**
 * `gongkai serve` (npm start): opens the configured database (SQLite under ./data by default), applies migrations,
 * seeds the demo agencies on first start, and serves the portal, the checker and the API. With WORKERS > 1 the
 * first process does that and then runs that many server processes on the one port (node:cluster), replacing one
 * that dies; they share nothing but the database (see docs/configuration.md on what is per process).
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动网站（默认 http://localhost:3000；HOST、PORT、DATABASE_URL、WORKERS 等见 docs/configuration.md）')
    .action(async () => {
      const config = configOrExit();
      if (cluster.isWorker) return serveAsWorker(config);
      const shownUrl = redact(config.databaseUrl);
      const handle = createDatabase(config.databaseUrl);
      await migrateOrExit({ handle, shownUrl });
      let seeded;
      try {
        seeded = await ensureDemoData(handle.db, { attachments: { store: new DiskAttachmentStore(config.attachmentsDir), maxBytes: config.maxUploadBytes } });
      } catch (error) {
        await handle.destroy();
        throw asCliExit(error, shownUrl);
      }
      const started = { seeded: seeded ? { agencies: seeded.agencies.length, applications: seeded.applications } : null, shownUrl };
      if (config.workers > 1) {
        try {
          await superviseWorkers(config, async (address) => printBanner(address, started, handle.db));
        } finally {
          await handle.destroy().catch(() => undefined);
        }
        return;
      }
      const app = await buildServer(serverOptions(config, handle.db, true));
      app.addHook('onClose', async () => {
        await handle.destroy();
        await closeRenderer();
      });
      const address = await listenOrExit(app, config);
      await printBanner(address, started, handle.db);
      await untilSignal();
      await app.close();
    });
}

function configOrExit(): Config {
  try {
    return getConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliExit(2, error.message);
    throw error;
  }
}

function serverOptions(config: Config, db: Kysely<Database>, dailyJobs: boolean) {
  return {
    db,
    logger: config.logLevel === 'silent' ? (false as const) : config.logLevel,
    timeZone: config.timeZone,
    trustProxy: config.trustProxy,
    dailyJobs,
  };
}

async function listenOrExit(app: Awaited<ReturnType<typeof buildServer>>, config: Config): Promise<string> {
  try {
    return await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliExit(2, `端口 ${config.port} 已被占用；请设置 PORT 为其他端口`);
    if (code === 'EACCES') throw new CliExit(2, `无权监听 ${config.host}:${config.port}`);
    throw error;
  }
}

function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function printBanner(address: string, started: { seeded: { agencies: number; applications: number } | null; shownUrl: string }, db: Kysely<Database>): Promise<void> {
  const out = process.stdout;
  out.write(`gongkai 已启动：${address.replace('127.0.0.1', 'localhost')}（数据库 ${started.shownUrl}）\n`);
  if (started.seeded) out.write(`首次启动，已生成示范数据：${started.seeded.agencies} 个机关，${started.seeded.applications} 件申请。\n`);
  out.write(`公开门户 ${address}/  年度报告检查 ${address}/checker  接口说明 ${address}/api/openapi.json\n`);
  // A real deployment (agencies made with `gongkai agency create`) has no demo accounts to show.
  const demo = await db.selectFrom('users').select('id').where('username', '=', demoUsername(DEMO_CITY.regionCode, 'clerk')).executeTakeFirst();
  if (demo) {
    out.write('示范账号（用户名为“机关代码-角色”，各示范机关都有）：\n');
    for (const role of ROLES) {
      out.write(`  ${demoUsername(DEMO_CITY.regionCode, role).padEnd(18)} 密码 ${DEMO_PASSWORDS[role].padEnd(20)} ${ROLE_LABELS[role]}（${DEMO_CITY.name}人民政府）\n`);
    }
  } else {
    out.write('没有示范数据；工作人员账号用 gongkai user create 创建。\n');
  }
}

/** The environment variable that tells a server process which of the WORKERS it is (1-based). */
const WORKER_INDEX = 'GONGKAI_WORKER_INDEX';
/** A worker that dies once all are serving is started again after this pause (not in a tight loop). */
const RESTART_DELAY_MS = 1_000;

/** One of the WORKERS server processes; the first also runs the daily jobs (they are idempotent, once is enough). */
async function serveAsWorker(config: Config): Promise<void> {
  const handle = createDatabase(config.databaseUrl);
  const app = await buildServer(serverOptions(config, handle.db, process.env[WORKER_INDEX] === '1'));
  app.addHook('onClose', async () => {
    await handle.destroy();
    await closeRenderer();
  });
  await listenOrExit(app, config);
  await untilSignal();
  await app.close();
  cluster.worker?.disconnect(); // the channel to the first process would keep this one alive
}

/**
 * Starts config.workers server processes, calls `ready` with the address once all listen, restarts one that dies
 * while running, and on SIGINT/SIGTERM stops them all and returns. A worker that fails to start ends the command.
 */
async function superviseWorkers(config: Config, ready: (address: string) => Promise<void>): Promise<void> {
  let stopping = false;
  let serving = false;
  const indexOf = new Map<Worker, number>();
  const fork = (index: number) => indexOf.set(cluster.fork({ [WORKER_INDEX]: String(index) }), index);
  for (let index = 1; index <= config.workers; index++) fork(index);
  const all = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  const stopAll = async () => {
    stopping = true;
    const live = all();
    await Promise.all(
      live.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
  };
  const failed = new Promise<never>((_, reject) => {
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      const index = indexOf.get(worker) ?? 1;
      indexOf.delete(worker);
      // one that cannot start (port taken, database unreachable) would fail again: end the command instead
      if (!serving) return reject(new CliExit(code && code > 0 ? code : 1, `服务进程未能启动（退出码 ${code ?? signal}），已停止全部进程`));
      process.stderr.write(`gongkai：服务进程 ${worker.process.pid} 意外退出（${code ?? signal}），${RESTART_DELAY_MS / 1000} 秒后重启\n`);
      setTimeout(() => stopping || fork(index), RESTART_DELAY_MS);
    });
  });
  failed.catch(() => undefined);
  const listening = new Promise<string>((resolve) => {
    let count = 0;
    cluster.on('listening', (_worker, address) => {
      if (++count === config.workers) {
        const host = address.address === null || address.address === undefined ? config.host : address.address;
        resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
      }
    });
  });
  try {
    const address = await Promise.race([listening, failed]);
    serving = true;
    await ready(address);
    process.stdout.write(`（${config.workers} 个服务进程）\n`);
    await Promise.race([untilSignal(), failed]);
  } finally {
    await stopAll();
  }
}
