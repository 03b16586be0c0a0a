/**
 * The web benchmark's database: the demo of `gongkai demo --agencies N` (agencies, staff, applications, a few
 * catalogue items each), then catalogue items up to the scale's total, published, spread over the agencies (a few
 * large governments publish most, as in life) and over 2020 to this month. The items are written in bulk with
 * prepared statements, but as the catalogue use cases keep them: index numbers from the agency's yearly counter
 * (the counters are left at the last number), and the search terms of indexTerms(searchableText(row)). Built once
 * per scale under .tmp/bench/ and reused while its description matches.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { indexTerms } from '../../src/modules/catalogue/domain/bigrams.ts';
import { formatIndexNumber } from '../../src/modules/catalogue/domain/index-number.ts';
import { searchableText } from '../../src/modules/catalogue/use-cases/catalogue-step.ts';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { count, line, ms } from '../measure.ts';
import { dateTable, seeded, weighted } from '../generate/random.ts';
import type { Scale } from '../measure.ts';
import { itemText } from './text.ts';

export interface WebScale {
  readonly agencies: number;
  readonly items: number;
  readonly applications: number;
}

export const WEB_SCALES: Readonly<Record<Scale, WebScale>> = {
  small: { agencies: 20, items: 20_000, applications: 200 },
  full: { agencies: 1_000, items: 1_000_000, applications: 10_000 },
};

/** Bump when the generated rows change, so an old file is rebuilt. */
const GENERATOR_VERSION = 1;
const FIRST_DAY = '2020-01-02';
/** Zipf exponent of items per agency: with 1,000 agencies the largest holds ~6%, the median a few hundred. */
const SKEW = 0.8;
const FLUSH_ITEMS = 50_000;

export interface WebDatabase {
  readonly path: string;
  readonly url: string;
  readonly agencies: readonly { readonly id: number; readonly code: string; readonly items: number }[];
  readonly items: number;
  readonly maxItemId: number;
  readonly bytes: number;
}

interface Meta extends WebDatabase {
  readonly version: number;
  readonly scale: WebScale;
}

