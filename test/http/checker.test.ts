import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { SEED } from '../support/paths.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer();
});
afterAll(async () => app.close());

async function formToken(): Promise<{ token: string; cookie: string }> {
  const res = await app.inject({ method: 'GET', url: '/checker' });
  const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return { token, cookie };
}

async function multipart(fields: Record<string, string>, files: Array<{ name: string; bytes: Buffer }>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
  const req = new Request('http://x/', { method: 'POST', body: form });
  return { payload: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! };
}

describe('the public report checker page', () => {
  it('is what / leads to when the server has no database', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/checker');
  });

  it('serves the upload form with a CSRF token', async () => {
    const res = await app.inject({ method: 'GET', url: '/checker' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('年度报告检查');
    expect(res.body).toMatch(/name="_csrf" value="[A-Za-z0-9_-]{32,}"/);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(res.body).not.toMatch(/https?:\/\/(?!x\/)/);
  });

  it('checks an uploaded report and shows its one error', async () => {
    const { token, cookie } = await formToken();
    const body = await multipart({ _csrf: token }, [{ name: 'seed.txt', bytes: await readFile(SEED) }]);
    const res = await app.inject({ method: 'POST', url: '/check', headers: { cookie, 'content-type': body.contentType }, payload: body.payload });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('区财政局');
    expect(res.body).toMatch(/错误 1/);
  });

  it('refuses a post without the CSRF token, and an empty upload, with a Chinese message', async () => {
    const { cookie, token } = await formToken();
    const seed = await readFile(SEED);
    const noToken = await multipart({}, [{ name: 'seed.txt', bytes: seed }]);
    const r1 = await app.inject({ method: 'POST', url: '/check', headers: { cookie, 'content-type': noToken.contentType }, payload: noToken.payload });
    expect(r1.statusCode).toBe(403);
    expect(r1.body).toContain('CSRF');
    const empty = await multipart({ _csrf: token }, []);
    const r2 = await app.inject({ method: 'POST', url: '/check', headers: { cookie, 'content-type': empty.contentType }, payload: empty.payload });
    expect(r2.statusCode).toBe(400);
    expect(r2.body).toContain('请选择至少一个报告文件');
  });

  it('refuses a file over the size limit with 413', async () => {
    const { cookie, token } = await formToken();
    const big = await multipart({ _csrf: token }, [{ name: 'big.txt', bytes: Buffer.alloc(21 * 1024 * 1024, 0x41) }]);
    const res = await app.inject({ method: 'POST', url: '/check', headers: { cookie, 'content-type': big.contentType }, payload: big.payload });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('文件过大');
  });

  it('escapes a hostile file name and reports an unreadable file without a stack trace', async () => {
    const { cookie, token } = await formToken();
    const body = await multipart({ _csrf: token }, [{ name: '<img src=x onerror=alert(1)>.pdf', bytes: Buffer.from([0, 1, 2, 3, 0, 0]) }]);
    const res = await app.inject({ method: 'POST', url: '/check', headers: { cookie, 'content-type': body.contentType }, payload: body.payload });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).toContain('&lt;img src=x onerror=alert(1)>.pdf');
    expect(res.body).toContain('无法读取');
  });
});
