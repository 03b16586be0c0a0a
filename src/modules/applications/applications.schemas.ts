/**
 * The inputs of the application use cases as zod schemas, shared by the portal, the office pages, the JSON API and
 * the CLI. Messages are Chinese and every issue names its field path (`applicant.idNumber`), so a form can show it
 * beside the field. `parseInput` turns a failed parse into one AppError `input.invalid`.
 */
import { z } from 'zod';
import { validateCreditCode } from '../applicants/domain/credit-code.ts';
import { validateIdNumber } from '../applicants/domain/id-number.ts';
import { validatePhone } from '../applicants/domain/phone.ts';
import type { Validation } from '../applicants/domain/validation.ts';
import { DELIVERY_CHANNELS, WANTED_FORMS } from './domain/answer-forms.ts';
import { isIsoDate } from './domain/iso-date.ts';
import { OUTCOME_IDS } from './domain/outcomes.ts';
import { CHANNELS } from './domain/receipt.ts';

export const ID_TYPES = ['居民身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证', '其他'] as const;
export const ORG_TYPES = ['business', 'research', 'publicInterest', 'legalService', 'other'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

const optionalText = (label: string, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text(label, max).optional());

export const isoDate = (label: string) =>
  z.string({ error: `请填写${label}` }).refine(isIsoDate, `${label}无效，请按“年-月-日”填写，例如 2024-09-28`);

/** Adds the applicants module's check result as an issue carrying its own code (e.g. applicant.idNumber.checkDigit). */
function addCheck<T>(ctx: z.RefinementCtx, path: string, result: Validation<T>): void {
  if (!result.ok) ctx.addIssue({ code: 'custom', path: [path], message: result.message, params: { code: result.code } });
}

const email = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.email({ error: '电子邮箱格式不正确' }).max(200, '电子邮箱不能超过200个字').optional(),
);

function naturalPerson(today: string) {
  return z
    .object({
      type: z.literal('naturalPerson'),
      name: text('姓名', 100),
      idType: z.enum(ID_TYPES, { error: '证件类型不正确' }).default('居民身份证'),
      idNumber: z.string({ error: '请填写证件号码' }).trim().min(1, '请填写证件号码').max(50, '证件号码不能超过50个字符'),
      phone: z.string({ error: '请填写联系电话' }),
      email,
      address: optionalText('通信地址', 200),
    })
    .superRefine((a, ctx) => {
      // GB 11643-1999: only the resident ID card has a check character to verify.
      if (a.idType === '居民身份证') addCheck(ctx, 'idNumber', validateIdNumber(a.idNumber, { today }));
      addCheck(ctx, 'phone', validatePhone(a.phone));
    })
    .transform((a) => ({
      ...a,
      idNumber: a.idType === '居民身份证' ? (validateIdNumber(a.idNumber, { today }) as { ok: true; value: { idNumber: string } }).value.idNumber : a.idNumber,
      phone: (validatePhone(a.phone) as { ok: true; value: { phone: string } }).value.phone,
    }));
}

const organisation = z
  .object({
    type: z.literal('organisation'),
    orgType: z.enum(ORG_TYPES, { error: '请选择单位类型（商业企业、科研机构、社会公益组织、法律服务机构或其他）' }),
    name: text('单位名称', 200),
    creditCode: z.string({ error: '请填写统一社会信用代码' }),
    legalRepresentative: optionalText('法定代表人', 100),
    contactName: text('联系人姓名', 100),
    phone: z.string({ error: '请填写联系电话' }),
    email,
    address: optionalText('通信地址', 200),
  })
  .superRefine((a, ctx) => {
    addCheck(ctx, 'creditCode', validateCreditCode(a.creditCode));
    addCheck(ctx, 'phone', validatePhone(a.phone));
  })
  .transform((a) => ({
    ...a,
    creditCode: (validateCreditCode(a.creditCode) as { ok: true; value: { creditCode: string } }).value.creditCode,
    phone: (validatePhone(a.phone) as { ok: true; value: { phone: string } }).value.phone,
  }));

/**
 * The application form (Art. 29) as the public API fixes it. `today` bounds the birth date in an ID number.
 * form and delivery are the answer the applicant wants (Art. 29(3)); both or neither.
 */
export function applicationFormSchema(today: string) {
  return z
    .object({
      applicant: z.discriminatedUnion('type', [naturalPerson(today), organisation], {
        error: '申请人类型应为自然人（naturalPerson）或法人或其他组织（organisation）',
      }),
      description: text('所需政府信息的描述', 5000),
      purpose: optionalText('用途', 1000),
      form: z.enum(WANTED_FORMS, { error: '获取信息的形式不正确' }).optional(),
      delivery: z.enum(DELIVERY_CHANNELS, { error: '获取信息的方式不正确' }).optional(),
    })
    .refine((f) => (f.form === undefined) === (f.delivery === undefined), {
      path: ['delivery'],
      message: '请同时选择获取信息的形式和方式',
    });
}

export type ApplicationForm = z.output<ReturnType<typeof applicationFormSchema>>;

