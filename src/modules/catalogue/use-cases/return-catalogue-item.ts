import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { returnItemSchema } from '../catalogue.schemas.ts';
import type { CatalogueItemView } from './catalogue-views.ts';
import { changeItem } from './catalogue-step.ts';

/** review → draft: the reviewer sends it back for changes, saying why. */
export async function returnCatalogueItem(ctx: UseCaseContext, input: unknown): Promise<CatalogueItemView> {
  const i = parseInput(returnItemSchema, input);
  return changeItem(ctx, { itemId: i.itemId, action: 'catalogue.publish', step: 'return', audit: 'catalogue.returned', details: { reason: i.reason }, changes: () => ({}) });
}
