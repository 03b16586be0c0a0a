import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { actorLabel, authorize } from '../../applications/applications.policy.ts';
import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { findAgencyCode, findItem, insertItem, nextIndexSeq, replaceTerms } from '../catalogue.repository.ts';
import { createItemSchema } from '../catalogue.schemas.ts';
import { indexTerms } from '../domain/bigrams.ts';
import { formatIndexNumber } from '../domain/index-number.ts';
import { itemView, type CatalogueItemView } from './catalogue-views.ts';
import { searchableText } from './catalogue-step.ts';

export function notInFuture(date: string | undefined, today: string, field: string): void {
  if (date !== undefined && date > today) {
    throw new AppError('input.dateInFuture', `日期（${date}）晚于今天（${today}），请核对。`, { field, date, today });
  }
}

/** A new draft for proactive disclosure (Art. 20), with its Art. 12 index number, indexed for search. */
export async function createCatalogueItem(ctx: UseCaseContext, input: unknown): Promise<CatalogueItemView> {
  const i = parseInput(createItemSchema, input);
  const today = ctx.clock.today();
  notInFuture(i.writtenOn, today, 'writtenOn');
  await authorize(ctx.db, ctx.actor, 'catalogue.edit', i.agencyId);
  const now = ctx.clock.now().toISOString();
  const year = Number(today.slice(0, 4));
  return ctx.db.transaction().execute(async (trx) => {
    const code = await findAgencyCode(trx, i.agencyId);
    if (code === undefined) throw new AppError('agency.notFound', '找不到该机关。', { agencyId: i.agencyId });
    const indexNumber = formatIndexNumber(code, year, await nextIndexSeq(trx, i.agencyId, year));
    const row = {
      agency_id: i.agencyId,
      index_number: indexNumber,
      title: i.title,
      summary: i.summary ?? null,
      body: i.body,
      category: i.category,
      issuing_body: i.issuingBody ?? null,
      written_on: i.writtenOn ?? null,
      published_on: null,
      doc_number: i.docNumber ?? null,
      validity: i.validity ?? null,
      state: 'draft' as const,
      year,
      created_at: now,
      updated_at: now,
    };
    const id = await insertItem(trx, row);
    await replaceTerms(trx, id, i.agencyId, indexTerms(searchableText(row)));
    await appendAudit(trx, {
      agencyId: i.agencyId,
      actor: actorLabel(ctx.actor),
      action: 'catalogue.created',
      subject: `catalogueItem:${id}`,
      details: { indexNumber, category: i.category },
      at: now,
    });
    return itemView((await findItem(trx, id))!, today, ctx.calendar);
  });
}
