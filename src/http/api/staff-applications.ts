/**
 * The staff API's applications: the open applications of an agency, one application, registering one received on
 * paper, by fax or in person (Art. 31 fixes its receipt date), and every workflow step. The accounts policy inside
 * the use cases decides: a token acts as one role in one agency.
 */
import { AppError } from '../../errors.ts';
import { OPEN_STATUSES } from '../../modules/applications/domain/state.ts';
import { authorize } from '../../modules/applications/applications.policy.ts';
import { applicationFormSchema, parseInput, type InputIssue } from '../../modules/applications/applications.schemas.ts';
import type { ApplicationDetail } from '../../modules/applications/use-cases/application-views.ts';
import { approveExtension } from '../../modules/applications/use-cases/approve-extension.ts';
import { archive } from '../../modules/applications/use-cases/archive.ts';
import type { UseCaseContext } from '../../modules/applications/use-cases/context.ts';
import { getApplication } from '../../modules/applications/use-cases/get-application.ts';
import { issueFeeNotice } from '../../modules/applications/use-cases/issue-fee-notice.ts';
import { listApplications } from '../../modules/applications/use-cases/list-applications.ts';
import { recordConsultationAnswer } from '../../modules/applications/use-cases/record-consultation-answer.ts';
import { recordDelivery } from '../../modules/applications/use-cases/record-delivery.ts';
import { recordFeePayment } from '../../modules/applications/use-cases/record-fee-payment.ts';
import { recordSupplement } from '../../modules/applications/use-cases/record-supplement.ts';
import { registerApplication } from '../../modules/applications/use-cases/register-application.ts';
import { reply } from '../../modules/applications/use-cases/reply.ts';
import { requestSupplement } from '../../modules/applications/use-cases/request-supplement.ts';
import { startConsultation } from '../../modules/applications/use-cases/start-consultation.ts';
import { notFound } from '../../modules/applications/use-cases/transition.ts';
import { withdraw } from '../../modules/applications/use-cases/withdraw.ts';
import { isAppError } from '../../errors.ts';
import { identityErrors } from '../portal/apply.routes.ts';
import { issueLettersAfterStep } from './staff-letters.ts';
import { pathId, type StaffOperation } from './staff-operation.ts';
import { presentApplicationDetail, presentApplicationPage, presentStaffRegistered } from './staff-presenters.ts';
import { applicationListQuery, intakeBody, listParam, STEP_BODIES, type StepSlug } from './staff-schemas.ts';

export const agencyNotFound = () => new AppError('agency.notFound', '找不到该机关。');

const READ_ERRORS = { '400': '查询条件有误；field 指出参数', '403': '令牌无权查看该机关的申请', '404': '申请不存在' };
const STEP_ERRORS = {
  '400': '输入有误；field 指出字段，如 outcome',
  '403': '令牌的角色或机关不能办理此事项（如经办人不能批准延期）',
  '404': '申请不存在',
  '409': '当前状态下法律不允许这一步；code 说明原因，如 application.event.notAllowed',
};

const STEPS: Readonly<Record<StepSlug, { run: (ctx: UseCaseContext, input: unknown) => Promise<ApplicationDetail>; summary: string }>> = {
  'request-supplement': { run: requestSupplement, summary: '一次性告知补正（条例第三十条）' },
  'record-supplement': { run: recordSupplement, summary: '登记申请人补正（条例第三十条）' },
  'start-consultation': { run: startConsultation, summary: '征求第三方或其他机关意见（条例第三十二条）' },
  'record-consultation-answer': { run: recordConsultationAnswer, summary: '登记征求意见的答复或逾期（条例第三十二条）' },
  'approve-extension': { run: approveExtension, summary: '批准延长答复期限，至多20个工作日（条例第三十三条，须审核人）' },
  'issue-fee-notice': { run: issueFeeNotice, summary: '发出收费通知（国办函〔2020〕109号）' },
  'record-fee-payment': { run: recordFeePayment, summary: '登记缴费' },
  reply: { run: reply, summary: '答复：一个办理结果和法律依据（条例第三十六条至第三十九条）' },
  'record-delivery': { run: recordDelivery, summary: '登记送达' },
  withdraw: { run: withdraw, summary: '申请人撤回申请' },
  archive: { run: archive, summary: '归档' },
};

function issuesOfParse(parse: () => unknown): InputIssue[] {
  try {
    parse();
    return [];
  } catch (error) {
    if (!isAppError(error) || error.code !== 'input.invalid') throw error;
    return (error.details['issues'] as InputIssue[] | undefined) ?? [];
  }
}

