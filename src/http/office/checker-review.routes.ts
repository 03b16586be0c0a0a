/**
 * Office routes for the supervisor's checker: upload reports (files or a folder), see the findings on the tables,
 * confirm or dismiss each with a note. Registered inside the signed-in office scope (session and CSRF checked).
 *
 * The uploaded files are not kept. Each checked report goes into a ticket — its gongkai JSON, its findings, its report
 * key and the reviewing agency, deflated and signed with an HMAC keyed by the session — that every review form of the
 * report carries, so a review can be saved and the report shown again. A ticket from another session, or one changed
 * by hand, is refused (field `ticket`); a finding key that is not one of the ticket's findings is refused (field
 * `finding`). The reviewing agency is the reviewer's own, never one named by the form alone: the use case authorises it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../errors.ts';
import type { Finding } from '../../modules/annual-report/domain/finding.ts';
import { findingKey, reportKey } from '../../modules/annual-report/domain/review-keys.ts';
import { parseReportJson, renderReportJson } from '../../modules/annual-report/render/json.ts';
import { checkReportFiles, type CheckedReport, type ReportFile } from '../../modules/annual-report/use-cases/check-reports.ts';
import { DECISION_LABELS, listReviewsOfReports, reviewFinding, reviewingAgencies, type ReviewFindingsContext } from '../../modules/annual-report/use-cases/review-findings.ts';
import { getAgency } from '../../modules/agencies/use-cases/get-agency.ts';
import type { AppDeps } from '../app-deps.ts';
import { pageContext } from '../display-prefs.ts';
import { issuesOf } from '../errors/error-handler.ts';
import { formFields } from '../forms/form-body.ts';
import { checkerResultsPage, type CheckedFileView, type CheckerResultsProps } from '../views/office/checker-results-page.tsx';
import { checkerUploadPage, type ReviewAgency, type UploadLimits } from '../views/office/checker-upload-page.tsx';
import { html } from './office-context.ts';
import { currentSession, SESSION_COOKIE, sessionOf } from './session.ts';

export const OFFICE_CHECKER_LIMITS: UploadLimits = {
  maxFileMb: 20,
  maxFiles: 100,
  maxTotalMb: 100,
  extensions: ['pdf', 'docx', 'xlsx', 'html', 'htm', 'txt', 'md', 'json'],
};
const MB = 1024 * 1024;
const EXTENSION = new RegExp(`\\.(${OFFICE_CHECKER_LIMITS.extensions.join('|')})$`, 'i');
/** A ticket inflates to at most this (a report's JSON and findings are tens of kB). */
const MAX_TICKET_JSON = 4 * MB;

type UploadEntry =
  | { readonly source: string; readonly bytes: Buffer }
  | { readonly source: string; readonly code: 'unreadable.format' | 'unreadable.tooLarge'; readonly refused: string };

interface Upload {
  readonly entries: UploadEntry[];
  /** Said about the whole upload, e.g. files beyond the count limit left out. */
  note?: string;
  /** The upload could not be read at all. */
  fatal?: string;
}

const uploads = new WeakMap<FastifyRequest, Upload>();

