/**
 * The audit log (admins and supervisors): newest first, filtered by agency, actor, action, subject and date, a page
 * at a time, with the chain check of the agency shown. A plain GET form: the filters work without JavaScript.
 * Details come masked from the store.
 */
import type { AuditLogRow } from '../../../db/schema.ts';
import { EVENT_LABELS } from '../../../modules/applications/domain/events.ts';
import { page, TableScroll } from '../layout.tsx';
import { Pager } from '../portal/pager.tsx';
import type { AgencyChoice } from './dashboard-page.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';

/** The agency filter's value for every agency the reader may read. */
export const ALL_AGENCIES = 'all';

/** The filters as typed (query parameters, trimmed); the route validates them. */
export interface AuditFilter {
  readonly agency: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly from: string;
  readonly to: string;
  readonly page: string;
}

export interface AuditPageProps extends OfficeFrame {
  readonly agencies: readonly AgencyChoice[];
  /** null: every agency the reader may read */
  readonly current: AgencyChoice | null;
  readonly filter: AuditFilter;
  /** the actions recorded in the agencies read (the action filter's choices) */
  readonly actions: readonly string[];
  readonly rows: readonly AuditLogRow[];
  /** who acted, by the stored label (`user:12` → 李四（lisi）) */
  readonly actorNames: ReadonlyMap<string, string>;
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** the current agency's chain verified intact, or the Chinese reason it is not; null when reading several */
  readonly chain: { readonly ok: true } | { readonly ok: false; readonly message: string } | null;
  readonly errors: Readonly<Record<string, string>>;
}

const GROUP_LABELS: Readonly<Record<string, string>> = {
  account: '账号',
  agency: '机关',
  apiToken: '接口令牌',
  application: '依申请公开',
  attachment: '附件',
  catalogue: '主动公开',
  letter: '告知书',
  remedy: '复议诉讼',
  report: '年度报告',
  user: '用户',
  demo: '示范数据',
};

const ACTION_LABELS: Readonly<Record<string, string>> = {
  'account.signedIn': '登录',
  'account.signedOut': '退出登录',
  'account.signInFailed': '登录失败',
  'account.locked': '账号锁定',
  'agency.created': '新建机关',
  'agency.officeUpdated': '更新信息公开工作机构',
  'apiToken.created': '签发接口令牌',
  'apiToken.revoked': '吊销接口令牌',
  'application.registered': '收到申请',
  ...Object.fromEntries(Object.entries(EVENT_LABELS).map(([type, label]) => [`application.${type}`, label])),
  'attachment.added': '添加附件',
  'catalogue.created': '新建公开信息',
  'catalogue.updated': '修改公开信息',
  'catalogue.submitted': '提交审核',
  'catalogue.returned': '退回修改',
  'catalogue.published': '发布公开信息',
  'catalogue.validityChanged': '变更效力状态',
  'catalogue.yearlyCountsSet': '登记年度数量',
  'demo.seeded': '生成示范数据',
  'finding.reviewed': '核查检查发现',
  'finding.reviewChanged': '修改核查意见',
  'letter.issued': '出具告知书',
  'letter.templateUpdated': '修改告知书模板',
  'letter.templateReset': '恢复默认告知书模板',
  'remedy.recorded': '登记复议诉讼',
  'remedy.resultUpdated': '更新复议诉讼结果',
  'report.published': '发布年度报告',
  'report.sectionsSaved': '保存年度报告正文',
  'user.created': '新建用户',
  'user.disabled': '停用用户',
  'user.roleGranted': '授予角色',
  'user.roleRevoked': '撤销角色',
};

const groupOf = (action: string) => action.split('.', 1)[0] ?? action;
const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;

/** 2025-03-10T02:00:00.000Z → 2025-03-10 10:00:00 (Beijing time, UTC+8). */
function beijingTime(at: string): string {
  const t = Date.parse(at);
  return Number.isNaN(t) ? at : new Date(t + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

function FilterField(props: { name: 'actor' | 'subject' | 'from' | 'to'; label: string; hint: string; value: string; error: string | undefined }) {
  const id = `f-${props.name}`;
  return (
    <div class={props.error ? 'has-error' : undefined}>
      <label for={id}>{props.label}</label>
      <p class="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      {props.error ? (
        <p class="field-error" id={`${id}-error`}>
          错误：{props.error}
        </p>
      ) : null}
      <input
        type="text"
        id={id}
        name={props.name}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
    </div>
  );
}

