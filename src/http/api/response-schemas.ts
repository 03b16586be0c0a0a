/**
 * The public API's responses as zod schemas: the OpenAPI document is generated from them, and the API tests parse
 * every response with them, so the document cannot drift from what the server sends.
 */
import { z } from 'zod';
import { STATUSES } from '../../modules/applications/domain/state.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD');

export const agencyResponse = z.object({
  code: z.string().describe('机关代码，用于网址和接口路径'),
  name: z.string(),
  kind: z.enum(['government', 'department']),
  level: z.enum(['national', 'provincial', 'municipal', 'county', 'township']),
  regionCode: z.string().nullable().describe('6位行政区划代码'),
  parentCode: z.string().nullable().describe('上级机关代码'),
  office: z
    .object({
      name: z.string().nullable(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
      hours: z.string().nullable(),
      email: z.string().nullable(),
    })
    .describe('政府信息公开工作机构（条例第二十条第（二）项、第二十四条）'),
});

export const registeredResponse = z.object({
  trackingCode: z.string().describe('查询码（12位）'),
  secret: z.string().describe('查询密码（16位），只返回这一次，服务器只保存其摘要'),
  receivedOn: isoDate.describe('收到申请之日（条例第三十一条）'),
  dueOn: isoDate.nullable().describe('法定答复期限（条例第三十三条：20个工作日）'),
});

export const statusResponse = z.object({
  trackingCode: z.string(),
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  receivedOn: isoDate,
  dueOn: isoDate.nullable(),
  reply: z
    .object({ on: isoDate, outcome: z.string(), outcomeLabel: z.string(), legalBasis: z.string().nullable() })
    .nullable()
    .describe('答复送出后才有'),
});

export const errorResponse = z.object({
  error: z.object({
    code: z.string().describe('稳定的错误代码，见 docs/errors.md；另有 rate.limited、request.invalid、route.notFound、server.error'),
    field: z.string().nullable().describe('出错的字段路径，如 applicant.idNumber'),
    message: z.string().describe('中文说明'),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});
