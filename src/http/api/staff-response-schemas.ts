/**
 * The staff API's responses as zod schemas: the OpenAPI document is generated from them and the API tests parse
 * every response with them. The presenters (staff-presenters.ts) build exactly these shapes.
 */
import { z } from 'zod';
import { STATUSES } from '../../modules/applications/domain/state.ts';
import { CATALOGUE_STATES } from '../../modules/catalogue/domain/life-cycle.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD');

export const applicantResponse = z.object({
  type: z.string().describe('naturalPerson、business、research、publicInterest、legalService、otherOrg'),
  name: z.string(),
  idType: z.string().nullable(),
  idNumber: z.string().nullable().describe('列表中遮蔽（前6位与后4位）；单件查看时完整显示，与办公页面一致'),
  creditCode: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  contactName: z.string().nullable(),
  phone: z.string().nullable().describe('列表中遮蔽'),
  email: z.string().nullable(),
  address: z.string().nullable(),
});

export const applicationItemResponse = z.object({
  id: z.number().int(),
  agencyId: z.number().int(),
  trackingCode: z.string(),
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  channel: z.string(),
  receivedOn: isoDate.describe('收到申请之日（条例第三十一条）'),
  dueOn: isoDate.nullable().describe('法定答复期限（条例第三十三条）；计时暂停或办结时为 null'),
  outcome: z.string().nullable(),
  closedOn: isoDate.nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean().describe('3个工作日内到期'),
  applicant: applicantResponse,
  description: z.string(),
});

export const applicationPageResponse = z.object({
  items: z.array(applicationItemResponse),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const applicationDetailResponse = applicationItemResponse.extend({
  purpose: z.string().nullable(),
  wanted: z.object({ form: z.string(), delivery: z.string() }).nullable(),
  legalBasis: z.string().nullable(),
  supplement: z.object({ requestedOn: isoDate, termEnds: isoDate, suppliedOn: isoDate.nullable() }).nullable(),
  consultations: z.array(z.object({ party: z.string(), startedOn: isoDate, endedOn: isoDate.nullable(), lapsed: z.boolean() })),
  extension: z.object({ approvedOn: isoDate, workingDays: z.number(), approverRole: z.string() }).nullable(),
  fee: z
    .object({ issuedOn: isoDate, noticeReceivedOn: isoDate, charge: z.record(z.string(), z.unknown()), amount: z.number(), paidOn: isoDate.nullable() })
    .nullable(),
  deliveredOn: isoDate.nullable(),
  archivedOn: isoDate.nullable(),
  nextSteps: z.array(z.string()).describe('下一步可以办理的事项（事件类型）'),
  history: z.array(
    z.object({ seq: z.number().int(), type: z.string(), label: z.string(), on: isoDate, actor: z.string(), details: z.record(z.string(), z.unknown()) }),
  ),
});

export const staffRegisteredResponse = z.object({
  applicationId: z.number().int(),
  trackingCode: z.string(),
  secret: z.string().describe('查询密码，只返回这一次，请转交申请人'),
  receivedOn: isoDate.describe('收到申请之日（条例第三十一条）'),
  dueOn: isoDate.nullable(),
});

export const catalogueItemResponse = z.object({
  id: z.number().int(),
  agencyId: z.number().int(),
  indexNumber: z.string().describe('索引号（条例第十二条）'),
  title: z.string(),
  summary: z.string().nullable(),
  body: z.string(),
  category: z.number().int().describe('条例第二十条第几项'),
  categoryLabel: z.string(),
  issuingBody: z.string().nullable(),
  writtenOn: isoDate.nullable(),
  publishedOn: isoDate.nullable(),
  docNumber: z.string().nullable(),
  validity: z.string().nullable(),
  validityLabel: z.string().nullable(),
  state: z.enum(CATALOGUE_STATES),
  stateLabel: z.string(),
  timeliness: z
    .object({ deadline: isoDate.nullable(), late: z.boolean().nullable(), unknownBecause: z.string().optional().describe('无法计算时的原因（缺少该年节假日数据）') })
    .describe('条例第二十六条：20个工作日内公开'),
});

/** An item in a list: without its text (GET the item for that). */
export const catalogueSummaryResponse = catalogueItemResponse.omit({ body: true });

export const cataloguePageResponse = z.object({
  items: z.array(catalogueSummaryResponse),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const findingResponse = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'notice']),
  cells: z.array(z.object({ table: z.string(), row: z.string(), column: z.string() })),
  expected: z.union([z.number(), z.string()]).nullable(),
  found: z.union([z.number(), z.string()]).nullable(),
  message: z.string(),
});

export const reportBuildResponse = z.object({
  agencyId: z.number().int(),
  year: z.number().int(),
  format: z.enum(['2019', '2021']),
  report: z.record(z.string(), z.unknown()).describe('gongkai.report/1：年度报告的全部表格与文字'),
  findings: z.array(findingResponse).describe('检查结果，错误在前'),
  counts: z.object({ error: z.number().int(), warning: z.number().int(), notice: z.number().int() }),
  publishable: z.boolean().describe('没有错误时才能发布'),
});

export const reportPublishedResponse = z.object({
  agencyId: z.number().int(),
  year: z.number().int(),
  version: z.number().int(),
  publishedAt: z.string(),
});
