import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { actorLabel, authorize } from '../../applications/applications.policy.ts';
import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { findRemedy, updateRemedy } from '../remedies.repository.ts';
import { updateRemedyResultSchema } from '../remedies.schemas.ts';
import { checkResult, remedyView, type RemedyView } from './remedy-view.ts';

/** The case was decided (upheld, corrected, other) — or a result is set back to pending. */
export async function updateRemedyResult(ctx: UseCaseContext, input: unknown): Promise<RemedyView> {
  const i = parseInput(updateRemedyResultSchema, input);
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findRemedy(trx, i.remedyId);
    if (!row) throw new AppError('remedy.notFound', '找不到该复议或诉讼案件。', { remedyId: i.remedyId });
    await authorize(trx, ctx.actor, 'remedy.edit', row.agency_id);
    checkResult(row.filed_on, i.result, i.closedOn, ctx.clock.today());
    const updated = await updateRemedy(trx, row.id, { result: i.result, closed_on: i.closedOn ?? null });
    await appendAudit(trx, {
      agencyId: row.agency_id,
      actor: actorLabel(ctx.actor),
      action: 'remedy.resultUpdated',
      subject: `remedy:${row.id}`,
      details: { from: row.result, to: updated.result, closedOn: updated.closed_on },
      at: now,
    });
    return remedyView(updated);
  });
}