function ActionSelect(props: { actions: readonly string[]; value: string; error: string | undefined }) {
  const known = props.value && !props.actions.includes(props.value) && props.value.includes('.') ? [...props.actions, props.value] : props.actions;
  const groups = [...new Set([...known.map(groupOf), ...(props.value && !props.value.includes('.') ? [props.value] : [])])].sort();
  return (
    <div class={props.error ? 'has-error' : undefined}>
      <label for="f-action">操作</label>
      <p class="hint" id="f-action-hint">
        可选一类或一种操作
      </p>
      {props.error ? (
        <p class="field-error" id="f-action-error">
          错误：{props.error}
        </p>
      ) : null}
      <select id="f-action" name="action" aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? 'f-action-hint f-action-error' : 'f-action-hint'}>
        <option value="">全部操作</option>
        {groups.map((g) => (
          <optgroup label={GROUP_LABELS[g] ?? g}>
            <option value={g} selected={props.value === g}>
              {`${GROUP_LABELS[g] ?? g}：全部（${g}.*）`}
            </option>
            {known
              .filter((a) => groupOf(a) === g)
              .map((a) => (
                <option value={a} selected={props.value === a}>
                  {ACTION_LABELS[a] ? `${ACTION_LABELS[a]}（${a}）` : a}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function AgencyFilter(props: { agencies: readonly AgencyChoice[]; current: AgencyChoice | null }) {
  if (props.agencies.length <= 1) return <input type="hidden" name="agency" value={String(props.current?.id ?? '')} />;
  return (
    <div>
      <label for="f-agency">机关</label>
      <select id="f-agency" name="agency">
        <option value={ALL_AGENCIES} selected={props.current === null}>
          全部可查看的机关
        </option>
        {props.agencies.map((a) => (
          <option value={String(a.id)} selected={a.id === props.current?.id}>
            {a.below ? `（下级）${a.name}` : a.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function auditPage(props: AuditPageProps): string {
  const f = props.filter;
  const e = props.errors;
  const errorList = Object.entries(e);
  const totalPages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const params = new URLSearchParams();
  for (const name of ['agency', 'actor', 'action', 'subject', 'from', 'to'] as const) if (f[name]) params.set(name, f[name]);
  const names = new Map(props.agencies.map((a) => [a.id, a.name]));
  return page(
    <OfficeLayout ctx={props.ctx} actor={props.actor} csrf={props.csrf} title={errorList.length ? '错误：审计日志' : '审计日志'}>
      <h1>审计日志 — {props.current ? props.current.name : '全部可查看的机关'}</h1>
      {props.chain === null ? (
        <p class="muted">日志链按机关分别校验：选择一个机关即可查看其校验结果。</p>
      ) : props.chain.ok ? (
        <p class="success-box">日志链校验通过：记录未被改动或删除。</p>
      ) : (
        <p class="error-box" role="alert">
          日志链校验未通过：{props.chain.message}
        </p>
      )}
      {errorList.length ? (
        <div class="error-box" role="alert">
          <h2>筛选条件有误</h2>
          <ul>
            {errorList.map(([field, message]) => (
              <li>{field === 'page' ? message : <a href={`#f-${field}`}>{message}</a>}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="get" action="/office/audit" class="filters" aria-label="筛选审计日志">
        <AgencyFilter agencies={props.agencies} current={props.current} />
        <FilterField name="actor" label="操作人" hint="用户名或 user:编号" value={f.actor} error={e['actor']} />
        <ActionSelect actions={props.actions} value={f.action} error={e['action']} />
        <FilterField name="subject" label="对象包含" hint="如 application:12" value={f.subject} error={e['subject']} />
        <FilterField name="from" label="起始日期" hint="年-月-日，北京时间" value={f.from} error={e['from']} />
        <FilterField name="to" label="截止日期" hint="年-月-日，含当日" value={f.to} error={e['to']} />
        <button type="submit">筛选</button>
      </form>
      {props.rows.length === 0 ? (
        <p>没有符合条件的记录。</p>
      ) : (
        <>
          <p>
            共 {props.total} 条记录，每页 {props.pageSize} 条。
          </p>
          <TableScroll label="审计记录">
            <table class="list">
              <caption class="muted">审计记录（新的在前）</caption>
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">时间（北京时间）</th>
                  <th scope="col">操作人</th>
                  <th scope="col">操作</th>
                  <th scope="col">对象</th>
                  <th scope="col">详情</th>
                  {props.current === null ? <th scope="col">机关</th> : null}
                </tr>
              </thead>
              <tbody>
                {props.rows.map((r) => (
                  <tr>
                    <td>{r.seq}</td>
                    <td class="nowrap">{beijingTime(r.at)}</td>
                    <td>
                      {props.actorNames.get(r.actor) ?? r.actor}
                      {props.actorNames.get(r.actor) && props.actorNames.get(r.actor) !== r.actor ? <span class="muted"> {r.actor}</span> : null}
                    </td>
                    <td>
                      {actionLabel(r.action) !== r.action ? `${actionLabel(r.action)} ` : ''}
                      <code>{r.action}</code>
                    </td>
                    <td>{r.subject}</td>
                    <td>
                      <code>{r.details}</code>
                    </td>
                    {props.current === null ? <td>{names.get(r.agency_id) ?? String(r.agency_id)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      <Pager base="/office/audit" params={params} page={props.page} hasNext={props.page < totalPages} totalPages={totalPages} />
    </OfficeLayout>,
  );
}
