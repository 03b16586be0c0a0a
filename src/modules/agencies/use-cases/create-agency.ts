import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import type { UseCaseContext } from '../../accounts/context.ts';
import { parseInput } from '../../../parse-input.ts';
import { actorLabel, authorize, authorizeSystem } from '../../accounts/policy.ts';
import { createAgencySchema, type CreateAgencyInput } from '../agencies.schemas.ts';
import { findAgency, findAgencyByCode, insertAgency, subordinatesIn } from '../agencies.repository.ts';
import { toAgencyView, type AgencyView } from '../agency-view.ts';
import { regionContains } from '../domain/region-code.ts';

/**
 * Creates an agency: below an existing one (by an admin of that parent agency), or at the top of a hierarchy (by
 * gongkai itself: the command line, the demo). Art. 49: reports go up the hierarchy this records.
 */
export async function createAgency(ctx: UseCaseContext, raw: CreateAgencyInput): Promise<AgencyView> {
  const input = parseInput(createAgencySchema, raw);
  if (input.parentId === null) authorizeSystem(ctx.actor, 'agency.create');
  else await authorize(ctx.actor, 'agency.create', input.parentId, subordinatesIn(ctx.db));

  return ctx.db.transaction().execute(async (trx) => {
    if (input.parentId !== null) {
      const parent = await findAgency(trx, input.parentId);
      if (!parent) throw new AppError('agency.notFound', `上级机关（编号 ${input.parentId}）不存在。`, { field: 'parentId' });
      if (parent.region_code !== null && !regionContains(parent.region_code, input.regionCode)) {
        throw new AppError('input.invalid', `行政区划代码 ${input.regionCode} 不在上级机关的行政区划（${parent.region_code}）之内`, {
          issues: [{ path: 'regionCode', message: `行政区划代码应在上级机关的行政区划（${parent.region_code}）之内` }],
        });
      }
    }
    if (await findAgencyByCode(trx, input.code)) {
      throw new AppError('agency.codeTaken', `机关代码“${input.code}”已被使用，请换一个。`, { field: 'code' });
    }
    const row = await insertAgency(trx, {
      code: input.code,
      name: input.name,
      parent_id: input.parentId,
      kind: input.kind,
      level: input.level,
      region_code: input.regionCode,
      office_name: input.office.name ?? null,
      office_address: input.office.address ?? null,
      office_phone: input.office.phone ?? null,
      office_hours: input.office.hours ?? null,
      office_email: input.office.email ?? null,
      created_at: ctx.clock.now().toISOString(),
    });
    await appendAudit(trx, {
      agencyId: input.parentId,
      actor: actorLabel(ctx.actor),
      action: 'agency.created',
      subject: `agency:${row.id}`,
      details: { code: row.code, name: row.name, kind: row.kind, level: row.level, regionCode: row.region_code, parentId: row.parent_id },
      at: ctx.clock.now(),
    });
    return toAgencyView(row);
  });
}
