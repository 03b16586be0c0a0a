/**
 * Rendered portal pages kept in memory, least recently used first out, within a byte budget. A page is kept under
 * a key that holds everything it was rendered from (the agency's public fields, its public catalogue version, the
 * day, the reader's display choice, the URL), so a change to any of them is a new key and no page is ever stale;
 * old keys simply age out. Two requests missing the same key at once render it once.
 */
export interface KeptPage {
  readonly bytes: Buffer;
  /** whether it was served from memory (the response says so in X-Page-Cache) */
  readonly hit: boolean;
}

export interface PageCache {
  /** The page under `key`: kept bytes, or `render()` (kept when it resolves; a failure is not kept). */
  page(key: string, render: () => Promise<string>): Promise<KeptPage>;
  readonly stats: { readonly hits: number; readonly misses: number; readonly bytes: number; readonly pages: number };
}

export function pageCache(maxBytes: number): PageCache {
  const kept = new Map<string, Buffer>();
  const rendering = new Map<string, Promise<Buffer>>();
  const stats = { hits: 0, misses: 0, bytes: 0, pages: 0 };
  const keep = (key: string, bytes: Buffer) => {
    if (bytes.length > maxBytes / 8) return; // one huge page does not empty the cache
    const before = kept.get(key);
    if (before) stats.bytes -= before.length;
    kept.set(key, bytes);
    stats.bytes += bytes.length;
    for (const [oldKey, old] of kept) {
      if (stats.bytes <= maxBytes) break;
      kept.delete(oldKey);
      stats.bytes -= old.length;
    }
    stats.pages = kept.size;
  };
  return {
    stats,
    async page(key, render) {
      const hit = kept.get(key);
      if (hit) {
        stats.hits++;
        kept.delete(key); // to the newest end
        kept.set(key, hit);
        return { bytes: hit, hit: true };
      }
      stats.misses++;
      if (maxBytes <= 0) return { bytes: Buffer.from(await render()), hit: false };
      const pending = rendering.get(key);
      if (pending) return { bytes: await pending, hit: false };
      const fresh = render().then((html) => Buffer.from(html));
      rendering.set(key, fresh);
      try {
        const bytes = await fresh;
        keep(key, bytes);
        return { bytes, hit: false };
      } finally {
        rendering.delete(key);
      }
    },
  };
}
