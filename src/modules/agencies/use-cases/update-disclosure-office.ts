import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import type { UseCaseContext } from '../../accounts/context.ts';
import { parseInput } from '../../../parse-input.ts';
import { actorLabel, authorize } from '../../accounts/policy.ts';
import { updateDisclosureOfficeSchema, type UpdateDisclosureOfficeInput } from '../agencies.schemas.ts';
import { findAgency, subordinatesIn, updateOffice } from '../agencies.repository.ts';
import { toAgencyView, type AgencyView } from '../agency-view.ts';

/**
 * Replaces the disclosure office's contact details (Art. 20(2): address, hours, contacts are published; Art. 24:
 * the office is how the public reaches the agency). A field left blank is cleared. Admin of the agency only.
 */
export async function updateDisclosureOffice(ctx: UseCaseContext, raw: UpdateDisclosureOfficeInput): Promise<AgencyView> {
  const input = parseInput(updateDisclosureOfficeSchema, raw);
  await authorize(ctx.actor, 'agency.update', input.agencyId, subordinatesIn(ctx.db));
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findAgency(trx, input.agencyId);
    if (!before) throw new AppError('agency.notFound', `机关（编号 ${input.agencyId}）不存在。`);
    const office = {
      office_name: input.office.name ?? null,
      office_address: input.office.address ?? null,
      office_phone: input.office.phone ?? null,
      office_hours: input.office.hours ?? null,
      office_email: input.office.email ?? null,
    };
    const after = await updateOffice(trx, input.agencyId, office);
    const changed = Object.fromEntries(
      Object.entries(office)
        .filter(([column, value]) => before[column as keyof typeof office] !== value)
        .map(([column, value]) => [column.replace('office_', ''), { from: before[column as keyof typeof office], to: value }]),
    );
    await appendAudit(trx, {
      agencyId: input.agencyId,
      actor: actorLabel(ctx.actor),
      action: 'agency.officeUpdated',
      subject: `agency:${input.agencyId}`,
      details: { changed },
      at: ctx.clock.now(),
    });
    return toAgencyView(after);
  });
}
