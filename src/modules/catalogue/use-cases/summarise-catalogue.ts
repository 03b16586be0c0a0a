import { authorize } from '../../applications/applications.policy.ts';
import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { countByCategory, listIssuingBodies } from '../catalogue.repository.ts';
import { agencyCatalogueSchema } from '../catalogue.schemas.ts';
import { ARTICLE_20_CATEGORIES } from '../domain/categories.ts';

export interface CatalogueSummary {
  /** items per Art. 20 category, 1..15 (0 where none) */
  readonly byCategory: ReadonlyMap<number, number>;
  readonly issuingBodies: readonly string[];
}

/** What the catalogue's filters offer: counts per Art. 20 category and the issuing bodies (published only for the public). */
export async function summariseCatalogue(ctx: UseCaseContext, input: unknown): Promise<CatalogueSummary> {
  const i = parseInput(agencyCatalogueSchema, input);
  const publishedOnly = ctx.actor.kind === 'public';
  if (!publishedOnly) await authorize(ctx.db, ctx.actor, 'catalogue.read', i.agencyId);
  const [counts, issuingBodies] = await Promise.all([countByCategory(ctx.db, i.agencyId, publishedOnly), listIssuingBodies(ctx.db, i.agencyId, publishedOnly)]);
  return { byCategory: new Map(ARTICLE_20_CATEGORIES.map((c) => [c.id, counts.get(c.id) ?? 0])), issuingBodies };
}
