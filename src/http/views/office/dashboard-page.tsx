/**
 * The dashboard: one agency's open applications by due date (Art. 33), overdue ones and those due within 3 working
 * days marked in words and colour; ID numbers and phones come masked from the use case.
 */
import type { ApplicationListItem } from '../../../modules/applications/use-cases/application-views.ts';
import { chineseDate, groupCode } from '../format.ts';
import { page, TableScroll } from '../layout.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';
import { AgencySelect } from './agency-select.tsx';

export interface AgencyChoice {
  readonly id: number;
  readonly name: string;
  /** an agency below one the actor supervises */
  readonly below: boolean;
}

export interface DashboardProps extends OfficeFrame {
  readonly agencies: readonly AgencyChoice[];
  readonly current: AgencyChoice;
  readonly items: readonly ApplicationListItem[];
  readonly total: number;
}

function Flag(props: { readonly item: ApplicationListItem }) {
  if (props.item.overdue) return <span class="flag">已逾期</span>;
  if (props.item.dueSoon) return <span class="flag">3个工作日内到期</span>;
  return null;
}

export function dashboardPage(props: DashboardProps): string {
  return page(
    <OfficeLayout ctx={props.ctx} actor={props.actor} csrf={props.csrf} title="待办申请">
      <h1>待办申请 — {props.current.name}</h1>
      {props.agencies.length > 1 ? (
        <form method="get" action="/office" class="filters">
          <AgencySelect agencies={props.agencies} currentId={props.current.id} />
          <button type="submit">查看</button>
        </form>
      ) : null}
      <p class="muted">共 {props.total} 件办理中的申请，按答复期限排列。</p>
      {props.items.length === 0 ? (
        <p>目前没有办理中的申请。</p>
      ) : (
        <TableScroll label="办理中的申请">
          <table class="list">
            <caption class="muted">办理中的申请</caption>
            <thead>
              <tr>
                <th scope="col">查询码</th>
                <th scope="col">申请人</th>
                <th scope="col">证件号码</th>
                <th scope="col">联系电话</th>
                <th scope="col">收到日期</th>
                <th scope="col">答复期限</th>
                <th scope="col">状态</th>
                <th scope="col">提醒</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((i) => (
                <tr class={i.overdue ? 'overdue' : i.dueSoon ? 'due-soon' : undefined}>
                  <td>
                    <a href={`/office/applications/${i.id}`}>{groupCode(i.trackingCode)}</a>
                  </td>
                  <td>{i.applicant.name}</td>
                  <td class="nowrap">{i.applicant.idNumber ?? i.applicant.creditCode ?? '—'}</td>
                  <td class="nowrap">{i.applicant.phone ?? '—'}</td>
                  <td class="nowrap">{chineseDate(i.receivedOn)}</td>
                  <td class="nowrap">{chineseDate(i.dueOn)}</td>
                  <td>{i.statusLabel}</td>
                  <td>
                    <Flag item={i} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </OfficeLayout>,
  );
}
