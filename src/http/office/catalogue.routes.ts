/**
 * Office routes for proactive-disclosure publishing: catalogue items from draft through review to published, and
 * the table 二 cells entered per year. Registered inside the signed-in office scope (session and CSRF already
 * checked). The catalogue use cases and the accounts policy inside them decide who may do what: the pages only
 * hide the buttons an actor could not use.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type AppError } from '../../errors.ts';
import { ROLE_ACTIONS, type Action, type StaffActor } from '../../modules/accounts/policy.ts';
import { getAgency } from '../../modules/agencies/use-cases/get-agency.ts';
import { CalendarError } from '../../modules/calendar/domain/calendar.ts';
import { CATALOGUE_STATES, type CatalogueState } from '../../modules/catalogue/domain/life-cycle.ts';
import { changeValidity } from '../../modules/catalogue/use-cases/change-validity.ts';
import { createCatalogueItem } from '../../modules/catalogue/use-cases/create-catalogue-item.ts';
import { getCatalogueItem } from '../../modules/catalogue/use-cases/get-catalogue-item.ts';
import { listCatalogueItems } from '../../modules/catalogue/use-cases/list-catalogue-items.ts';
import { publishCatalogueItem } from '../../modules/catalogue/use-cases/publish-catalogue-item.ts';
import { returnCatalogueItem } from '../../modules/catalogue/use-cases/return-catalogue-item.ts';
import { submitCatalogueItem } from '../../modules/catalogue/use-cases/submit-catalogue-item.ts';
import { updateCatalogueItem } from '../../modules/catalogue/use-cases/update-catalogue-item.ts';
import { getYearlyCounts } from '../../modules/catalogue/use-cases/get-yearly-counts.ts';
import { setYearlyCounts } from '../../modules/catalogue/use-cases/set-yearly-counts.ts';
import { FORMATS, formatForYear } from '../../modules/annual-report/domain/formats/index.ts';
import type { CatalogueItemView } from '../../modules/catalogue/use-cases/catalogue-views.ts';
import type { AppDeps } from '../app-deps.ts';
import { CSRF_FIELD } from '../csrf.ts';
import { pageContext } from '../display-prefs.ts';
import { issuesOf } from '../errors/error-handler.ts';
import { statusForCode } from '../errors/error-status.ts';
import { formFields, nestFields } from '../forms/form-body.ts';
import { catalogueFormPage, itemFormValues } from '../views/office/catalogue-form-page.tsx';
import { ITEM_DONE_LABELS, ITEM_STEPS, catalogueItemPage, type ItemFeedback, type ItemStep } from '../views/office/catalogue-item-page.tsx';
import { catalogueListPage, type CatalogueListFilter } from '../views/office/catalogue-list-page.tsx';
import { timelinessNote } from '../views/office/catalogue-timeliness.tsx';
import { yearlyCells, yearlyCountsPage, yearlyFieldName } from '../views/office/catalogue-yearly-page.tsx';
import { attachmentsSection } from './attachments-section.ts';
import { agencyChoices, html, parseId, staffContext } from './office-context.ts';
import { sessionOf, type OfficeSession } from './session.ts';

const PAGE_SIZE = 50;
/** The schema allows a body of 1,000,000 characters: percent-encoded Chinese takes 9 bytes a character. */
const ITEM_FORM_BODY_LIMIT = 10 * 1024 * 1024;
const REASON_MAX = 500;

/** Whether one of the actor's own roles in the agency allows the action (to offer a button; the use case decides). */
function holds(actor: StaffActor, agencyId: number, action: Action): boolean {
  return actor.roles.some((r) => r.agencyId === agencyId && ROLE_ACTIONS[r.role].has(action));
}

/** Years for the pickers: this year back to 2019 (the Regulations as revised). */
function yearsUpTo(today: string): number[] {
  const years: number[] = [];
  for (let y = Number(today.slice(0, 4)); y >= 2019; y--) years.push(y);
  return years;
}

function intIn(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || !/^\d{1,6}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/** What was typed, for the form shown again (the CSRF token comes from the session). */
function keptValues(fields: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => k !== CSRF_FIELD));
}

/** Field → first message, from an AppError's issues. */
function fieldErrors(error: AppError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issuesOf(error)) errors[issue.field] ??= issue.message;
  return errors;
}

/** The use-case input of the item form: blanks left out (the schema names a missing required field), the category a number. */
function itemInput(fields: Readonly<Record<string, string>>): Record<string, unknown> {
  const input: Record<string, unknown> = nestFields(fields, [CSRF_FIELD, 'agencyId', 'itemId']);
  const category = fields['category']?.trim() ?? '';
  if (/^\d{1,6}$/.test(category)) input['category'] = Number(category);
  return input;
}

