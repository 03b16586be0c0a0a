import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { changeValiditySchema } from '../catalogue.schemas.ts';
import type { CatalogueItemView } from './catalogue-views.ts';
import { changeItem } from './catalogue-step.ts';

/** 有效 / 失效 / 废止, in any state (a published document is repealed, not unpublished). */
export async function changeValidity(ctx: UseCaseContext, input: unknown): Promise<CatalogueItemView> {
  const i = parseInput(changeValiditySchema, input);
  return changeItem(ctx, { itemId: i.itemId, action: 'catalogue.edit', step: null, audit: 'catalogue.validityChanged', changes: () => ({ validity: i.validity }) });
}
