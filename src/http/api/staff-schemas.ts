/**
 * What the staff API accepts, as zod schemas: the use cases' own input schemas with the ids that come from the path
 * left out, plus the query strings. The routes validate with these, and the OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { FORMAT_IDS, type FormatId } from '../../modules/annual-report/domain/formats/index.ts';
import { STATUSES } from '../../modules/applications/domain/state.ts';
import {
  approveExtensionSchema,
  archiveSchema,
  isoDate,
  issueFeeNoticeSchema,
  recordConsultationAnswerSchema,
  recordDeliverySchema,
  recordFeePaymentSchema,
  recordSupplementSchema,
  registerApplicationSchema,
  replySchema,
  requestSupplementSchema,
  startConsultationSchema,
  withdrawSchema,
} from '../../modules/applications/applications.schemas.ts';
import { createItemSchema, publishItemSchema } from '../../modules/catalogue/catalogue.schemas.ts';
import { CATALOGUE_STATES } from '../../modules/catalogue/domain/life-cycle.ts';

/** A query value given once or repeated (`?status=a&status=b`), or comma-separated (`?status=a,b`), as a list. */
export function listParam(value: unknown): unknown {
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter((s) => s !== '') : [v]));
}

const page = z.coerce.number({ error: '页码应为正整数' }).int('页码应为正整数').min(1, '页码从1开始').default(1);
const pageSize = z.coerce.number({ error: '每页条数应为正整数' }).int('每页条数应为正整数').min(1, '每页至少1条').max(200, '每页最多200条').default(50);

export const applicationListQuery = z.object({
  status: z
    .array(z.enum(STATUSES, { error: `状态应为：${STATUSES.join('、')}` }))
    .optional()
    .describe('默认为办理中的各状态（registered、awaitingSupplement、inConsultation、awaitingFee）；可重复或用逗号分隔'),
  dueBefore: isoDate('答复期限').optional().describe('只列出法定答复期限早于这一天的申请（条例第三十三条）'),
  page,
  pageSize,
});

/** Art. 29/31: the application form plus the facts of intake that fix the receipt date. */
export function intakeSchema(today: string) {
  return registerApplicationSchema(today).shape.intake.unwrap();
}

export const intakeBody = (today: string) =>
  z.object({ intake: intakeSchema(today).describe('收到申请的渠道与日期（条例第三十一条）：当面、邮寄（挂号或平信）、传真、电子邮件') });

/** The workflow steps by URL slug (the same slugs as the office pages), each with its body schema. */
export const STEP_BODIES = {
  'request-supplement': requestSupplementSchema.omit({ applicationId: true }),
  'record-supplement': recordSupplementSchema.omit({ applicationId: true }),
  'start-consultation': startConsultationSchema.omit({ applicationId: true }),
  'record-consultation-answer': recordConsultationAnswerSchema.omit({ applicationId: true }),
  'approve-extension': approveExtensionSchema.omit({ applicationId: true }),
  'issue-fee-notice': issueFeeNoticeSchema.omit({ applicationId: true }),
  'record-fee-payment': recordFeePaymentSchema.omit({ applicationId: true }),
  reply: replySchema.omit({ applicationId: true }),
  'record-delivery': recordDeliverySchema.omit({ applicationId: true }),
  withdraw: withdrawSchema.omit({ applicationId: true }),
  archive: archiveSchema.omit({ applicationId: true }),
} as const;
export type StepSlug = keyof typeof STEP_BODIES;

export const catalogueListQuery = z.object({
  state: z
    .array(z.enum(CATALOGUE_STATES, { error: '状态应为 draft、review 或 published' }))
    .optional()
    .describe('draft 草稿、review 待审核、published 已发布；可重复或用逗号分隔'),
  category: z.coerce.number({ error: '信息类别应为1至15' }).int().min(1, '信息类别应为1至15').max(15, '信息类别应为1至15').optional(),
  year: z.coerce.number({ error: '年份不正确' }).int().min(2000, '年份不正确').max(2100, '年份不正确').optional(),
  page,
  pageSize,
});

export const catalogueCreateBody = createItemSchema.omit({ agencyId: true });
export const cataloguePublishBody = publishItemSchema.omit({ itemId: true });

export const reportQuery = z.object({
  format: z.enum(FORMAT_IDS as [FormatId, ...FormatId[]], { error: '格式应为 2019 或 2021' }).optional().describe('默认为该年度适用的格式'),
});

const prose = z.string().max(20_000, '每部分不超过20000字').optional();
export const reportPublishBody = z.object({
  sections: z
    .object({ overview: prose, proactive: prose, applications: prose, remedies: prose, problems: prose, other: prose })
    .optional()
    .describe('各部分的文字说明（一、五、六部分只有文字）'),
});
