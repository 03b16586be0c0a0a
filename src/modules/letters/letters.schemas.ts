/** The inputs of the letters use cases (zod): every issue names its field, messages are Chinese. */
import { z } from 'zod';
import { LETTER_KINDS } from './domain/kinds.ts';

export { parseInput } from '../../parse-input.ts';

const id = (label: string) => z.number({ error: `${label}不正确` }).int(`${label}不正确`).positive(`${label}不正确`);
const kind = z.enum(LETTER_KINDS, { error: '告知书种类不正确' });

export const applicationRefSchema = z.object({ applicationId: id('申请编号') });
export const letterRefSchema = z.object({ applicationId: id('申请编号'), letterId: id('告知书编号') });
export const applicantRefSchema = z.object({
  trackingCode: z.string({ error: '请填写查询码' }).trim().min(1, '请填写查询码').max(40, '查询码不正确'),
  secret: z.string({ error: '请填写查询密码' }).trim().min(1, '请填写查询密码').max(100, '查询密码不正确'),
});
export const applicantLetterSchema = applicantRefSchema.extend({ letterId: id('告知书编号') });
export const agencyRefSchema = z.object({ agencyId: id('机关') });
export const templateRefSchema = z.object({ agencyId: id('机关'), kind });
// The body is checked by the domain (checkTemplate), which names the placeholder; here only its type.
export const saveTemplateSchema = templateRefSchema.extend({ body: z.string({ error: '请填写模板正文' }) });
