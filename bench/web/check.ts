/**
 * Checks the bulk-written catalogue against the use cases: searchCatalogue must find, page for page, exactly the
 * published items whose text holds the word (the LIKE below is the ground truth), and getCatalogueItem must show a
 * sampled item. A mismatch means the generator wrote terms the real use cases would not have.
 */
import { sql } from 'kysely';
import { createDatabase } from '../../src/db/database.ts';
import { contextFor } from '../../src/modules/applications/use-cases/test-context.ts';
import { getCatalogueItem } from '../../src/modules/catalogue/use-cases/get-catalogue-item.ts';
import { searchCatalogue } from '../../src/modules/catalogue/use-cases/search-catalogue.ts';
import { seeded } from '../generate/random.ts';
import type { WebDatabase } from './data.ts';
import { SEARCH_WORDS } from './text.ts';

export async function checkThroughUseCases(data: WebDatabase, samples = 5): Promise<string> {
  const handle = createDatabase(data.url);
  const ctx = contextFor(handle.db, { kind: 'public' }, new Date().toISOString().slice(0, 10));
  const r = seeded(7);
  const busy = data.agencies.filter((a) => a.items > 0);
  try {
    for (let k = 0; k < samples; k++) {
      const agency = k === 0 ? busy[0]! : r.pick(busy);
      const word = r.pick(SEARCH_WORDS);
      const page = 1 + (k % 2);
      const found = await searchCatalogue(ctx, { agencyId: agency.id, q: word, page, pageSize: 20 });
      const expected = await sql<{ id: number }>`
        select id from catalogue_items
        where agency_id = ${agency.id} and state = 'published'
          and (title || ' ' || coalesce(summary, '') || ' ' || body || ' ' || coalesce(doc_number, '') || ' ' || coalesce(issuing_body, '')) like ${`%${word}%`}
        order by id desc limit 20 offset ${(page - 1) * 20}`.execute(handle.db);
      const got = found.hits.map((h) => h.item.id).join(',');
      const want = expected.rows.map((row) => row.id).join(',');
      if (got !== want) throw new Error(`search "${word}" page ${page} in agency ${agency.code}: the use case found [${got}], the text holds [${want}]`);
      const item = await getCatalogueItem(ctx, { itemId: Number(want.split(',')[0] || 1) });
      if (item.state !== 'published') throw new Error(`item ${item.id} is not published`);
    }
    return `${samples} sample searches through searchCatalogue matched the stored text exactly`;
  } finally {
    await handle.destroy();
  }
}
