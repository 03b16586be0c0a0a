import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { updateItemSchema } from '../catalogue.schemas.ts';
import type { CatalogueItemView } from './catalogue-views.ts';
import { changeItem } from './catalogue-step.ts';
import { notInFuture } from './create-catalogue-item.ts';

/** Edits a draft or an item in review (a published item changes only its validity). */
export async function updateCatalogueItem(ctx: UseCaseContext, input: unknown): Promise<CatalogueItemView> {
  const i = parseInput(updateItemSchema, input);
  notInFuture(i.writtenOn, ctx.clock.today(), 'writtenOn');
  return changeItem(ctx, {
    itemId: i.itemId,
    action: 'catalogue.edit',
    step: 'edit',
    audit: 'catalogue.updated',
    changes: () => ({
      title: i.title,
      summary: i.summary ?? null,
      body: i.body,
      category: i.category,
      issuing_body: i.issuingBody ?? null,
      written_on: i.writtenOn ?? null,
      doc_number: i.docNumber ?? null,
      validity: i.validity ?? null,
    }),
  });
}
