/** zod inputs of the remedy use cases: reconsideration and litigation over disclosure (table 四). */
import { z } from 'zod';
import { isoDate } from '../applications/applications.schemas.ts';

export const REMEDY_KINDS = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;
export const REMEDY_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;

export const REMEDY_KIND_LABELS = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼（未经复议直接起诉）',
  litigationAfterReconsideration: '行政诉讼（复议后起诉）',
} as const;
export const REMEDY_RESULT_LABELS = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结' } as const;

const kind = z.enum(REMEDY_KINDS, { error: '类型应为行政复议、直接起诉或复议后起诉' });
const result = z.enum(REMEDY_RESULTS, { error: '结果应为维持、纠正、其他或尚未审结' });

export const recordRemedySchema = z.object({
  agencyId: z.number({ error: '请选择机关' }).int().positive(),
  applicationId: z.number().int().positive().optional(),
  kind,
  /** 复议决定书或案号 */
  reference: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(200, '案号不能超过200个字').optional()),
  filedOn: isoDate('申请复议或起诉日期'),
  result: result.default('pending'),
  closedOn: isoDate('审结日期').optional(),
});

export const updateRemedyResultSchema = z.object({
  remedyId: z.number({ error: '缺少案件编号' }).int().positive(),
  result,
  closedOn: isoDate('审结日期').optional(),
});

export const listRemediesSchema = z.object({
  agencyId: z.number().int().positive(),
  /** cases filed in this year (what table 四 of that year counts) */
  year: z.number().int().min(2000).max(2100).optional(),
  kind: kind.optional(),
  applicationId: z.number().int().positive().optional(),
});