export function officeCheckerRoutes(deps: AppDeps) {
  return async (office: FastifyInstance): Promise<void> => {
    office.get('/office/checker', async (request, reply) => {
      const frame = await frameOf(deps, request);
      return html(reply).send(checkerUploadPage({ ...frame.base, agencies: frame.agencies, limits: OFFICE_CHECKER_LIMITS }));
    });

    // The multipart body is read before the office's preHandler, which then finds the CSRF field in request.body.
    office.post('/office/checker', { preValidation: async (request) => readUpload(deps, request) }, async (request, reply) => {
      const frame = await frameOf(deps, request);
      const upload = uploads.get(request);
      const refuse = (error: string) => html(reply, 400).send(checkerUploadPage({ ...frame.base, agencies: frame.agencies, limits: OFFICE_CHECKER_LIMITS, error }));
      if (!upload) return refuse('请通过表单上传文件（multipart/form-data）');
      if (upload.fatal) return refuse(upload.fatal);
      if (upload.entries.length === 0) return refuse('请选择至少一个报告文件或文件夹（files 字段为空）');
      const agency = frame.pick(formFields(request.body)['agency']);

      const readable = upload.entries.flatMap((e): ReportFile[] => ('bytes' in e ? [{ source: e.source, bytes: e.bytes }] : []));
      const checked = new Map((await checkReportFiles(readable)).map((r) => [r.source, r]));
      const results = upload.entries.map((e): CheckedReport => ('bytes' in e ? checked.get(e.source)! : { ok: false, source: e.source, code: e.code, message: e.refused }));
      const files = await present(deps, request, agency.id, results);
      return html(reply).send(checkerResultsPage({ ...frame.base, reviewingAgency: agency.name, files, ...(upload.note ? { uploadNote: upload.note } : {}) }));
    });

    office.post('/office/checker/review', async (request, reply) => {
      const frame = await frameOf(deps, request);
      const fields = formFields(request.body);
      const ticket = openTicket(ticketKey(request), fields['ticket']);
      if (!ticket) {
        const error = '核查表单已失效或被改动（ticket 无效），核查意见未保存。请重新上传报告后再填写。';
        return html(reply, 400).send(checkerUploadPage({ ...frame.base, agencies: frame.agencies, limits: OFFICE_CHECKER_LIMITS, error }));
      }
      const agency = frame.pick(String(ticket.agencyId));
      const result: CheckedReport = { ok: true, source: ticket.source, kind: ticket.kind, report: parseReportJson(ticket.report), findings: ticket.findings };
      const show = async (status: number, extra: Partial<CheckerResultsProps>) => {
        const files = await present(deps, request, ticket.agencyId, [result]);
        return html(reply, status).send(checkerResultsPage({ ...frame.base, reviewingAgency: agency.name, files, ...extra }));
      };
      const key = fields['finding'] ?? '';
      const number = ticket.findings.findIndex((f) => findingKey(f) === key) + 1;
      const values = { decision: fields['decision'] ?? '', note: fields['note'] ?? '' };
      if (number === 0) {
        return show(400, { feedback: { findingKey: key, values, errors: { finding: '该问题不属于这份报告（finding 无效），核查意见未保存' } } });
      }
      try {
        const changed = await reviewFinding(reviewContext(deps, request), { agencyId: ticket.agencyId, reportKey: ticket.reportKey, findingKey: key, ...values });
        const decision = DECISION_LABELS[values.decision as keyof typeof DECISION_LABELS];
        return show(200, { saved: changed ? `已保存问题${number}的核查意见：${decision}。` : `问题${number}的核查意见与此前相同，未作改动。` });
      } catch (error) {
        if (!isAppError(error) || error.code !== 'input.invalid') throw error;
        const errors = Object.fromEntries(issuesOf(error).map((i) => [i.field, i.message]));
        return show(400, { feedback: { findingKey: key, values, errors } });
      }
    });
  };
}

function reviewContext(deps: AppDeps, request: FastifyRequest): ReviewFindingsContext {
  return { db: deps.db, actor: sessionOf(request).actor, clock: deps.clock };
}

/** The page frame and the agencies the signed-in user may review in; refuses (403) a user who may review nowhere. */
async function frameOf(deps: AppDeps, request: FastifyRequest) {
  const session = sessionOf(request);
  const ctx = reviewContext(deps, request);
  const ids = await reviewingAgencies(ctx);
  if (ids.length === 0) {
    throw new AppError('access.denied', '只有本机关的监督人或管理员可以核查年度报告。', { action: 'finding.review' });
  }
  const agencies: ReviewAgency[] = [];
  for (const id of ids) agencies.push({ id, name: (await getAgency(ctx, id)).name });
  return {
    base: { ctx: pageContext(request), actor: session.actor, csrf: session.csrf },
    agencies,
    /** The agency a form names, when the user may review there; else the first one. */
    pick: (raw: string | undefined): ReviewAgency => agencies.find((a) => String(a.id) === raw) ?? agencies[0]!,
  };
}

/** Each readable report with its key, its signed ticket and its findings with the agency's earlier reviews. */
async function present(deps: AppDeps, request: FastifyRequest, agencyId: number, results: readonly CheckedReport[]): Promise<CheckedFileView[]> {
  const keyOf = new Map(results.flatMap((r) => (r.ok ? [[r, reportKey(r.report)] as const] : [])));
  const reviews = await listReviewsOfReports(reviewContext(deps, request), { agencyId, reportKeys: [...keyOf.values()] });
  const signing = ticketKey(request);
  return results.map((r): CheckedFileView => {
    if (!r.ok) return { ok: false, source: r.source, message: r.message };
    const key = keyOf.get(r)!;
    const held = reviews.get(key);
    const ticket = sealTicket(signing, { v: 1, agencyId, reportKey: key, source: r.source, kind: r.kind, report: renderReportJson(r.report), findings: [...r.findings] });
    return {
      ok: true,
      source: r.source,
      kind: r.kind,
      report: r.report,
      reportKey: key,
      ticket,
      findings: r.findings.map((f) => ({ finding: f, key: findingKey(f), review: held?.get(findingKey(f)) ?? null })),
    };
  });
}

