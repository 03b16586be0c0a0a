/**
 * The audit log page (admins and supervisors: audit.read). The audit module offers a repository read, not a use
 * case, so the route asks the policy first, for each agency it reads. The filters (agency, actor, action, subject,
 * dates) and the page come as query parameters, so a plain GET form works without JavaScript; they are applied in
 * SQL, to the agencies this actor may read only (a supervisor: their own and every agency below).
 */
import type { FastifyInstance } from 'fastify';
import { authorize, can } from '../../modules/accounts/policy.ts';
import { findUserByUsername } from '../../modules/accounts/accounts.repository.ts';
import { subordinatesIn } from '../../modules/agencies/agencies.repository.ts';
import { isIsoDate } from '../../modules/applications/domain/iso-date.ts';
import { auditActions, searchAudit, verifyAuditChain } from '../../modules/audit/audit.repository.ts';
import type { AppDeps } from '../app-deps.ts';
import type { AgencyChoice } from '../views/office/dashboard-page.tsx';
import { pageContext } from '../display-prefs.ts';
import { ALL_AGENCIES, auditPage, type AuditFilter, type AuditPageProps } from '../views/office/audit-page.tsx';
import { agencyChoices, html, parseId, staffContext } from './office-context.ts';
import { sessionOf } from './session.ts';
import { describeActors } from '../../modules/accounts/use-cases/describe-actors.ts';

export const AUDIT_PAGE_SIZE = 50;
const MAX_PAGE = 100_000;
/** An action (`application.replied`) or a group of them (`application`). */
const ACTION = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)?$/;
/** The log's times are UTC; people mean days in Beijing time (UTC+8, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

type Query = Record<string, unknown>;

/** One query parameter as text: a repeated parameter counts as its first value. */
function param(query: Query, name: string): string {
  const raw = query[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value.trim() : '';
}

export function parseAuditFilter(query: Query): AuditFilter {
  return {
    agency: param(query, 'agency'),
    actor: param(query, 'actor'),
    action: param(query, 'action'),
    subject: param(query, 'subject'),
    from: param(query, 'from'),
    to: param(query, 'to'),
    page: param(query, 'page'),
  };
}

/** Field → Chinese message for every filter that cannot be applied. */
export function auditFilterErrors(filter: AuditFilter): Record<string, string> {
  const errors: Record<string, string> = {};
  if (filter.actor.length > 100) errors['actor'] = '操作人不能超过100个字符';
  if (filter.action && (filter.action.length > 100 || !ACTION.test(filter.action))) errors['action'] = '操作无效，请从列表中选择';
  if (filter.subject.length > 200) errors['subject'] = '对象不能超过200个字符';
  for (const [name, label] of [['from', '起始日期'], ['to', '截止日期']] as const) {
    if (filter[name] && !isIsoDate(filter[name])) errors[name] = `${label}无效，请按“年-月-日”填写，例如 2025-03-10`;
  }
  if (!errors['from'] && !errors['to'] && filter.from && filter.to && filter.to < filter.from) errors['to'] = '截止日期不能早于起始日期';
  if (filter.page && (!/^\d{1,6}$/.test(filter.page) || Number(filter.page) < 1 || Number(filter.page) > MAX_PAGE)) errors['page'] = '页码无效，应为正整数';
  return errors;
}

/** The first instant of a Beijing calendar day (`days` later), as the log's UTC timestamp text. */
function beijingDayStart(isoDate: string, days = 0): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days) - BEIJING_OFFSET_MS).toISOString();
}

/** A username is looked up; a stored label (`user:12`, `token:3`, `system:…`, `public`) is taken as it is. */
async function actorLabelOf(deps: AppDeps, actor: string): Promise<string> {
  if (!actor || /^(user|token|system):/.test(actor) || actor === 'public') return actor;
  const user = await findUserByUsername(deps.db, actor);
  return user ? `user:${user.id}` : actor;
}

export function auditRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/office/audit', async (request, reply) => {
      const session = sessionOf(request);
      const subordinates = subordinatesIn(deps.db);
      const all = await agencyChoices(deps, session);
      const agencies = [];
      for (const a of all) if (await can(session.actor, 'audit.read', a.id, subordinates)) agencies.push(a);
      const filter = parseAuditFilter(request.query as Query);
      const wanted = parseId(filter.agency);
      // null: every agency this actor may read
      let current: AgencyChoice | null | undefined;
      if (filter.agency === ALL_AGENCIES) current = agencies.length > 1 ? null : agencies[0];
      else current = filter.agency ? agencies.find((a) => a.id === wanted) : agencies[0];
      if (current !== null) {
        // an agency this actor may not read, or none at all: the policy's own refusal (403)
        await authorize(session.actor, 'audit.read', current?.id ?? wanted, subordinates);
        if (!current) throw new Error('unreachable: authorised without an agency');
      }
      const scope = current ? [current.id] : agencies.map((a) => a.id);

      const errors = auditFilterErrors(filter);
      const ok = Object.keys(errors).length === 0;
      const page = ok && filter.page ? Number(filter.page) : 1;
      const found = ok
        ? await searchAudit(deps.db, {
            agencyIds: scope,
            actor: await actorLabelOf(deps, filter.actor),
            action: filter.action,
            subjectContains: filter.subject,
            ...(filter.from ? { fromAt: beijingDayStart(filter.from) } : {}),
            ...(filter.to ? { beforeAt: beijingDayStart(filter.to, 1) } : {}),
            limit: AUDIT_PAGE_SIZE,
            offset: (page - 1) * AUDIT_PAGE_SIZE,
          })
        : { rows: [], total: 0 };
      let chain: AuditPageProps['chain'] = null;
      if (current) {
        const verified = await verifyAuditChain(deps.db, current.id);
        chain = verified.ok ? { ok: true } : { ok: false, message: verified.firstBroken?.message ?? '未知原因' };
      }
      const props: AuditPageProps = {
        ctx: pageContext(request),
        actor: session.actor,
        csrf: session.csrf,
        agencies,
        current,
        filter,
        actions: await auditActions(deps.db, scope),
        rows: found.rows,
        actorNames: await describeActors(staffContext(deps, session), found.rows.map((r) => r.actor)),
        total: found.total,
        page,
        pageSize: AUDIT_PAGE_SIZE,
        chain,
        errors,
      };
      return html(reply, ok ? 200 : 400).send(auditPage(props));
    });
  };
}