const intakeFacts = z.discriminatedUnion(
  'channel',
  [
    z.object({ channel: z.literal('inPerson'), handedInOn: isoDate('当面提交日期') }),
    z.object({ channel: z.literal('registeredPost'), signedForOn: isoDate('签收日期') }),
    z.object({
      channel: z.literal('ordinaryPost'),
      arrivedOn: isoDate('收到信函日期'),
      confirmedWithApplicantOn: isoDate('与申请人确认日期').nullable(),
    }),
    z.object({
      channel: z.enum(['online', 'fax', 'email']),
      submittedOn: isoDate('提交日期'),
      confirmedByBothOn: isoDate('双方确认日期').nullable(),
    }),
  ],
  { error: `提交渠道应为：${CHANNELS.join('、')}` },
);

/**
 * register-application: the form, the agency, and — for staff registering a letter, a fax or a visit — the facts
 * that fix the Art. 31 receipt date. Without `intake` the application is an online submission received now.
 */
function buildRegisterApplicationSchema(today: string) {
  return z.object({
    agencyId: z.number({ error: '请选择受理机关' }).int().positive(),
    form: applicationFormSchema(today),
    intake: intakeFacts.optional(),
  });
}

// Building the schema costs about a millisecond; intake takes hundreds a second, all with the same "today".
let cachedRegisterSchema: { today: string; schema: ReturnType<typeof buildRegisterApplicationSchema> } | null = null;

/** The registration input as of `today` (dates after it are refused). */
export function registerApplicationSchema(today: string) {
  if (cachedRegisterSchema?.today !== today) cachedRegisterSchema = { today, schema: buildRegisterApplicationSchema(today) };
  return cachedRegisterSchema.schema;
}
export type RegisterApplicationInput = z.input<ReturnType<typeof registerApplicationSchema>>;

const applicationId = z.number({ error: '缺少申请编号' }).int().positive();
/** The day a step happened; defaults to today. */
const on = isoDate('办理日期').optional();

export const requestSupplementSchema = z.object({
  applicationId,
  on,
  termEnds: isoDate('补正期限截止日期'),
  /** Art. 30: what is missing, named in the one notice. */
  whatIsMissing: text('需要补正的事项', 2000),
});
export const recordSupplementSchema = z.object({ applicationId, on, note: optionalText('补正内容说明', 2000) });
export const startConsultationSchema = z.object({
  applicationId,
  on,
  party: z.enum(['thirdParty', 'otherAgency'], { error: '征求意见对象应为第三方（thirdParty）或其他机关（otherAgency）' }),
  partyName: optionalText('被征求意见方名称', 200),
});
export const recordConsultationAnswerSchema = z.object({
  applicationId,
  on,
  /** Art. 32: a refusal, a consent, or no answer in 15 working days (lapsed). */
  answer: z.enum(['consent', 'refusal', 'lapsed'], { error: '意见应为同意、不同意或逾期未答复' }),
  note: optionalText('意见内容', 2000),
});
export const approveExtensionSchema = z.object({
  applicationId,
  on,
  workingDays: z.number({ error: '请填写延长的工作日数' }),
  reason: text('延期理由', 1000),
});
export const issueFeeNoticeSchema = z.object({
  applicationId,
  on,
  noticeReceivedOn: isoDate('申请人收到收费通知的日期'),
  charge: z.discriminatedUnion(
    'standard',
    [
      z.object({ standard: z.literal('perApplication'), nthInMonth: z.number({ error: '请填写本月第几件申请' }) }),
      z.object({ standard: z.literal('perVolume'), pages: z.number({ error: '请填写页数' }) }),
    ],
    { error: '收费标准应为按件（perApplication）或按量（perVolume）' },
  ),
});
export const recordFeePaymentSchema = z.object({ applicationId, on });
export const replySchema = z.object({
  applicationId,
  on,
  outcome: z.enum(OUTCOME_IDS, { error: '请选择一个办理结果' }),
  legalBasis: z.string({ error: '请填写答复所依据的法律条款' }).max(2000, '法律依据不能超过2000个字'),
});
export const recordDeliverySchema = z.object({
  applicationId,
  on,
  channel: z.enum(DELIVERY_CHANNELS, { error: '送达方式不正确' }).optional(),
});
export const withdrawSchema = z.object({ applicationId, on });
export const archiveSchema = z.object({ applicationId, on });
export const getApplicationSchema = z.object({ applicationId });

export const lookupStatusSchema = z.object({
  trackingCode: z.string({ error: '请填写查询码' }).trim().max(40, '查询码不正确'),
  secret: z.string({ error: '请填写查询密码' }).trim().max(100, '查询密码不正确'),
});

export const listApplicationsSchema = z.object({
  agencyId: z.number({ error: '请选择机关' }).int().positive(),
  statuses: z
    .array(z.enum(['registered', 'awaitingSupplement', 'inConsultation', 'awaitingFee', 'replied', 'delivered', 'archived', 'withdrawn', 'abandoned']))
    .optional(),
  receivedFrom: isoDate('收到日期（起）').optional(),
  receivedTo: isoDate('收到日期（止）').optional(),
  /** only those overdue today */
  overdueOnly: z.boolean().optional(),
  /** Art. 33: only those whose reply is due before this day (none without a due date) */
  dueBefore: isoDate('答复期限').optional(),
  page: z.number().int().min(1, '页码从1开始').default(1),
  pageSize: z.number().int().min(1).max(200, '每页最多200条').default(50),
});

export { parseInput, type InputIssue } from '../../parse-input.ts';
