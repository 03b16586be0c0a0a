import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { itemStepSchema } from '../catalogue.schemas.ts';
import type { CatalogueItemView } from './catalogue-views.ts';
import { changeItem } from './catalogue-step.ts';

/** draft → review. */
export async function submitCatalogueItem(ctx: UseCaseContext, input: unknown): Promise<CatalogueItemView> {
  const i = parseInput(itemStepSchema, input);
  return changeItem(ctx, { itemId: i.itemId, action: 'catalogue.edit', step: 'submit', audit: 'catalogue.submitted', changes: () => ({}) });
}
