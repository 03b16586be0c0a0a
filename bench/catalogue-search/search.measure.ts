/**
 * A rough measure of catalogue search at scale (not a test; the project bench will replace it):
 *   [REUSE=1] node --import tsx bench/catalogue-search/search.measure.ts [ITEMS=1000000] [FILE=/tmp/gongkai-search.db]
 * Fills a SQLite file with generated items of one agency (title + short body, ~50 index terms each) through the
 * real migrations and the real term extraction, then times searchCatalogue for common, rare and multi-term queries.
 */
import { existsSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { createDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { contextFor, seedAgencies } from '../../src/modules/applications/use-cases/test-context.ts';
import { indexTerms } from '../../src/modules/catalogue/domain/bigrams.ts';
import { searchCatalogue } from '../../src/modules/catalogue/use-cases/search-catalogue.ts';
import { MEASURED_QUERIES, generatedItem } from './search.measure-data.ts';

const total = Number(process.argv[2] ?? 1_000_000);
const file = process.argv[3] ?? '/tmp/gongkai-search.db';
async function fill(): Promise<number> {
  if (existsSync(file)) rmSync(file);
  const handle = createDatabase(`sqlite:${file}`);
  await migrateToLatest(handle.db);
  const { a } = await seedAgencies(handle.db);
  await handle.destroy();
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const item = db.prepare(
    `insert into catalogue_items (id, agency_id, index_number, title, summary, body, category, issuing_body, written_on, published_on, doc_number, validity, state, year, created_at, updated_at)
     values (?, ?, ?, ?, null, ?, ?, null, '2024-01-02', '2024-01-03', null, 'valid', 'published', 2024, '2024-01-02T00:00:00.000Z', '2024-01-02T00:00:00.000Z')`,
  );
  const term = db.prepare('insert or ignore into catalogue_terms (term, agency_id, item_id) values (?, ?, ?)');
  const started = Date.now();
  const batch = db.transaction((from: number, to: number) => {
    for (let id = from; id < to; id++) {
      const { title, body } = generatedItem();
      item.run(id, a, `FGW/2024-${id}`, title, body, 1 + (id % 15));
      for (const t of indexTerms(`${title}\n${body}`)) term.run(t, a, id);
    }
  });
  for (let from = 1; from <= total; from += 10_000) {
    batch(from, Math.min(from + 10_000, total + 1));
    if (from % 100_000 === 1) process.stdout.write(`${from - 1} items, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
  const terms = (db.prepare('select count(*) n from catalogue_terms').get() as { n: number }).n;
  process.stdout.write(`filled ${total} items, ${terms} term rows in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('analyze');
  db.close();
  return a;
}

// REUSE=1 measures an existing file again (filling 1,000,000 items takes ~15 minutes here)
const agencyId = process.env['REUSE'] === '1' && existsSync(file) ? await existingAgency() : await fill();

async function existingAgency(): Promise<number> {
  const db = new BetterSqlite3(file, { readonly: true });
  const row = db.prepare("select id from agencies where code = 'FGW'").get() as { id: number };
  db.close();
  return row.id;
}
const handle = createDatabase(`sqlite:${file}`);
const ctx = contextFor(handle.db, { kind: 'public' }, '2024-10-15');
for (const [q, page] of MEASURED_QUERIES) {
  const runs: number[] = [];
  let hits = 0;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    const result = await searchCatalogue(ctx, { agencyId, q, page });
    runs.push(performance.now() - t0);
    hits = result.hits.length;
  }
  runs.sort((x, y) => x - y);
  process.stdout.write(`"${q}" page ${page}: ${hits} hits, median ${runs[2]!.toFixed(1)} ms, max ${runs[4]!.toFixed(1)} ms\n`);
}
await handle.destroy();
