/**
 * The audit log page (admins and supervisors: audit.read). The audit module offers a repository read, not a use
 * case, so the route asks the policy first. Filters apply to the latest 500 entries of the chain.
 */
import type { FastifyInstance } from 'fastify';
import { authorize, can } from '../../modules/accounts/policy.ts';
import { subordinatesIn } from '../../modules/agencies/agencies.repository.ts';
import { isIsoDate } from '../../modules/applications/domain/iso-date.ts';
import { listAudit, verifyAuditChain } from '../../modules/audit/audit.repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { pageContext } from '../display-prefs.ts';
import { auditPage, type AuditFilter } from '../views/office/audit-page.tsx';
import { agencyChoices, html, parseId } from './office-context.ts';
import { sessionOf } from './session.ts';

const WINDOW = 500;

function filterErrors(filter: AuditFilter): Record<string, string> {
  const errors: Record<string, string> = {};
  if (filter.action.length > 100) errors['action'] = '操作名称不能超过100个字符';
  for (const [name, label] of [['from', '起始日期'], ['to', '截止日期']] as const) {
    if (filter[name] && !isIsoDate(filter[name])) errors[name] = `${label}无效，请按“年-月-日”填写，例如 2025-03-10`;
  }
  return errors;
}

export function auditRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: { agency?: string; action?: string; from?: string; to?: string } }>('/office/audit', async (request, reply) => {
      const session = sessionOf(request);
      const subordinates = subordinatesIn(deps.db);
      const all = await agencyChoices(deps, session);
      const agencies = [];
      for (const a of all) if (await can(session.actor, 'audit.read', a.id, subordinates)) agencies.push(a);
      const wanted = parseId(request.query.agency);
      const current = agencies.find((a) => a.id === wanted) ?? agencies[0];
      // no agency whose log this actor may read: the policy's own refusal (403)
      await authorize(session.actor, 'audit.read', current?.id ?? wanted, subordinates);
      if (!current) throw new Error('unreachable: authorised without an agency');
      const filter: AuditFilter = {
        action: (request.query.action ?? '').trim(),
        from: (request.query.from ?? '').trim(),
        to: (request.query.to ?? '').trim(),
      };
      const errors = filterErrors(filter);
      const ok = Object.keys(errors).length === 0;
      const rows = (await listAudit(deps.db, current.id, { limit: WINDOW })).filter(
        (r) => !ok || ((!filter.action || r.action.includes(filter.action)) && (!filter.from || r.at.slice(0, 10) >= filter.from) && (!filter.to || r.at.slice(0, 10) <= filter.to)),
      );
      const verified = await verifyAuditChain(deps.db, current.id);
      const chain = verified.ok ? ({ ok: true } as const) : ({ ok: false, message: verified.firstBroken?.message ?? '未知原因' } as const);
      return html(reply, ok ? 200 : 400).send(
        auditPage({ ctx: pageContext(request), actor: session.actor, csrf: session.csrf, agencies, current, filter, rows: ok ? rows : [], chain, errors }),
      );
    });
  };
}
