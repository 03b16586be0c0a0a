/**
 * The OpenAPI 3.1 document of the JSON API, generated from the zod schemas the server itself uses: the public part's
 * request body from applications.schemas.ts and responses from response-schemas.ts; the staff part (bearer token)
 * from the operations the server registers (staff-openapi.ts).
 */
import { z } from 'zod';
import { applicationFormSchema } from '../../modules/applications/applications.schemas.ts';
import { agencyResponse, errorResponse, registeredResponse, statusResponse } from './response-schemas.ts';
import { BEARER_SCHEME, bearerSecurityScheme, staffPaths, staffSchemas } from './staff-openapi.ts';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const error = (description: string) => ({ description, content: json('Error') });

export function openApiDocument(today: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'gongkai 政府信息公开 公共接口',
      version: '1.0.0',
      description:
        '机关目录、在线提交政府信息公开申请（条例第二十九条）与申请进度查询；/api/v1/staff 下为工作人员接口（接口令牌，Authorization: Bearer）。错误均为 { "error": { code, field, message } }。',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/v1/agencies': {
        get: {
          operationId: 'listAgencies',
          summary: '机关目录',
          responses: { '200': { description: '全部机关', content: { 'application/json': { schema: { type: 'array', items: ref('Agency') } } } } },
        },
      },
      '/api/v1/agencies/{code}/applications': {
        post: {
          operationId: 'registerApplication',
          summary: '提交政府信息公开申请',
          description: '在线提交的申请以提交当日为收到申请之日（条例第三十一条）。同一 IP 提交过于频繁时返回 429 与 Retry-After。',
          parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' }, description: '机关代码' }],
          requestBody: { required: true, content: json('ApplicationForm') },
          responses: {
            '201': { description: '已收到申请', content: json('Registered') },
            '400': error('输入有误；field 指出字段，如 applicant.idNumber'),
            '404': error('机关不存在'),
            '415': error('请求体不是 JSON'),
            '429': error('提交过于频繁'),
          },
        },
      },
      '/api/v1/applications/{trackingCode}': {
        get: {
          operationId: 'lookupStatus',
          summary: '查询申请进度',
          parameters: [
            { name: 'trackingCode', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'X-Tracking-Secret', in: 'header', required: true, schema: { type: 'string' }, description: '回执上的查询密码' },
          ],
          responses: {
            '200': { description: '办理进度', content: json('Status') },
            '400': error('缺少查询密码'),
            '404': error('查询码或查询密码不正确（两者不加区分）'),
            '429': error('查询过于频繁'),
          },
        },
      },
      ...staffPaths(),
    },
    components: {
      securitySchemes: { [BEARER_SCHEME]: bearerSecurityScheme },
      schemas: {
        ...staffSchemas(today),
        ApplicationForm: jsonSchema(applicationFormSchema(today), 'input'),
        Registered: jsonSchema(registeredResponse, 'output'),
        Status: jsonSchema(statusResponse, 'output'),
        Agency: jsonSchema(agencyResponse, 'output'),
        Error: jsonSchema(errorResponse, 'output'),
      },
    },
  };
}
