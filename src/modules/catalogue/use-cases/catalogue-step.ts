/**
 * The one path by which a catalogue item changes: authorise → load → check the step against the life cycle →
 * store the change, its search terms and the audit entry in one transaction.
 */
import type { CatalogueItemRow, CatalogueItemRowUpdate } from '../../../db/schema.ts';
import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import type { AuditDetails } from '../../audit/domain/chain.ts';
import { actorLabel, authorize, type Action } from '../../applications/applications.policy.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { findItem, raisePublicVersion, replaceTerms, updateItem } from '../catalogue.repository.ts';
import { indexTerms } from '../domain/bigrams.ts';
import { CATALOGUE_STATE_LABELS, CATALOGUE_STEP_LABELS, nextState, type CatalogueStep } from '../domain/life-cycle.ts';
import { itemView, type CatalogueItemView } from './catalogue-views.ts';

export function catalogueNotFound(): AppError {
  return new AppError('catalogue.notFound', '找不到该目录条目。');
}

/** The text the search index covers. */
export function searchableText(row: Pick<CatalogueItemRow, 'title' | 'summary' | 'body' | 'doc_number' | 'issuing_body'>): string {
  return [row.title, row.summary, row.body, row.doc_number, row.issuing_body].filter((s) => s).join('\n');
}

export interface CatalogueChange {
  readonly itemId: number;
  readonly action: Action;
  /** null: a change that is not a life-cycle step (validity) */
  readonly step: CatalogueStep | null;
  readonly changes: (row: CatalogueItemRow) => CatalogueItemRowUpdate;
  readonly audit: string;
  /** More for the audit entry (e.g. why an item was returned). */
  readonly details?: AuditDetails;
}

export async function changeItem(ctx: UseCaseContext, change: CatalogueChange): Promise<CatalogueItemView> {
  const today = ctx.clock.today();
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const row = await findItem(trx, change.itemId, { lock: true });
    if (!row) throw catalogueNotFound();
    await authorize(trx, ctx.actor, change.action, row.agency_id);
    const state = change.step === null ? row.state : nextState(row.state, change.step);
    if (state === null) {
      throw new AppError(
        'catalogue.event.notAllowed',
        `目录条目处于“${CATALOGUE_STATE_LABELS[row.state]}”状态，不能${CATALOGUE_STEP_LABELS[change.step!]}。`,
        { state: row.state, step: change.step },
      );
    }
    const now = ctx.clock.now().toISOString();
    const changes = { ...change.changes(row), state, updated_at: now };
    const updated = { ...row, ...changes } as CatalogueItemRow;
    await updateItem(trx, row.id, changes);
    if (searchableText(updated) !== searchableText(row)) await replaceTerms(trx, row.id, row.agency_id, indexTerms(searchableText(updated)));
    await appendAudit(trx, {
      agencyId: row.agency_id,
      actor: actorLabel(ctx.actor),
      action: change.audit,
      subject: `catalogueItem:${row.id}`,
      details: { indexNumber: row.index_number, from: row.state, to: state, ...change.details } as AuditDetails,
      at: now,
    });
    if (row.state === 'published' || updated.state === 'published') await raisePublicVersion(trx, row.agency_id);
    return itemView(updated, today, ctx.calendar);
  });
  return changed;
}