/** A form-level refusal: input errors and life-cycle refusals are shown in the form; access and absence go to the error page. */
function shownInForm(error: unknown): error is AppError | CalendarError {
  if (error instanceof CalendarError) return true;
  return isAppError(error) && error.code !== 'access.denied' && !error.code.endsWith('.notFound');
}

interface Refusal {
  readonly status: number;
  readonly errors: Record<string, string>;
  readonly message?: string;
}

function formRefusal(error: AppError | CalendarError): Refusal {
  if (error instanceof CalendarError) {
    // the Art. 26 deadline is counted in working days: a 成文日期 outside the holiday data cannot be counted
    return { status: 400, errors: { writtenOn: `无法计算该日期起的第二十六条公开时限：${error.message}` } };
  }
  return { status: statusForCode(error.code), errors: fieldErrors(error), ...(error.code === 'input.invalid' ? {} : { message: error.message }) };
}

async function editableAgencies(deps: AppDeps, session: OfficeSession) {
  return (await agencyChoices(deps, session)).filter((a) => holds(session.actor, a.id, 'catalogue.edit'));
}

type ItemRequest = FastifyRequest<{ Params: { id: string } }>;
type FormTarget = Parameters<typeof catalogueFormPage>[0]['target'];

function showForm(request: FastifyRequest, reply: FastifyReply, target: FormTarget, values: Record<string, string>, refusal?: Refusal, message?: string) {
  const session = sessionOf(request);
  const shown = refusal?.message ?? message;
  return html(reply, refusal?.status ?? 200).send(
    catalogueFormPage({
      ctx: pageContext(request),
      actor: session.actor,
      csrf: session.csrf,
      target,
      values,
      ...(refusal ? { errors: refusal.errors } : {}),
      ...(shown ? { message: shown } : {}),
    }),
  );
}

/** The item page (`attachmentError`: why an upload was just refused, shown in the attachments section). */
export async function showItem(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  item: CatalogueItemView,
  extra: { done?: string; feedback?: ItemFeedback; status?: number; attachmentError?: string },
) {
  const session = sessionOf(request);
  const ctx = { db: deps.db, actor: session.actor, clock: deps.clock };
  const agency = await getAgency(ctx, item.agencyId);
  const today = deps.clock.today();
  return html(reply, extra.status ?? 200).send(
    catalogueItemPage({
      ctx: pageContext(request),
      actor: session.actor,
      csrf: session.csrf,
      item,
      note: timelinessNote(item, today, deps.calendar),
      agencyName: agency.name,
      portalHref: item.state === 'published' ? `/a/${encodeURIComponent(agency.code)}/items/${item.id}` : null,
      mayEdit: holds(session.actor, item.agencyId, 'catalogue.edit'),
      mayPublish: holds(session.actor, item.agencyId, 'catalogue.publish'),
      today,
      ...(extra.done ? { done: extra.done } : {}),
      ...(extra.feedback ? { feedback: extra.feedback } : {}),
      attachments: await attachmentsSection(deps, request, { kind: 'catalogueItem', id: item.id, agencyId: item.agencyId, published: item.state === 'published' }, extra.attachmentError),
    }),
  );
}

/** Runs one step of the item page (the return reason is checked before, by reasonError). */
async function runStep(deps: AppDeps, session: OfficeSession, step: ItemStep, itemId: number, fields: Readonly<Record<string, string>>): Promise<void> {
  const ctx = staffContext(deps, session);
  switch (step) {
    case 'submit':
      await submitCatalogueItem(ctx, { itemId });
      return;
    case 'return':
      // the reason goes along for when the use case records it (it takes none yet)
      await returnCatalogueItem(ctx, { itemId, reason: fields['reason']?.trim() ?? '' });
      return;
    case 'publish': {
      const on = fields['on']?.trim();
      await publishCatalogueItem(ctx, { itemId, ...(on ? { on } : {}) });
      return;
    }
    case 'validity':
      await changeValidity(ctx, { itemId, validity: fields['validity']?.trim() ?? '' });
      return;
  }
}

function reasonError(step: ItemStep, fields: Readonly<Record<string, string>>): Record<string, string> | null {
  if (step !== 'return') return null;
  const reason = fields['reason']?.trim() ?? '';
  if (reason === '') return { reason: '请填写退回理由' };
  if (reason.length > REASON_MAX) return { reason: `退回理由不能超过${REASON_MAX}个字` };
  return null;
}

interface YearlyScreen {
  readonly agencyId: number;
  readonly year: number;
  readonly values?: Record<string, string>;
  readonly errors?: Record<string, string>;
  readonly message?: string;
  readonly done?: boolean;
  readonly status?: number;
}

