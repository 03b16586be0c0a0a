import type { AgencyView } from '../../../modules/agencies/agency-view.ts';
import { Layout, page } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { agencyHref } from './agency-nav.tsx';

const KIND = { government: '人民政府', department: '政府部门' } as const;

/** The region's portal: every agency's disclosure site, governments first with their departments below. */
export function homePage(ctx: PageContext, agencies: readonly AgencyView[]): string {
  const ids = new Set(agencies.map((a) => a.id));
  const roots = agencies.filter((a) => a.parentId === null || !ids.has(a.parentId));
  const children = (id: number) => agencies.filter((a) => a.parentId === id);
  return page(
    <Layout title="政府信息公开 — 机关目录" page={ctx}>
      <h1>政府信息公开</h1>
      <p>
        依据《中华人民共和国政府信息公开条例》，各机关在此主动公开政府信息，并受理政府信息公开申请。请选择机关进入其政府信息公开专栏；已提交申请的，可以
        <a href="/status">查询办理进度</a>。
      </p>
      {agencies.length === 0 ? <p class="notice">尚未登记任何机关。</p> : null}
      {roots.map((root) => (
        <section aria-labelledby={`agency-${root.id}`}>
          <h2 id={`agency-${root.id}`}>
            <a href={agencyHref(root)}>{root.name}</a>
          </h2>
          {children(root.id).length > 0 ? (
            <ul class="card-list">
              {[...childrenDeep(root.id, children)].map((a) => (
                <li>
                  <a href={agencyHref(a)}>{a.name}</a>
                  <span class="sub">{KIND[a.kind]}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      <section aria-labelledby="checker-heading" class="notice">
        <h2 id="checker-heading">年度报告检查器</h2>
        <p>上传任一机关已发布的政府信息公开工作年度报告（PDF、Word、网页或文本），检查表格数据是否平衡、前后年度是否衔接。</p>
        <p>
          <a class="button" href="/checker">
            打开年度报告检查器
          </a>
        </p>
      </section>
    </Layout>,
  );
}

function* childrenDeep(id: number, children: (id: number) => AgencyView[], seen = new Set<number>()): Generator<AgencyView> {
  for (const child of children(id)) {
    if (seen.has(child.id)) continue;
    seen.add(child.id);
    yield child;
    yield* childrenDeep(child.id, children, seen);
  }
}
