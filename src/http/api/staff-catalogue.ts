/**
 * The staff API's catalogue (proactive disclosure, Art. 20): list, create a draft, submit it for review, publish it
 * (a reviewer; Art. 26 wants it within 20 working days).
 */
import { authorize } from '../../modules/applications/applications.policy.ts';
import { parseInput } from '../../modules/applications/applications.schemas.ts';
import { catalogueNotFound } from '../../modules/catalogue/use-cases/catalogue-step.ts';
import { createCatalogueItem } from '../../modules/catalogue/use-cases/create-catalogue-item.ts';
import { getCatalogueItem } from '../../modules/catalogue/use-cases/get-catalogue-item.ts';
import { listCatalogueItems } from '../../modules/catalogue/use-cases/list-catalogue-items.ts';
import { publishCatalogueItem } from '../../modules/catalogue/use-cases/publish-catalogue-item.ts';
import { submitCatalogueItem } from '../../modules/catalogue/use-cases/submit-catalogue-item.ts';
import { agencyNotFound } from './staff-applications.ts';
import { pathId, type StaffOperation } from './staff-operation.ts';
import { presentCatalogueItem, presentCataloguePage } from './staff-presenters.ts';
import { catalogueCreateBody, catalogueListQuery, cataloguePublishBody, listParam } from './staff-schemas.ts';

const STEP_ERRORS = {
  '403': '令牌的角色或机关不能办理此事项（发布须审核人）',
  '404': '目录条目不存在',
  '409': '条目当前状态不能办理这一步（catalogue.event.notAllowed）',
};

export const CATALOGUE_OPERATIONS: readonly StaffOperation[] = [
  {
    method: 'GET',
    path: '/api/v1/staff/agencies/:agencyId/catalogue',
    operationId: 'staffListCatalogue',
    summary: '本机关的主动公开目录（含草稿和待审核条目），新的在前',
    params: { agencyId: '机关编号（令牌所属机关）' },
    query: catalogueListQuery,
    response: { status: 200, name: 'CataloguePage', description: '一页目录条目' },
    errors: { '400': '查询条件有误', '403': '令牌无权查看该机关的目录' },
    handle: async ({ ctx, params, query }) => {
      const agencyId = pathId(params['agencyId'], agencyNotFound);
      const q = parseInput(catalogueListQuery, { ...query, state: listParam(query['state']) });
      const page = await listCatalogueItems(ctx, {
        agencyId,
        ...(q.state ? { states: q.state } : {}),
        ...(q.category ? { category: q.category } : {}),
        ...(q.year ? { year: q.year } : {}),
        page: q.page,
        pageSize: q.pageSize,
      });
      return presentCataloguePage(page);
    },
  },
  {
    method: 'POST',
    path: '/api/v1/staff/agencies/:agencyId/catalogue',
    operationId: 'staffCreateCatalogueItem',
    summary: '新建目录条目（草稿），编制索引号（条例第十二条）',
    params: { agencyId: '机关编号（令牌所属机关）' },
    body: { name: 'CatalogueItemInput', schema: () => catalogueCreateBody },
    response: { status: 201, name: 'CatalogueItem', description: '新建的草稿' },
    errors: { '400': '输入有误；field 指出字段，如 category', '403': '令牌无权编辑该机关的目录' },
    handle: async ({ ctx, params, body }) => {
      const agencyId = pathId(params['agencyId'], agencyNotFound);
      await authorize(ctx.db, ctx.actor, 'catalogue.edit', agencyId);
      parseInput(catalogueCreateBody, body);
      return presentCatalogueItem(await createCatalogueItem(ctx, { ...body, agencyId }));
    },
  },
  {
    method: 'GET',
    path: '/api/v1/staff/catalogue/:id',
    operationId: 'staffGetCatalogueItem',
    summary: '一个目录条目',
    params: { id: '目录条目编号' },
    response: { status: 200, name: 'CatalogueItem', description: '目录条目' },
    errors: { '403': '令牌无权查看该条目', '404': '目录条目不存在' },
    handle: async ({ ctx, params }) => presentCatalogueItem(await getCatalogueItem(ctx, { itemId: pathId(params['id'], catalogueNotFound) })),
  },
  {
    method: 'POST',
    path: '/api/v1/staff/catalogue/:id/submit',
    operationId: 'staffSubmitCatalogueItem',
    summary: '草稿提交审核',
    params: { id: '目录条目编号' },
    response: { status: 200, name: 'CatalogueItem', description: '待审核的条目' },
    errors: STEP_ERRORS,
    handle: async ({ ctx, params }) => presentCatalogueItem(await submitCatalogueItem(ctx, { itemId: pathId(params['id'], catalogueNotFound) })),
  },
  {
    method: 'POST',
    path: '/api/v1/staff/catalogue/:id/publish',
    operationId: 'staffPublishCatalogueItem',
    summary: '发布（审核人；条例第二十六条：20个工作日内）',
    params: { id: '目录条目编号' },
    body: { name: 'CataloguePublishInput', schema: () => cataloguePublishBody },
    response: { status: 200, name: 'CatalogueItem', description: '已发布的条目' },
    errors: { '400': '发布日期有误（field: on）', ...STEP_ERRORS },
    handle: async ({ ctx, params, body }) => {
      const itemId = pathId(params['id'], catalogueNotFound);
      parseInput(cataloguePublishBody, body);
      return presentCatalogueItem(await publishCatalogueItem(ctx, { ...body, itemId }));
    },
  },
];
