import { describe, expect, it } from 'vitest';
import { pageCache } from './page-cache.ts';

const html = (n: number, fill = 'x') => fill.repeat(n);

describe('page cache', () => {
  it('renders a page once and serves the kept bytes after', async () => {
    const cache = pageCache(1024);
    let renders = 0;
    const render = async () => `<p>${++renders}</p>`;
    expect(await cache.page('a', render)).toMatchObject({ hit: false });
    const again = await cache.page('a', render);
    expect([again.bytes.toString(), again.hit]).toEqual(['<p>1</p>', true]);
    expect(renders).toBe(1);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1, pages: 1 });
  });

  it('counts bytes, not characters, and drops the least recently used page to stay within the budget', async () => {
    const cache = pageCache(800);
    await cache.page('a', async () => html(30, '公')); // 90 bytes
    await cache.page('b', async () => html(90));
    expect(cache.stats.bytes).toBe(180);
    await cache.page('a', async () => 'again'); // a is now the newest
    for (const key of ['c', 'd', 'e', 'f', 'g', 'h', 'i']) await cache.page(key, async () => html(100));
    expect(cache.stats.bytes).toBeLessThanOrEqual(800);
    let kept = true;
    await cache.page('a', async () => ((kept = false), 'again'));
    expect(kept).toBe(true); // a, used recently, stayed
    let rendered = false;
    await cache.page('b', async () => ((rendered = true), html(90)));
    expect(rendered).toBe(true); // b, the oldest, went first
  });

  it('keeps no page larger than an eighth of the budget', async () => {
    const cache = pageCache(800);
    await cache.page('big', async () => html(101));
    expect(cache.stats.pages).toBe(0);
  });

  it('renders a page once for requests missing it at the same time', async () => {
    const cache = pageCache(1024);
    let renders = 0;
    let finish!: (html: string) => void;
    const render = () => ((renders++), new Promise<string>((done) => (finish = done)));
    const both = Promise.all([cache.page('a', render), cache.page('a', render)]);
    finish('<p>once</p>');
    expect((await both).map((p) => p.bytes.toString())).toEqual(['<p>once</p>', '<p>once</p>']);
    expect(renders).toBe(1);
  });

  it('keeps no failure: the next request renders again', async () => {
    const cache = pageCache(1024);
    await expect(cache.page('a', async () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect((await cache.page('a', async () => '<p>ok</p>')).bytes.toString()).toBe('<p>ok</p>');
  });

  it('keeps nothing with a budget of 0', async () => {
    const cache = pageCache(0);
    let renders = 0;
    await cache.page('a', async () => `${++renders}`);
    await cache.page('a', async () => `${++renders}`);
    expect(renders).toBe(2);
  });
});
