import type { AgencyView } from '../../../modules/agencies/agency-view.ts';
import type { CatalogueItemView } from '../../../modules/catalogue/use-cases/catalogue-views.ts';
import { chineseDate } from '../format.ts';
import { Layout, page } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { AgencyNav, agencyHref } from './agency-nav.tsx';
import { ColumnList } from './catalogue-page.tsx';
import { OfficeTable } from './office-table.tsx';

/** An agency's disclosure site (政府信息公开专栏): latest items, the Art. 20 columns, how to reach the office. */
export function agencyHomePage(
  ctx: PageContext,
  agency: AgencyView,
  latest: readonly Omit<CatalogueItemView, 'body'>[],
  counts: ReadonlyMap<number, number>,
): string {
  return page(
    <Layout title={`${agency.name}政府信息公开`} page={ctx} subnav={<AgencyNav agency={agency} current="home" />}>
      <h1>{agency.name}政府信息公开</h1>
      <form class="panel" method="get" action={agencyHref(agency, '/search')} role="search">
        <label for="home-q">检索本机关公开的信息</label>
        <input id="home-q" name="q" type="search" maxLength={100} /> <button type="submit">搜索</button>
      </form>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">最新公开</h2>
        {latest.length === 0 ? (
          <p class="muted">暂无公开信息。</p>
        ) : (
          <ul class="result-list">
            {latest.map((item) => (
              <li>
                <a href={agencyHref(agency, `/items/${item.id}`)}>{item.title}</a>{' '}
                <span class="meta-line">{chineseDate(item.publishedOn)}</span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={agencyHref(agency, '/catalogue')}>查看全部主动公开信息</a>
        </p>
      </section>
      <ColumnList agency={agency} counts={counts} />
      <section aria-labelledby="apply-heading">
        <h2 id="apply-heading">依申请公开</h2>
        <p>
          未主动公开的政府信息，可以向本机关提出申请（条例第二十七条）。 <a href={agencyHref(agency, '/apply')}>在线提交申请</a> ·{' '}
          <a href={agencyHref(agency, '/guide')}>阅读公开指南</a> · <a href="/status">查询办理进度</a>
        </p>
        <OfficeTable agency={agency} />
      </section>
    </Layout>,
  );
}
