import { authorize } from '../../applications/applications.policy.ts';
import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { countByCategory, listItemRows, mostUsedIssuingBodies } from '../catalogue.repository.ts';
import { agencyCatalogueSchema, listItemsSchema } from '../catalogue.schemas.ts';
import type { CatalogueState } from '../domain/life-cycle.ts';
import { itemSummary, type CatalogueItemSummary } from './catalogue-views.ts';

export interface CataloguePage {
  readonly items: readonly CatalogueItemSummary[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/**
 * An agency's catalogue, newest first, filtered by state, category, year, issuing body, validity; the public sees
 * only what is published. Each item carries its Art. 26 flag.
 */
export async function listCatalogueItems(ctx: UseCaseContext, input: unknown): Promise<CataloguePage> {
  const i = parseInput(listItemsSchema, input);
  if (ctx.actor.kind !== 'public') await authorize(ctx.db, ctx.actor, 'catalogue.read', i.agencyId);
  const states: CatalogueState[] | undefined = ctx.actor.kind === 'public' ? ['published'] : i.states;
  const { rows, total } = await listItemRows(
    ctx.db,
    {
      agencyId: i.agencyId,
      ...(states ? { states } : {}),
      ...(i.category ? { category: i.category } : {}),
      ...(i.year ? { year: i.year } : {}),
      ...(i.issuingBody ? { issuingBody: i.issuingBody } : {}),
      ...(i.validity ? { validity: i.validity } : {}),
    },
    { offset: (i.page - 1) * i.pageSize, limit: i.pageSize },
  );
  const today = ctx.clock.today();
  return { items: rows.map((r) => itemSummary(r, today, ctx.calendar)), total: total ?? 0, page: i.page, pageSize: i.pageSize };
}

/**
 * One page of the published items of an agency (optionally of one Art. 20 category), newest first, without
 * counting them: for the portal, which knows the counts per category already.
 */
export async function listPublishedPage(ctx: UseCaseContext, input: unknown): Promise<readonly CatalogueItemSummary[]> {
  const i = parseInput(listItemsSchema, input);
  const { rows } = await listItemRows(
    ctx.db,
    { agencyId: i.agencyId, states: ['published'], ...(i.category ? { category: i.category } : {}) },
    { offset: (i.page - 1) * i.pageSize, limit: i.pageSize, count: false },
  );
  const today = ctx.clock.today();
  return rows.map((r) => itemSummary(r, today, ctx.calendar));
}

/** Items per Art. 20 category in one grouped count (the public counts published items only). */
export async function countCatalogueItemsByCategory(ctx: UseCaseContext, input: unknown): Promise<ReadonlyMap<number, number>> {
  const i = parseInput(agencyCatalogueSchema, input);
  const publishedOnly = ctx.actor.kind === 'public';
  if (!publishedOnly) await authorize(ctx.db, ctx.actor, 'catalogue.read', i.agencyId);
  return countByCategory(ctx.db, i.agencyId, publishedOnly);
}

/**
 * The issuing bodies (发布机构) the agency's items name (the public's: published items only), for the filter: the
 * `limit` most used (at most 1,000), in Chinese order.
 */
export async function listIssuingBodyChoices(ctx: UseCaseContext, input: { readonly agencyId: number; readonly limit: number }): Promise<string[]> {
  const i = parseInput(agencyCatalogueSchema, { agencyId: input.agencyId });
  const publishedOnly = ctx.actor.kind === 'public';
  if (!publishedOnly) await authorize(ctx.db, ctx.actor, 'catalogue.read', i.agencyId);
  const used = await mostUsedIssuingBodies(ctx.db, i.agencyId, publishedOnly, Math.max(1, Math.min(1000, Math.trunc(input.limit))));
  return used.map((u) => u.issuingBody).sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
