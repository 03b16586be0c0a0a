/** zod inputs of the catalogue use cases, shared by pages, API and CLI (Chinese messages, field paths). */
import { z } from 'zod';
import { isoDate } from '../applications/applications.schemas.ts';
import { VALIDITIES } from './domain/categories.ts';

const text = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
const optionalText = (label: string, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text(label, max).optional());

const itemFields = {
  title: text('标题', 500),
  /** Art. 12 内容概述 */
  summary: optionalText('内容概述', 2000),
  body: z.string({ error: '请填写正文' }).max(1_000_000, '正文过长'),
  category: z.number({ error: '请选择《条例》第二十条的信息类别' }).int().min(1, '信息类别应为第二十条第1至15项').max(15, '信息类别应为第二十条第1至15项'),
  issuingBody: optionalText('发布机构', 200),
  /** 成文日期 */
  writtenOn: isoDate('成文日期').optional(),
  /** 文号 */
  docNumber: optionalText('文号', 200),
  validity: z.enum(VALIDITIES, { error: '有效性应为有效、失效或废止' }).optional(),
};

export const createItemSchema = z.object({ agencyId: z.number({ error: '请选择机关' }).int().positive(), ...itemFields });
export const updateItemSchema = z.object({ itemId: z.number().int().positive(), ...itemFields });
export const itemStepSchema = z.object({ itemId: z.number({ error: '缺少目录条目编号' }).int().positive() });
/** The reviewer says why an item goes back, so the clerk knows what to change (kept in the audit log). */
export const returnItemSchema = z.object({
  itemId: z.number({ error: '缺少目录条目编号' }).int().positive(),
  reason: z.string({ error: '请填写退回理由' }).trim().min(1, '请填写退回理由').max(500, '退回理由不能超过500个字'),
});
export const publishItemSchema = z.object({ itemId: z.number().int().positive(), on: isoDate('发布日期').optional() });
export const changeValiditySchema = z.object({
  itemId: z.number().int().positive(),
  validity: z.enum(VALIDITIES, { error: '有效性应为有效、失效或废止' }),
});
export const listItemsSchema = z.object({
  agencyId: z.number().int().positive(),
  states: z.array(z.enum(['draft', 'review', 'published'])).optional(),
  category: z.number().int().min(1).max(15).optional(),
  /** the index number's year, as wide as the portal's filter accepts (a year without items finds none) */
  year: z.number().int().min(1949).max(2100).optional(),
  /** 发布机构, exactly as the items name it */
  issuingBody: z.string().trim().min(1, '请填写发布机构').max(200, '发布机构不能超过200个字').optional(),
  validity: z.enum(VALIDITIES, { error: '有效性应为有效、失效或废止' }).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export const agencyCatalogueSchema = z.object({ agencyId: z.number().int().positive() });
export const searchSchema = z.object({
  agencyId: z.number().int().positive(),
  q: z.string({ error: '请输入搜索词' }).max(100, '搜索词不能超过100个字'),
  /** staff only: drafts and items in review too */
  includeUnpublished: z.boolean().default(false),
  page: z.number().int().min(1).max(500, '最多翻到第500页').default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
});
export const yearlyCountsSchema = z.object({
  agencyId: z.number().int().positive(),
  year: z.number().int().min(2019, '年份应不早于2019年').max(2100),
  cells: z
    .array(
      z.object({
        row: z.string().min(1),
        column: z.string().min(1),
        /** an exact decimal ('12', '-8', '26158.97'); null clears the cell */
        value: z.union([z.string().trim().regex(/^[+-]?\d+(\.\d+)?$/, '数值应为数字，如 12、-8 或 26158.97'), z.null()]),
      }),
    )
    .max(100),
});
export const getYearlyCountsSchema = z.object({ agencyId: z.number().int().positive(), year: z.number().int().min(2019).max(2100) });
