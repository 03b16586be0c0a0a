import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { actorLabel, authorize } from '../../applications/applications.policy.ts';
import { parseInput } from '../../applications/applications.schemas.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { findApplicationForRemedy, insertRemedy } from '../remedies.repository.ts';
import { recordRemedySchema } from '../remedies.schemas.ts';
import { checkResult, remedyView, type RemedyView } from './remedy-view.ts';

/** A reconsideration or a lawsuit over the agency's disclosure work, linked to the application it concerns. */
export async function recordRemedyCase(ctx: UseCaseContext, input: unknown): Promise<RemedyView> {
  const i = parseInput(recordRemedySchema, input);
  checkResult(i.filedOn, i.result, i.closedOn, ctx.clock.today());
  await authorize(ctx.db, ctx.actor, 'remedy.edit', i.agencyId);
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    if (i.applicationId !== undefined) {
      const application = await findApplicationForRemedy(trx, i.applicationId);
      if (!application || application.agency_id !== i.agencyId) {
        throw new AppError('remedy.applicationNotFound', '找不到本机关的这件申请。', { applicationId: i.applicationId });
      }
      if (i.filedOn < application.received_on) {
        throw new AppError('input.invalidDate', `申请复议或起诉日期（${i.filedOn}）早于收到申请日期（${application.received_on}）。`, { field: 'filedOn', value: i.filedOn });
      }
    }
    const row = await insertRemedy(trx, {
      agency_id: i.agencyId,
      application_id: i.applicationId ?? null,
      kind: i.kind,
      reference: i.reference ?? null,
      filed_on: i.filedOn,
      result: i.result,
      closed_on: i.closedOn ?? null,
      created_at: now,
    });
    await appendAudit(trx, {
      agencyId: i.agencyId,
      actor: actorLabel(ctx.actor),
      action: 'remedy.recorded',
      subject: `remedy:${row.id}`,
      details: { kind: row.kind, filedOn: row.filed_on, result: row.result, applicationId: row.application_id },
      at: now,
    });
    return remedyView(row);
  });
}
