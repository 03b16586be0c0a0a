import { AppError } from '../../../errors.ts';
import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { publishItemSchema } from '../catalogue.schemas.ts';
import type { CatalogueItemView } from './catalogue-views.ts';
import { changeItem } from './catalogue-step.ts';
import { notInFuture } from './create-catalogue-item.ts';

/** review → published, by a reviewer; the view's timeliness says whether Art. 26's 20 working days were kept. */
export async function publishCatalogueItem(ctx: UseCaseContext, input: unknown): Promise<CatalogueItemView> {
  const i = parseInput(publishItemSchema, input);
  const on = i.on ?? ctx.clock.today();
  notInFuture(on, ctx.clock.today(), 'on');
  return changeItem(ctx, {
    itemId: i.itemId,
    action: 'catalogue.publish',
    step: 'publish',
    audit: 'catalogue.published',
    changes: (row) => {
      if (row.written_on !== null && on < row.written_on) {
        throw new AppError('input.invalidDate', `发布日期（${on}）早于成文日期（${row.written_on}）。`, { field: 'on', value: on });
      }
      return { published_on: on };
    },
  });
}
