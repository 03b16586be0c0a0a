/** The second navigation bar of an agency's disclosure site (政府信息公开专栏). */

export type AgencySection = 'home' | 'guide' | 'rules' | 'catalogue' | 'search' | 'reports' | 'apply';

export interface AgencyRef {
  readonly code: string;
  readonly name: string;
}

const SECTIONS: ReadonlyArray<readonly [AgencySection, string, string]> = [
  ['home', '专栏首页', ''],
  ['guide', '公开指南', '/guide'],
  ['rules', '公开制度', '/rules'],
  ['catalogue', '主动公开目录', '/catalogue'],
  ['search', '检索', '/search'],
  ['reports', '年度报告', '/reports'],
  ['apply', '依申请公开', '/apply'],
];

export function agencyHref(agency: AgencyRef, path = ''): string {
  return `/a/${encodeURIComponent(agency.code)}${path}`;
}

export function AgencyNav(props: { readonly agency: AgencyRef; readonly current?: AgencySection }) {
  return (
    <nav class="agency" aria-label={`${props.agency.name}政府信息公开专栏`}>
      <ul>
        <li>
          <strong>{props.agency.name}</strong>
        </li>
        {SECTIONS.map(([id, label, path]) => (
          <li>
            <a href={agencyHref(props.agency, path)} aria-current={props.current === id ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