export async function webDatabase(scale: Scale): Promise<WebDatabase> {
  const want = WEB_SCALES[scale];
  const dir = resolve(import.meta.dirname, '../../.tmp/bench', `web-${scale}`);
  const path = resolve(dir, 'gongkai.db');
  const metaPath = resolve(dir, 'meta.json');
  if (existsSync(metaPath) && existsSync(path)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
    if (meta.version === GENERATOR_VERSION && JSON.stringify(meta.scale) === JSON.stringify(want)) {
      line(`reusing ${path} (${count(meta.items)} items, ${(meta.bytes / 2 ** 30).toFixed(2)} GiB; delete the folder to rebuild)`);
      // migrations added since it was built (an index on a million rows) here, not inside the measured start
      const handle = createDatabase(meta.url);
      try {
        await migrateToLatest(handle.db);
      } finally {
        await handle.destroy();
      }
      return meta;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const url = `sqlite:${path}`;
  const handle = createDatabase(url);
  try {
    await migrateToLatest(handle.db);
    const demo = await seedDemo(handle.db, { agencies: want.agencies, applications: want.applications, years: [2025, 2026], via: 'bulk', seed: 2019 });
    line(`demo: ${count(demo.agencies.length)} agencies, ${count(demo.users)} users, ${count(demo.applications)} applications, ${count(demo.catalogueItems)} items (${ms(demo.seconds * 1000)})`);
  } finally {
    await handle.destroy();
  }
  const filled = fillCatalogue(path, want.items);
  const meta: Meta = { version: GENERATOR_VERSION, scale: want, path, url, ...filled };
  writeFileSync(metaPath, JSON.stringify(meta));
  line(`built ${path}: ${count(meta.items)} published items in ${ms(performance.now() - started)}, ${(meta.bytes / 2 ** 30).toFixed(2)} GiB`);
  return meta;
}

function fillCatalogue(path: string, total: number): Omit<WebDatabase, 'path' | 'url'> {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -3000000'); // 3 GB: the term index is written at random places, kept in memory
  db.pragma('foreign_keys = OFF'); // rows are consistent by construction; checking each of tens of millions costs minutes
  const agencies = db.prepare('select id, code, name from agencies order by id').all() as { id: number; code: string; name: string }[];
  const existing = (db.prepare('select count(*) n from catalogue_items').get() as { n: number }).n;
  const seqs = new Map<string, number>();
  for (const c of db.prepare('select agency_id, year, last_seq from catalogue_index_counters').all() as { agency_id: number; year: number; last_seq: number }[]) {
    seqs.set(`${c.agency_id}:${c.year}`, c.last_seq);
  }
  const today = new Date().toISOString().slice(0, 10);
  const days = dateTable(FIRST_DAY, Math.max(1, (Date.parse(today) - Date.parse(FIRST_DAY)) / 86_400_000 - 14));
  const r = seeded(2026);
  const pickAgency = weighted(agencies.map((a, i) => [a, 1 / (i + 1) ** SKEW] as const));

  db.exec('drop index if exists catalogue_terms_item_idx');
  const insertItem = db.prepare(
    `insert into catalogue_items (agency_id, index_number, title, summary, body, category, issuing_body, written_on, published_on, doc_number, validity, state, year, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?)`,
  );
  const insertTerm = db.prepare('insert into catalogue_terms (term, agency_id, item_id) values (?, ?, ?)');
  const toAdd = Math.max(0, total - existing);
  const started = performance.now();
  const batch = db.transaction((from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const agency = pickAgency(r);
      const written = days[Math.floor((k / toAdd) * days.length)]!;
      const year = Number(written.slice(0, 4));
      const key = `${agency.id}:${year}`;
      const seq = (seqs.get(key) ?? 0) + 1;
      seqs.set(key, seq);
      const published = new Date(Date.parse(written) + r.int(3, 12) * 86_400_000).toISOString().slice(0, 10);
      const t = itemText(r, agency.name, year, seq);
      const validity = t.category === 1 ? (r.chance(0.1) ? 'repealed' : 'valid') : null;
      const { lastInsertRowid } = insertItem.run(
        agency.id, formatIndexNumber(agency.code, year, seq), t.title, t.summary, t.body, t.category, agency.name,
        written, published, t.docNumber, validity, year, `${written}T02:00:00.000Z`, `${published}T02:00:00.000Z`,
      );
      const text = searchableText({ title: t.title, summary: t.summary, body: t.body, doc_number: t.docNumber, issuing_body: agency.name });
      for (const term of indexTerms(text)) insertTerm.run(term, agency.id, lastInsertRowid);
    }
  });
  for (let from = 0; from < toAdd; from += FLUSH_ITEMS) {
    batch(from, Math.min(toAdd, from + FLUSH_ITEMS));
    if ((from / FLUSH_ITEMS) % 4 === 3) line(`  ${count(existing + from + FLUSH_ITEMS)} items, ${ms(performance.now() - started)}`);
  }
  const upsertCounter = db.prepare(
    'insert into catalogue_index_counters (agency_id, year, last_seq) values (?, ?, ?) on conflict (agency_id, year) do update set last_seq = excluded.last_seq',
  );
  db.transaction(() => {
    for (const [key, seq] of seqs) {
      const [agencyId, year] = key.split(':').map(Number);
      upsertCounter.run(agencyId, year, seq);
    }
  })();
  line(`  terms written in ${ms(performance.now() - started)}; indexing item ids`);
  db.exec('create index catalogue_terms_item_idx on catalogue_terms (item_id)');
  db.exec('analyze');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const perAgency = db.prepare("select agency_id id, count(*) n from catalogue_items where state = 'published' group by agency_id").all() as { id: number; n: number }[];
  const items = new Map(perAgency.map((p) => [p.id, p.n]));
  const maxItemId = (db.prepare('select max(id) m from catalogue_items').get() as { m: number }).m;
  const terms = (db.prepare('select count(*) n from catalogue_terms').get() as { n: number }).n;
  const { page_count: pages } = db.prepare('pragma page_count').get() as { page_count: number };
  const { page_size: pageSize } = db.prepare('pragma page_size').get() as { page_size: number };
  db.close();
  line(`  ${count(terms)} term rows`);
  return {
    agencies: agencies.map((a) => ({ id: a.id, code: a.code, items: items.get(a.id) ?? 0 })),
    items: [...items.values()].reduce((a, b) => a + b, 0),
    maxItemId,
    bytes: pages * pageSize,
  };
}
