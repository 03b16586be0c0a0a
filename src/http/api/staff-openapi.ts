/**
 * The staff API's part of the OpenAPI document, generated from the operations the server registers
 * (staff-api.routes.ts): every route is in it by construction, with the bearer security scheme.
 */
import { z } from 'zod';
import { STAFF_OPERATIONS } from './staff-api.routes.ts';
import type { StaffOperation } from './staff-operation.ts';
import {
  applicationDetailResponse,
  applicationPageResponse,
  catalogueItemResponse,
  cataloguePageResponse,
  reportBuildResponse,
  reportPublishedResponse,
  staffRegisteredResponse,
} from './staff-response-schemas.ts';

export const BEARER_SCHEME = 'apiToken';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });

/** `/api/v1/staff/applications/:id` → `/api/v1/staff/applications/{id}` */
export function openApiPath(fastifyPath: string): string {
  return fastifyPath.replace(/:(\w+)/g, '{$1}');
}

function queryParameters(op: StaffOperation): unknown[] {
  if (!op.query) return [];
  const properties = (jsonSchema(op.query, 'input')['properties'] ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    ...(typeof schema['description'] === 'string' ? { description: schema['description'] } : {}),
    ...(schema['type'] === 'array' ? { style: 'form', explode: true } : {}),
    schema,
  }));
}

function operation(op: StaffOperation): Record<string, unknown> {
  const responses: Record<string, unknown> = {
    [String(op.response.status)]: {
      description: op.response.description,
      content: op.response.file ? { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } : json(ref(op.response.name)),
    },
    '401': { description: '缺少接口令牌，或令牌无效、已过期、已被吊销（account.token.invalid）', content: json(ref('Error')) },
  };
  for (const [status, description] of Object.entries(op.errors)) responses[status] = { description, content: json(ref('Error')) };
  const body = op.body;
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: ['staff'],
    security: [{ [BEARER_SCHEME]: [] }],
    parameters: [
      ...Object.entries(op.params).map(([name, description]) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } })),
      ...queryParameters(op),
    ],
    ...(body
      ? { requestBody: { required: true, content: { [body.mediaType ?? 'application/json']: { schema: body.extra ? { allOf: [ref(body.name), ref(body.extra.name)] } : ref(body.name) } } } }
      : {}),
    responses,
  };
}

export function staffPaths(): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of STAFF_OPERATIONS) {
    const path = openApiPath(op.path);
    paths[path] = { ...paths[path], [op.method.toLowerCase()]: operation(op) };
  }
  return paths;
}

/** The request and response schemas the staff operations name (ApplicationForm and Error are the public API's). */
export function staffSchemas(today: string): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {
    ApplicationPage: jsonSchema(applicationPageResponse, 'output'),
    ApplicationDetail: jsonSchema(applicationDetailResponse, 'output'),
    StaffRegistered: jsonSchema(staffRegisteredResponse, 'output'),
    CatalogueItem: jsonSchema(catalogueItemResponse, 'output'),
    CataloguePage: jsonSchema(cataloguePageResponse, 'output'),
    ReportBuild: jsonSchema(reportBuildResponse, 'output'),
    ReportPublished: jsonSchema(reportPublishedResponse, 'output'),
  };
  for (const op of STAFF_OPERATIONS) {
    if (op.response.schema) schemas[op.response.name] = jsonSchema(op.response.schema, 'output');
    const body = op.body;
    if (!body) continue;
    if (body.name !== 'ApplicationForm') schemas[body.name] = jsonSchema(body.schema(today), 'input');
    if (body.extra) schemas[body.extra.name] = jsonSchema(body.extra.schema(today), 'input');
  }
  return schemas;
}

export const bearerSecurityScheme = {
  type: 'http',
  scheme: 'bearer',
  description: '接口令牌（gk_ 开头），由本机关管理员签发；一个令牌以一个角色（经办人、审核人或监督人）在一个机关办理',
};