async function showYearly(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, screen: YearlyScreen) {
  const session = sessionOf(request);
  const agencies = await agencyChoices(deps, session);
  const current = agencies.find((a) => a.id === screen.agencyId) ?? agencies[0];
  if (!current) return reply.redirect('/office/catalogue', 303);
  const values =
    screen.values ??
    Object.fromEntries((await getYearlyCounts(staffContext(deps, session), { agencyId: current.id, year: screen.year })).map((c) => [yearlyFieldName(c.row, c.column), c.value]));
  return html(reply, screen.status ?? 200).send(
    yearlyCountsPage({
      ctx: pageContext(request),
      actor: session.actor,
      csrf: session.csrf,
      agencies,
      current,
      year: screen.year,
      years: yearsUpTo(deps.clock.today()),
      format: FORMATS[formatForYear(screen.year)],
      values,
      mayEdit: holds(session.actor, current.id, 'catalogue.edit'),
      ...(screen.errors ? { errors: screen.errors } : {}),
      ...(screen.message ? { message: screen.message } : {}),
      ...(screen.done ? { done: true } : {}),
    }),
  );
}

export function officeCatalogueRoutes(deps: AppDeps) {
  return async (office: FastifyInstance): Promise<void> => {
    office.get<{ Querystring: Record<string, string | undefined> }>('/office/catalogue', async (request, reply) => {
      const session = sessionOf(request);
      const agencies = await agencyChoices(deps, session);
      const q = request.query;
      const current = agencies.find((a) => a.id === parseId(q['agency'])) ?? agencies[0];
      const state = CATALOGUE_STATES.find((s) => s === q['state']) as CatalogueState | undefined;
      const category = intIn(q['category'], 1, 15);
      const year = intIn(q['year'], 2000, 2100);
      const filter: CatalogueListFilter = { ...(state ? { state } : {}), ...(category ? { category } : {}), ...(year ? { year } : {}), page: intIn(q['page'], 1, 10_000) ?? 1 };
      const today = deps.clock.today();
      const list = current
        ? await listCatalogueItems(staffContext(deps, session), {
            agencyId: current.id,
            ...(state ? { states: [state] } : {}),
            ...(category ? { category } : {}),
            ...(year ? { year } : {}),
            page: filter.page,
            pageSize: PAGE_SIZE,
          })
        : { items: [], total: 0 };
      return html(reply).send(
        catalogueListPage({
          ctx: pageContext(request),
          actor: session.actor,
          csrf: session.csrf,
          agencies,
          current,
          filter,
          rows: list.items.map((item) => ({ item, note: timelinessNote(item, today, deps.calendar) })),
          total: list.total,
          pageSize: PAGE_SIZE,
          years: yearsUpTo(today),
          mayEdit: current !== undefined && holds(session.actor, current.id, 'catalogue.edit'),
        }),
      );
    });

    office.get<{ Querystring: { agency?: string } }>('/office/catalogue/new', async (request, reply) => {
      const session = sessionOf(request);
      const agencies = await editableAgencies(deps, session);
      const wanted = agencies.find((a) => a.id === parseId(request.query.agency)) ?? agencies[0];
      const values = { agencyId: wanted ? String(wanted.id) : '', validity: 'valid' };
      return showForm(request, reply, { kind: 'new', agencies }, values, undefined, agencies.length === 0 ? '您没有在任何机关录入主动公开信息的权限。' : undefined);
    });

    office.post('/office/catalogue/new', { bodyLimit: ITEM_FORM_BODY_LIMIT }, async (request, reply) => {
      const session = sessionOf(request);
      const fields = formFields(request.body);
      try {
        const item = await createCatalogueItem(staffContext(deps, session), { ...itemInput(fields), agencyId: parseId(fields['agencyId']) });
        return reply.redirect(`/office/catalogue/items/${item.id}?done=created`, 303);
      } catch (error) {
        if (!shownInForm(error)) throw error;
        return showForm(request, reply, { kind: 'new', agencies: await editableAgencies(deps, session) }, keptValues(fields), formRefusal(error));
      }
    });

    office.get<{ Params: { id: string }; Querystring: { done?: string } }>('/office/catalogue/items/:id', async (request, reply) => {
      const item = await getCatalogueItem(staffContext(deps, sessionOf(request)), { itemId: parseId(request.params.id) });
      const key = request.query.done;
      const done = key !== undefined && Object.hasOwn(ITEM_DONE_LABELS, key) ? ITEM_DONE_LABELS[key] : undefined;
      return showItem(deps, request, reply, item, done ? { done } : {});
    });

    office.get('/office/catalogue/items/:id/edit', async (request: ItemRequest, reply) => {
      const session = sessionOf(request);
      const item = await getCatalogueItem(staffContext(deps, session), { itemId: parseId(request.params.id) });
      const message = item.state === 'published' ? '已发布的条目不能修改，只能变更有效性。' : undefined;
      return showForm(request, reply, { kind: 'edit', itemId: item.id, indexNumber: item.indexNumber }, itemFormValues(item), undefined, message);
    });

    office.post('/office/catalogue/items/:id/edit', { bodyLimit: ITEM_FORM_BODY_LIMIT }, async (request: ItemRequest, reply) => {
      const session = sessionOf(request);
      const itemId = parseId(request.params.id);
      const fields = formFields(request.body);
      try {
        await updateCatalogueItem(staffContext(deps, session), { ...itemInput(fields), itemId });
        return reply.redirect(`/office/catalogue/items/${itemId}?done=updated`, 303);
      } catch (error) {
        if (!shownInForm(error)) throw error;
        const item = await getCatalogueItem(staffContext(deps, session), { itemId });
        return showForm(request, reply, { kind: 'edit', itemId, indexNumber: item.indexNumber }, keptValues(fields), formRefusal(error));
      }
    });

    office.post<{ Params: { id: string; step: string } }>('/office/catalogue/items/:id/:step', async (request, reply) => {
      const step = ITEM_STEPS.find((s) => s === request.params.step);
      if (!step) return reply.callNotFound();
      const session = sessionOf(request);
      const itemId = parseId(request.params.id);
      const fields = formFields(request.body);
      const ctx = staffContext(deps, session);
      const values = keptValues(fields);
      const invalidReason = reasonError(step, fields);
      if (invalidReason) {
        const item = await getCatalogueItem(ctx, { itemId });
        return showItem(deps, request, reply, item, { status: 400, feedback: { step, values, errors: invalidReason } });
      }
      try {
        await runStep(deps, session, step, itemId, fields);
        return reply.redirect(`/office/catalogue/items/${itemId}?done=${step}`, 303);
      } catch (error) {
        if (!isAppError(error) || !shownInForm(error)) throw error;
        const item = await getCatalogueItem(ctx, { itemId });
        const refusal = formRefusal(error);
        const feedback: ItemFeedback = { step, values, errors: refusal.errors, message: refusal.message ?? '提交的内容有误，请按提示修改。' };
        return showItem(deps, request, reply, item, { status: refusal.status, feedback });
      }
    });

    office.get<{ Querystring: { agency?: string; year?: string; done?: string } }>('/office/catalogue/yearly', async (request, reply) => {
      const lastYear = Number(deps.clock.today().slice(0, 4)) - 1;
      const year = intIn(request.query.year, 2019, lastYear + 1) ?? Math.max(2019, lastYear);
      return showYearly(deps, request, reply, { agencyId: parseId(request.query.agency), year, done: request.query.done === '1' });
    });

    office.post('/office/catalogue/yearly', async (request, reply) => {
      const session = sessionOf(request);
      const fields = formFields(request.body);
      const agencyId = parseId(fields['agency']);
      const year = intIn(fields['year'], 2019, Number(deps.clock.today().slice(0, 4)));
      if (year === undefined) {
        const fallback = Math.max(2019, Number(deps.clock.today().slice(0, 4)) - 1);
        return showYearly(deps, request, reply, { agencyId, year: fallback, values: keptValues(fields), message: '年份无效：请在2019年至今年之间选择。', status: 400 });
      }
      const order = yearlyCells(FORMATS[formatForYear(year)]);
      const cells = order.map((c) => ({ ...c, value: fields[yearlyFieldName(c.row, c.column)]?.trim() || null }));
      try {
        await setYearlyCounts(staffContext(deps, session), { agencyId, year, cells });
        return reply.redirect(`/office/catalogue/yearly?agency=${agencyId}&year=${year}&done=1`, 303);
      } catch (error) {
        if (!isAppError(error) || !shownInForm(error)) throw error;
        const errors: Record<string, string> = {};
        for (const issue of issuesOf(error)) {
          const n = /^cells\.(\d+)\./.exec(issue.field)?.[1];
          const cell = n === undefined ? undefined : order[Number(n)];
          errors[cell ? yearlyFieldName(cell.row, cell.column) : issue.field] ??= issue.message;
        }
        const message = error.code === 'input.invalid' ? undefined : error.message;
        return showYearly(deps, request, reply, { agencyId, year, values: keptValues(fields), errors, status: statusForCode(error.code), ...(message ? { message } : {}) });
      }
    });
  };
}
