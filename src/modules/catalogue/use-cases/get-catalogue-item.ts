import { z } from 'zod';
import { authorize } from '../../applications/applications.policy.ts';
import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { findItem } from '../catalogue.repository.ts';
import { itemView, type CatalogueItemView } from './catalogue-views.ts';
import { catalogueNotFound } from './catalogue-step.ts';

const schema = z.object({ itemId: z.number().int().positive() });

/** One item: the public sees published items only (anything else is "not found"); staff of the agency see all. */
export async function getCatalogueItem(ctx: UseCaseContext, input: unknown): Promise<CatalogueItemView> {
  const i = parseInput(schema, input);
  const row = await findItem(ctx.db, i.itemId);
  if (!row) throw catalogueNotFound();
  if (ctx.actor.kind === 'public') {
    if (row.state !== 'published') throw catalogueNotFound();
  } else {
    await authorize(ctx.db, ctx.actor, 'catalogue.read', row.agency_id);
  }
  return itemView(row, ctx.clock.today(), ctx.calendar);
}
