/** The site's stylesheet is served by the server itself, linked from every page under its content hash. */
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { SITE_CSS } from '../../src/http/views/site-css.ts';

describe('site stylesheet', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer(); // the checker-only server: its pages use the same layout
  });
  afterAll(async () => app.close());

  it('is linked from a page with its content hash and served from this server, cacheable for good', async () => {
    const page = await app.inject({ url: '/checker' });
    const href = load(page.body)('link[rel=stylesheet]').attr('href') ?? '';
    expect(href).toMatch(/^\/assets\/site\.css\?v=[0-9a-f]{12}$/);
    const css = await app.inject({ url: href });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.body).toBe(SITE_CSS);
    // the page itself no longer carries the whole stylesheet
    expect(page.body).not.toContain(SITE_CSS.slice(0, 200));
  });
});