// ---- the ticket a review form carries ----

interface Ticket {
  readonly v: 1;
  readonly agencyId: number;
  readonly reportKey: string;
  readonly source: string;
  readonly kind: Extract<CheckedReport, { ok: true }>['kind'];
  /** The report as gongkai JSON. */
  readonly report: string;
  readonly findings: Finding[];
}

/** Per session: a ticket issued to one session is worthless in another, and only the server can sign one. */
function ticketKey(request: FastifyRequest): Buffer {
  return createHmac('sha256', 'gongkai/office/checker-review/ticket').update(request.cookies[SESSION_COOKIE] ?? '').digest();
}

function signature(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}

function sealTicket(key: Buffer, ticket: Ticket): string {
  const body = deflateRawSync(Buffer.from(JSON.stringify(ticket), 'utf8')).toString('base64url');
  return `${body}.${signature(key, body)}`;
}

function openTicket(key: Buffer, raw: string | undefined): Ticket | null {
  const [body, sig, ...rest] = (raw ?? '').split('.');
  if (!body || !sig || rest.length > 0) return null;
  const expected = Buffer.from(signature(key, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const ticket = JSON.parse(inflateRawSync(Buffer.from(body, 'base64url'), { maxOutputLength: MAX_TICKET_JSON }).toString('utf8')) as Ticket;
    if (ticket.v !== 1 || reportKey(parseReportJson(ticket.report)) !== ticket.reportKey || !Array.isArray(ticket.findings)) return null;
    return ticket;
  } catch {
    return null;
  }
}

// ---- reading the upload ----

/** Reads the multipart upload into memory (within the limits), and its plain fields into request.body. */
async function readUpload(deps: AppDeps, request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  // Without a session the office's preHandler sends the browser to the login page; nothing is read for it.
  if (!(await currentSession(deps, request))) return;
  const upload: Upload = { entries: [] };
  uploads.set(request, upload);
  const fields = Object.create(null) as Record<string, string>;
  const limits = OFFICE_CHECKER_LIMITS;
  let total = 0;
  const seen = new Map<string, number>();
  const unique = (name: string) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}（${n}）`;
  };
  try {
    // A file over the size limit is cut off and marked truncated (refused alone) instead of failing the whole upload.
    const options = { limits: { fileSize: limits.maxFileMb * MB, files: limits.maxFiles, fields: 10, fieldSize: 1000 }, throwFileSizeLimit: false };
    const parts = request.parts(options);
    for await (const part of parts) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !Object.hasOwn(fields, part.fieldname)) fields[part.fieldname] = part.value;
        continue;
      }
      if (!part.filename) {
        await drain(part.file); // an empty file input
        continue;
      }
      const source = unique(part.filename);
      if (!EXTENSION.test(part.filename)) {
        await drain(part.file);
        upload.entries.push({ source, code: 'unreadable.format', refused: `不支持的文件类型，未检查；请上传 ${limits.extensions.join('、')} 文件` });
        continue;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (total + size <= limits.maxTotalMb * MB) chunks.push(chunk);
      }
      if (part.file.truncated) {
        upload.entries.push({ source, code: 'unreadable.tooLarge', refused: `文件过大，未检查：每个文件不超过 ${limits.maxFileMb} MB` });
      } else if (total + size > limits.maxTotalMb * MB) {
        upload.entries.push({ source, code: 'unreadable.tooLarge', refused: `本次上传合计超过 ${limits.maxTotalMb} MB，此文件未检查；请分批上传` });
      } else {
        total += size;
        upload.entries.push({ source, bytes: Buffer.concat(chunks) });
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') upload.note = `一次最多检查 ${limits.maxFiles} 个文件，其余文件未检查；请分批上传。`;
    else upload.fatal = '上传的数据不完整或格式不正确，请重新选择文件';
  }
  request.body = fields;
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _chunk of stream) {
    // discarded
  }
}
