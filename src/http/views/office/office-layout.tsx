/** The frame of office pages: the site layout with the office's own navigation and the sign-out button. */
import type { ComponentChildren } from 'preact';
import { ROLE_LABELS, type StaffActor } from '../../../modules/accounts/policy.ts';
import { CsrfField } from '../portal/fields.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export const OFFICE_CSS = `
nav.office form { display:inline; margin:0; }
nav.office button { padding:.1rem .8rem; font-weight:normal; }
tr.overdue td { background:#ffebe9; }
tr.due-soon td { background:#fff8c5; }
.flag { font-weight:bold; white-space:nowrap; }
.steps { display:grid; grid-template-columns:repeat(auto-fill,minmax(min(24rem,100%),1fr)); gap:1rem; }
.steps form { margin:0; }
`;

export interface OfficeFrame {
  readonly ctx: PageContext;
  readonly actor: StaffActor;
  readonly csrf: string;
}

export function OfficeLayout(props: OfficeFrame & { readonly title: string; readonly children: ComponentChildren; readonly css?: string }) {
  const roles = [...new Set(props.actor.roles.map((r) => ROLE_LABELS[r.role]))].join('、');
  const nav = (
    <nav class="agency office" aria-label="办公导航">
      <ul>
        <li>
          <a href="/office">待办申请</a>
        </li>
        <li>
          <a href="/office/applications/new">登记申请</a>
        </li>
        <li>
          <a href="/office/catalogue">主动公开</a>
        </li>
        <li>
          <a href="/office/reports">年度报告</a>
        </li>
        {props.actor.roles.some((r) => r.role === 'supervisor') ? (
          <li>
            <a href="/office/checker">报告核查</a>
          </li>
        ) : null}
        {props.actor.roles.some((r) => r.role === 'admin') ? (
          <li>
            <a href="/office/letters/templates">告知书模板</a>
          </li>
        ) : null}
        {props.actor.roles.some((r) => r.role === 'admin' || r.role === 'supervisor') ? (
          <li>
            <a href="/office/audit">审计日志</a>
          </li>
        ) : null}
        <li class="muted">
          {props.actor.name}（{roles || '无角色'}）
        </li>
        <li>
          <form method="post" action="/office/logout">
            <CsrfField token={props.csrf} />
            <button type="submit" class="secondary">
              退出登录
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
  return (
    <Layout title={`${props.title} — 政府信息公开办公平台`} page={props.ctx} subnav={nav} css={OFFICE_CSS + (props.css ?? '')}>
      {props.children}
    </Layout>
  );
}
