/**
 * The back office's proactive-disclosure catalogue of one agency: filters by state, Art. 20 category and year, with
 * each item's Art. 26 timeliness flagged; links to a new item and to the yearly counts of table 二.
 */
import { ARTICLE_20_CATEGORIES } from '../../../modules/catalogue/domain/categories.ts';
import { CATALOGUE_STATES, CATALOGUE_STATE_LABELS, type CatalogueState } from '../../../modules/catalogue/domain/life-cycle.ts';
import type { CatalogueItemSummary } from '../../../modules/catalogue/use-cases/catalogue-views.ts';
import { chineseDate } from '../format.ts';
import { page } from '../layout.tsx';
import { Pager } from '../portal/pager.tsx';
import { AgencySelect } from './agency-select.tsx';
import { TimelinessFlag, type TimelinessNote } from './catalogue-timeliness.tsx';
import type { AgencyChoice } from './dashboard-page.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';

export interface CatalogueListFilter {
  readonly state?: CatalogueState;
  readonly category?: number;
  readonly year?: number;
  readonly page: number;
}

export interface CatalogueListRow {
  readonly item: CatalogueItemSummary;
  readonly note: TimelinessNote;
}

export interface CatalogueListProps extends OfficeFrame {
  readonly agencies: readonly AgencyChoice[];
  readonly current: AgencyChoice | undefined;
  readonly filter: CatalogueListFilter;
  readonly rows: readonly CatalogueListRow[];
  readonly total: number;
  readonly pageSize: number;
  readonly years: readonly number[];
  readonly mayEdit: boolean;
}

function filterParams(agencyId: number, f: CatalogueListFilter): URLSearchParams {
  const p = new URLSearchParams({ agency: String(agencyId) });
  if (f.state) p.set('state', f.state);
  if (f.category) p.set('category', String(f.category));
  if (f.year) p.set('year', String(f.year));
  return p;
}

export function catalogueListPage(props: CatalogueListProps): string {
  const { current, filter: f } = props;
  return page(
    <OfficeLayout ctx={props.ctx} actor={props.actor} csrf={props.csrf} title="主动公开">
      <h1>主动公开目录{current ? ` — ${current.name}` : ''}</h1>
      {!current ? (
        <p>您尚未分配到任何机关。</p>
      ) : (
        <>
          <p>
            {props.mayEdit ? (
              <>
                <a href={`/office/catalogue/new?agency=${current.id}`}>新建目录条目</a>
                {' ｜ '}
              </>
            ) : null}
            <a href={`/office/catalogue/yearly?agency=${current.id}`}>年度统计数据（年报表二）</a>
          </p>
          <form method="get" action="/office/catalogue" class="filters" aria-label="筛选">
            {props.agencies.length > 1 ? <AgencySelect agencies={props.agencies} currentId={current.id} /> : <input type="hidden" name="agency" value={String(current.id)} />}
            <div>
              <label for="f-state">状态</label>
              <select id="f-state" name="state">
                <option value="">全部</option>
                {CATALOGUE_STATES.map((s) => (
                  <option value={s} selected={f.state === s}>
                    {CATALOGUE_STATE_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="f-category">信息类别（第二十条）</label>
              <select id="f-category" name="category">
                <option value="">全部</option>
                {ARTICLE_20_CATEGORIES.map((c) => (
                  <option value={String(c.id)} selected={f.category === c.id}>
                    第{c.id}项 {c.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="f-year">录入年份</label>
              <select id="f-year" name="year">
                <option value="">全部</option>
                {props.years.map((y) => (
                  <option value={String(y)} selected={f.year === y}>
                    {y}年
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">筛选</button>
          </form>
          <p class="muted">共 {props.total} 条。</p>
          {props.rows.length === 0 ? (
            <p>没有符合条件的目录条目。</p>
          ) : (
            <div class="table-scroll">
              <table class="list">
                <caption class="muted">目录条目（最新在前）</caption>
                <thead>
                  <tr>
                    <th scope="col">索引号</th>
                    <th scope="col">标题</th>
                    <th scope="col">类别</th>
                    <th scope="col">成文日期</th>
                    <th scope="col">状态</th>
                    <th scope="col">第二十六条时限</th>
                  </tr>
                </thead>
                <tbody>
                  {props.rows.map(({ item, note }) => (
                    <tr class={!note.known ? undefined : note.flag === 'late' && !note.published ? 'overdue' : note.flag === 'dueSoon' ? 'due-soon' : undefined}>
                      <td class="nowrap">{item.indexNumber}</td>
                      <td>
                        <a href={`/office/catalogue/items/${item.id}`}>{item.title}</a>
                      </td>
                      <td class="nowrap">第{item.category}项</td>
                      <td class="nowrap">{chineseDate(item.writtenOn)}</td>
                      <td class="nowrap">{item.stateLabel}</td>
                      <td>
                        <TimelinessFlag note={note} />
                        {note.known ? <span class="muted">（{note.elapsed}/20个工作日）</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            base="/office/catalogue"
            params={filterParams(current.id, f)}
            page={f.page}
            hasNext={f.page * props.pageSize < props.total}
            totalPages={Math.max(1, Math.ceil(props.total / props.pageSize))}
          />
        </>
      )}
    </OfficeLayout>,
  );
}
