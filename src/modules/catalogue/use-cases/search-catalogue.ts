/**
 * Full-text search of an agency's catalogue, Chinese included: a two-character word such as 预算 finds its items
 * (domain/bigrams.ts). The scan walks the postings of the query's rarest term, newest item first, and stops when the
 * page is full, so its cost follows the page, not the catalogue's size. Pages say whether more follow instead of a
 * total (counting every match of a common word would cost what the page saves).
 */
import { AppError } from '../../../errors.ts';
import { authorize } from '../../applications/applications.policy.ts';
import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { searchItemRows, termFrequency } from '../catalogue.repository.ts';
import { searchSchema } from '../catalogue.schemas.ts';
import { parseQuery, snippet } from '../domain/bigrams.ts';
import { itemView, type SearchHit } from './catalogue-views.ts';

/**
 * Counting a term's items stops here: enough to tell a rare pair from a common one (measured on 1,000,000 items,
 * see README.md), cheap enough not to cost more than the scan it shortens.
 */
const FREQUENCY_CAP = 20_000;

export interface SearchPage {
  readonly query: string;
  readonly hits: readonly SearchHit[];
  readonly page: number;
  readonly pageSize: number;
  readonly hasMore: boolean;
}

export async function searchCatalogue(ctx: UseCaseContext, input: unknown): Promise<SearchPage> {
  const i = parseInput(searchSchema, input);
  const query = parseQuery(i.q);
  if (query === null) {
    throw new AppError('catalogue.search.queryTooShort', '请输入至少两个字的搜索词（多个词之间用空格分开，每个词至少两个字）。', { q: i.q });
  }
  const staff = ctx.actor.kind !== 'public';
  if (staff) await authorize(ctx.db, ctx.actor, 'catalogue.read', i.agencyId);
  // the scan is driven by the rarest term (one term: nothing to choose)
  const terms =
    query.terms.length === 1
      ? query.terms
      : (await Promise.all(query.terms.map(async (term) => [term, await termFrequency(ctx.db, i.agencyId, term, FREQUENCY_CAP)] as const)))
          .sort((x, y) => x[1] - y[1])
          .map(([term]) => term);
  // A phrase of one term is found exactly by the index; a longer one may match pairs that sit apart.
  const phrasesToConfirm = query.phrases.filter((p) => parseQuery(p)!.terms.length > 1);
  const rows = await searchItemRows(ctx.db, {
    agencyId: i.agencyId,
    terms,
    phrasesToConfirm,
    publishedOnly: !(staff && i.includeUnpublished),
    offset: (i.page - 1) * i.pageSize,
    limit: i.pageSize + 1,
  });
  const today = ctx.clock.today();
  const hits = rows.slice(0, i.pageSize).map((row) => {
    const { body: _body, ...item } = itemView(row, today, ctx.calendar);
    const text = [row.summary, row.body].filter((s) => s).join('\n');
    return { item, titleParts: snippet(row.title, query.phrases, 200), snippet: snippet(text, query.phrases) };
  });
  return { query: i.q, hits, page: i.page, pageSize: i.pageSize, hasMore: rows.length > i.pageSize };
}
