import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { publicVersion } from '../catalogue.repository.ts';
import { agencyCatalogueSchema } from '../catalogue.schemas.ts';

/**
 * The agency's public catalogue version, raised in the transaction of every change the public can see (publishing,
 * a published item's edit or validity). Public: it says only that something changed.
 */
export async function getPublicCatalogueVersion(ctx: UseCaseContext, input: unknown): Promise<number> {
  const i = parseInput(agencyCatalogueSchema, input);
  return publicVersion(ctx.db, i.agencyId);
}
