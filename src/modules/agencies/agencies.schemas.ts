/**
 * The inputs of the agencies use cases, defined once (zod) for the office pages, the API and the command line.
 * Messages are Chinese and name the field.
 */
import { z } from 'zod';
import { REGION_CODE_MESSAGES, regionCodeProblem } from './domain/region-code.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

/** Optional text: blank means "not given" and is stored as null. */
const optionalText = (label: string, max: number) => z.preprocess(blankToUndefined, text(label, max).optional());

export const regionCodeSchema = z
  .string({ error: '请填写行政区划代码' })
  .trim()
  .superRefine((code, ctx) => {
    const problem = regionCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: REGION_CODE_MESSAGES[problem] });
  });

/** A fixed line with its area code, a mobile number, or a 12345-style hotline. */
const phone = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^(?:0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|1[3-9]\d{9}|\d{5})$/, '联系电话格式不正确，请填写带区号的固定电话（如 0517-83601234）或11位手机号码')
    .optional(),
);

const email = z.preprocess(blankToUndefined, z.email({ error: '电子邮箱格式不正确' }).max(200, '电子邮箱不能超过200个字').optional());

/** Art. 20(2), Art. 24: how the public reaches the disclosure office (政府信息公开工作机构). */
export const disclosureOfficeSchema = z.object({
  name: optionalText('公开工作机构名称', 100),
  address: optionalText('办公地址', 200),
  phone,
  hours: optionalText('办公时间', 100),
  email,
});
export type DisclosureOfficeInput = z.output<typeof disclosureOfficeSchema>;

export const AGENCY_KINDS = ['government', 'department'] as const;
export const AGENCY_LEVELS = ['national', 'provincial', 'municipal', 'county', 'township'] as const;

export const createAgencySchema = z.object({
    code: z
      .string({ error: '请填写机关代码' })
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, '机关代码只能由字母、数字和连字符组成，不超过40个字符，例如 hazfj'),
    name: text('机关名称', 100),
    parentId: z.number({ error: '上级机关编号应为数字' }).int('上级机关编号应为整数').positive('上级机关编号应为正整数').nullable().default(null),
    kind: z.enum(AGENCY_KINDS, { error: '机关类别只能是人民政府（government）或政府部门（department）' }),
    level: z.enum(AGENCY_LEVELS, { error: '行政级别只能是 national、provincial、municipal、county 或 township' }),
    regionCode: regionCodeSchema,
    office: disclosureOfficeSchema.default({}),
  });
export type CreateAgencyInput = z.input<typeof createAgencySchema>;

export const updateDisclosureOfficeSchema = z.object({
  agencyId: z.number({ error: '机关编号应为数字' }).int().positive(),
  office: disclosureOfficeSchema,
});
export type UpdateDisclosureOfficeInput = z.input<typeof updateDisclosureOfficeSchema>;
