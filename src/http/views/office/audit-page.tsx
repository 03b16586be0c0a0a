/** The audit log of one agency (admins and supervisors): newest first, filtered by action and date, with the chain check. */
import type { AuditLogRow } from '../../../db/schema.ts';
import { page } from '../layout.tsx';
import type { AgencyChoice } from './dashboard-page.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';
import { AgencySelect } from './agency-select.tsx';

export interface AuditFilter {
  readonly action: string;
  readonly from: string;
  readonly to: string;
}

export interface AuditPageProps extends OfficeFrame {
  readonly agencies: readonly AgencyChoice[];
  readonly current: AgencyChoice;
  readonly filter: AuditFilter;
  readonly rows: readonly AuditLogRow[];
  /** the chain verified intact, or the Chinese reason it is not */
  readonly chain: { readonly ok: true } | { readonly ok: false; readonly message: string };
  readonly errors: Readonly<Record<string, string>>;
}

export function auditPage(props: AuditPageProps): string {
  const f = props.filter;
  const field = (name: keyof AuditFilter, label: string, hint: string) => (
    <div class={props.errors[name] ? 'has-error' : undefined}>
      <label for={`f-${name}`}>{label}</label>
      {props.errors[name] ? (
        <p class="field-error" id={`f-${name}-error`}>
          错误：{props.errors[name]}
        </p>
      ) : null}
      <input type="text" id={`f-${name}`} name={name} value={f[name]} placeholder={hint} aria-invalid={props.errors[name] ? 'true' : undefined} />
    </div>
  );
  return page(
    <OfficeLayout ctx={props.ctx} actor={props.actor} csrf={props.csrf} title="审计日志">
      <h1>审计日志 — {props.current.name}</h1>
      {props.chain.ok ? (
        <p class="success-box">日志链校验通过：记录未被改动或删除。</p>
      ) : (
        <p class="error-box" role="alert">
          日志链校验未通过：{props.chain.message}
        </p>
      )}
      <form method="get" action="/office/audit" class="filters">
        {props.agencies.length > 1 ? (
          <AgencySelect agencies={props.agencies} currentId={props.current.id} />
        ) : (
          <input type="hidden" name="agency" value={String(props.current.id)} />
        )}
        {field('action', '操作', '如 application.replied')}
        {field('from', '起始日期', '年-月-日')}
        {field('to', '截止日期', '年-月-日')}
        <button type="submit">筛选</button>
      </form>
      {props.rows.length === 0 ? (
        <p>没有符合条件的记录。</p>
      ) : (
        <div class="table-scroll">
          <table class="list">
            <thead>
              <tr>
                <th scope="col">序号</th>
                <th scope="col">时间</th>
                <th scope="col">操作人</th>
                <th scope="col">操作</th>
                <th scope="col">对象</th>
                <th scope="col">详情</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr>
                  <td>{r.seq}</td>
                  <td class="nowrap">{r.at}</td>
                  <td>{r.actor}</td>
                  <td>{r.action}</td>
                  <td>{r.subject}</td>
                  <td>
                    <code>{r.details}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </OfficeLayout>,
  );
}