/** Every problem of a registration at once: the form, the identity checks zod skips while a field is missing, the intake. */
function checkRegistration(today: string, body: Readonly<Record<string, unknown>>): void {
  const { intake, ...form } = body;
  const issues = issuesOfParse(() => parseInput(applicationFormSchema(today), form));
  for (const [path, message] of Object.entries(identityErrors(form, today))) {
    if (!issues.some((i) => i.path === path)) issues.push({ path, message });
  }
  issues.push(...issuesOfParse(() => parseInput(intakeBody(today), { intake })));
  if (issues.length > 0) throw new AppError('input.invalid', issues[0]!.message, { issues });
}

const stepOperation = (slug: StepSlug): StaffOperation => ({
  method: 'POST',
  path: `/api/v1/staff/applications/:id/${slug}`,
  operationId: `step-${slug}`.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()),
  summary: STEPS[slug].summary,
  description: '成功后返回办理后的申请。办理日期 on 缺省为今天。',
  params: { id: '申请编号' },
  body: { name: `Step_${slug.replace(/-/g, '_')}`, schema: () => STEP_BODIES[slug] },
  response: { status: 200, name: 'ApplicationDetail', description: '办理后的申请' },
  errors: STEP_ERRORS,
  handle: async ({ ctx, params, body }) => {
    const applicationId = pathId(params['id'], notFound);
    parseInput(STEP_BODIES[slug], body);
    const detail = await STEPS[slug].run(ctx, { ...body, applicationId });
    await issueLettersAfterStep(ctx, applicationId);
    return presentApplicationDetail(detail);
  },
});

export const APPLICATION_OPERATIONS: readonly StaffOperation[] = [
  {
    method: 'GET',
    path: '/api/v1/staff/agencies/:agencyId/applications',
    operationId: 'staffListApplications',
    summary: '本机关的申请（默认为办理中的），按答复期限排序',
    description: '证件号码和电话遮蔽显示。',
    params: { agencyId: '机关编号（令牌所属机关）' },
    query: applicationListQuery,
    response: { status: 200, name: 'ApplicationPage', description: '一页申请' },
    errors: READ_ERRORS,
    handle: async ({ ctx, params, query }) => {
      const agencyId = pathId(params['agencyId'], agencyNotFound);
      const q = parseInput(applicationListQuery, { ...query, status: listParam(query['status']) });
      const statuses = q.status ?? [...OPEN_STATUSES];
      const page = await listApplications(ctx, { agencyId, statuses, ...(q.dueBefore ? { dueBefore: q.dueBefore } : {}), page: q.page, pageSize: q.pageSize });
      return presentApplicationPage(page);
    },
  },
  {
    method: 'POST',
    path: '/api/v1/staff/agencies/:agencyId/applications',
    operationId: 'staffRegisterApplication',
    summary: '登记当面、邮寄、传真或电子邮件收到的申请（条例第二十九条、第三十一条）',
    description: '收到申请之日按条例第三十一条由 intake 中的日期确定；平信和传真、电子邮件须有确认日期。',
    params: { agencyId: '机关编号（令牌所属机关）' },
    body: { name: 'ApplicationForm', schema: applicationFormSchema, extra: { name: 'Intake', schema: intakeBody } },
    response: { status: 201, name: 'StaffRegistered', description: '已登记' },
    errors: { '400': '输入有误；field 指出字段，如 applicant.idNumber 或 intake.signedForOn', '403': '令牌无权在该机关登记申请', '409': '收到日期不符合条例第三十一条（如未确认）' },
    handle: async ({ deps, ctx, params, body }) => {
      const agencyId = pathId(params['agencyId'], agencyNotFound);
      // another agency's token is refused whatever it sends
      await authorize(ctx.db, ctx.actor, 'application.register', agencyId);
      checkRegistration(deps.clock.today(), body);
      const { intake, ...form } = body;
      return presentStaffRegistered(await registerApplication(ctx, { agencyId, form, intake }));
    },
  },
  {
    method: 'GET',
    path: '/api/v1/staff/applications/:id',
    operationId: 'staffGetApplication',
    summary: '一件申请的全部内容与办理记录',
    description: '与办公页面一致：可以查看该申请的人员看到完整的申请人信息。',
    params: { id: '申请编号' },
    response: { status: 200, name: 'ApplicationDetail', description: '申请' },
    errors: { '403': '令牌无权查看该申请', '404': '申请不存在' },
    handle: async ({ ctx, params }) => presentApplicationDetail(await getApplication(ctx, { applicationId: pathId(params['id'], notFound) })),
  },
  ...(Object.keys(STEPS) as StepSlug[]).map(stepOperation),
];
