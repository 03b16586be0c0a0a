/**
 * The real server in a child process — `node bin/gongkai.js serve`, what `npm start` runs — on a free loopback port,
 * and the time from spawn to its first 200 for GET /.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../bin/gongkai.js');

export interface RunningServer {
  readonly origin: string;
  readonly child: ChildProcess;
  /** spawn to the first 200 of GET / */
  readonly readyMs: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

function status(origin: string, path: string): Promise<number> {
  return new Promise((done) => {
    const req = request(`${origin}${path}`, { agent: false }, (res) => {
      res.resume();
      res.once('end', () => done(res.statusCode ?? 0));
    });
    req.once('error', () => done(0));
    req.setTimeout(5_000, () => req.destroy());
    req.end();
  });
}

/** Starts `gongkai serve` on the database and waits (up to `timeoutMs`) for GET / to answer 200. */
export async function startServer(databaseUrl: string, options: { readonly env?: Record<string, string>; readonly timeoutMs?: number; readonly cwd?: string } = {}): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: options.cwd ?? resolve(import.meta.dirname, '../..'),
    env: { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development', ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const deadline = started + (options.timeoutMs ?? 120_000);
  let readyMs = NaN;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gongkai serve exited with ${child.exitCode}: ${stderr}`);
    if ((await status(origin, '/')) === 200) {
      readyMs = performance.now() - started;
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  if (Number.isNaN(readyMs)) {
    await stop();
    throw new Error(`gongkai serve did not answer GET / within ${options.timeoutMs ?? 120_000} ms: ${stderr}`);
  }
  return { origin, child, readyMs, stop };
}
