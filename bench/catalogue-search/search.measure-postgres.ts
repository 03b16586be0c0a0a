/**
 * The PostgreSQL counterpart of search.measure.ts (smaller: rows go in through Kysely, not a bulk loader):
 *   node --import tsx bench/catalogue-search/search.measure-postgres.ts POSTGRES_URL [ITEMS=100000]
 * Creates a throwaway schema, fills it with generated items, times searchCatalogue, drops the schema.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { contextFor, seedAgencies } from '../../src/modules/applications/use-cases/test-context.ts';
import { indexTerms } from '../../src/modules/catalogue/domain/bigrams.ts';
import { searchCatalogue } from '../../src/modules/catalogue/use-cases/search-catalogue.ts';
import { MEASURED_QUERIES, generatedItem } from './search.measure-data.ts';

const [serverUrl, count] = process.argv.slice(2);
if (!serverUrl) throw new Error('usage: POSTGRES_URL [ITEMS]');
const total = Number(count ?? 100_000);
const schema = `measure_${randomBytes(4).toString('hex')}`;
const admin = createDatabase(serverUrl, { poolSize: 1 });
await sql`create schema ${sql.id(schema)}`.execute(admin.db);
const url = new URL(serverUrl);
url.searchParams.set('schema', schema);
const handle = createDatabase(url.toString(), { poolSize: 2 });
try {
  await migrateToLatest(handle.db);
  const { a } = await seedAgencies(handle.db);
  const started = Date.now();
  for (let from = 1; from <= total; from += 1000) {
    const items = Array.from({ length: Math.min(1000, total - from + 1) }, (_, k) => ({ id: from + k, ...generatedItem() }));
    await handle.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('catalogue_items')
        .values(items.map((it) => ({ id: it.id, agency_id: a, index_number: `FGW/2024-${it.id}`, title: it.title, summary: null, body: it.body, category: 1 + (it.id % 15), issuing_body: null, written_on: '2024-01-02', published_on: '2024-01-03', doc_number: null, validity: 'valid' as const, state: 'published' as const, year: 2024, created_at: '2024-01-02T00:00:00.000Z', updated_at: '2024-01-02T00:00:00.000Z' })) as never)
        .execute();
      const terms = items.flatMap((it) => [...indexTerms(`${it.title}\n${it.body}`)].map((term) => ({ term, agency_id: a, item_id: it.id })));
      for (let k = 0; k < terms.length; k += 5000) await trx.insertInto('catalogue_terms').values(terms.slice(k, k + 5000)).execute();
    });
    if (from % 20_000 === 1) process.stdout.write(`${from - 1} items, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
  await sql`analyze`.execute(handle.db);
  process.stdout.write(`filled ${total} items in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  const ctx = contextFor(handle.db, { kind: 'public' }, '2024-10-15');
  for (const [q, page] of MEASURED_QUERIES) {
    const runs: number[] = [];
    let hits = 0;
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      hits = (await searchCatalogue(ctx, { agencyId: a, q, page })).hits.length;
      runs.push(performance.now() - t0);
    }
    runs.sort((x, y) => x - y);
    process.stdout.write(`"${q}" page ${page}: ${hits} hits, median ${runs[2]!.toFixed(1)} ms, max ${runs[4]!.toFixed(1)} ms\n`);
  }
} finally {
  await handle.destroy();
  await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
  await admin.destroy();
}
