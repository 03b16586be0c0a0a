import { ARTICLE_20_CATEGORIES, VALIDITIES, VALIDITY_LABELS } from '../../../modules/catalogue/domain/categories.ts';
import type { CatalogueFilter, CataloguePage } from '../../portal/catalogue-port.ts';
import { chineseDate } from '../format.ts';
import { Layout, page, TableScroll } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { AgencyNav, agencyHref, type AgencyRef } from './agency-nav.tsx';
import { Pager } from './pager.tsx';

export interface CatalogueProps {
  readonly ctx: PageContext;
  readonly agency: AgencyRef;
  readonly filter: CatalogueFilter;
  readonly result: CataloguePage;
  readonly years: readonly number[];
  readonly issuingBodies: readonly string[];
  readonly counts: ReadonlyMap<number, number>;
}

export function filterParams(filter: CatalogueFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (filter.category !== undefined) p.set('category', String(filter.category));
  if (filter.year !== undefined) p.set('year', String(filter.year));
  if (filter.issuingBody !== undefined) p.set('issuingBody', filter.issuingBody);
  if (filter.validity !== undefined) p.set('validity', filter.validity);
  return p;
}

/** The proactive-disclosure catalogue (Art. 12, Art. 20): filters, the list, paging, and the Art. 20 columns. */
export function cataloguePage(props: CatalogueProps): string {
  const { agency, filter, result } = props;
  const totalPages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const category = ARTICLE_20_CATEGORIES.find((c) => c.id === filter.category);
  return page(
    <Layout title={`主动公开目录 — ${agency.name}`} page={props.ctx} subnav={<AgencyNav agency={agency} current="catalogue" />}>
      <h1>主动公开目录{category ? `：${category.label}` : ''}</h1>
      <form class="filters panel" method="get" action={agencyHref(agency, '/catalogue')} role="search" aria-label="筛选目录">
        <div>
          <label for="filter-category">信息类别（条例第二十条）</label>
          <select id="filter-category" name="category">
            <option value="">全部类别</option>
            {ARTICLE_20_CATEGORIES.map((c) => (
              <option value={String(c.id)} selected={c.id === filter.category}>
                （{c.id}）{c.label.length > 18 ? `${c.label.slice(0, 18)}…` : c.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="filter-year">年份</label>
          <select id="filter-year" name="year">
            <option value="">全部年份</option>
            {props.years.map((y) => (
              <option value={String(y)} selected={y === filter.year}>
                {y}年
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="filter-issuer">发布机构</label>
          <select id="filter-issuer" name="issuingBody">
            <option value="">全部机构</option>
            {props.issuingBodies.map((b) => (
              <option value={b} selected={b === filter.issuingBody}>
                {b}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="filter-validity">有效性</label>
          <select id="filter-validity" name="validity">
            <option value="">全部</option>
            {VALIDITIES.map((v) => (
              <option value={v} selected={v === filter.validity}>
                {VALIDITY_LABELS[v]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">筛选</button>
        </div>
      </form>
      <p role="status">共 {result.total} 条</p>
      {result.items.length === 0 ? (
        <p class="notice">没有符合条件的信息。</p>
      ) : (
        <TableScroll label="主动公开信息列表">
          <table class="list">
            <caption class="muted">主动公开信息列表</caption>
            <thead>
              <tr>
                <th scope="col">索引号</th>
                <th scope="col">标题</th>
                <th scope="col">发布机构</th>
                <th scope="col">发布日期</th>
                <th scope="col">有效性</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((item) => (
                <tr>
                  <td>{item.indexNumber}</td>
                  <td>
                    <a href={agencyHref(agency, `/items/${item.id}`)}>{item.title}</a>
                  </td>
                  <td>{item.issuingBody ?? '—'}</td>
                  <td>{chineseDate(item.publishedOn)}</td>
                  <td>{item.validityLabel ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager base={agencyHref(agency, '/catalogue')} params={filterParams(filter)} page={result.page} hasNext={result.page < totalPages} totalPages={totalPages} />
      <ColumnList agency={agency} counts={props.counts} />
    </Layout>,
  );
}

/** The Art. 20 columns (栏目) with the number of published items in each. */
export function ColumnList(props: { readonly agency: AgencyRef; readonly counts: ReadonlyMap<number, number> }) {
  return (
    <section aria-labelledby="columns-heading">
      <h2 id="columns-heading">主动公开栏目（条例第二十条）</h2>
      <ul class="columns">
        {ARTICLE_20_CATEGORIES.map((c) => (
          <li>
            <a href={agencyHref(props.agency, `/catalogue?category=${c.id}`)}>
              （{c.id}）{c.label}
            </a>{' '}
            <span class="muted nowrap">（{props.counts.get(c.id) ?? 0}条）</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
