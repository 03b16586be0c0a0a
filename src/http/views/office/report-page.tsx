/**
 * The annual report screen (Arts. 49-50): the prose edited in place, the report as built from the stored data and
 * that prose, the checker's findings beside the tables (the cells they name are highlighted), and the exports.
 */
import type { Finding } from '../../../modules/annual-report/domain/finding.ts';
import type { Report } from '../../../modules/annual-report/domain/report.ts';
import { reportBodyHtml } from '../../../modules/annual-report/render/html.ts';
import type { RollUp } from '../../../modules/annual-report/use-cases/roll-up-reports.ts';
import { page } from '../layout.tsx';
import { CsrfField } from '../portal/fields.tsx';
import type { AgencyChoice } from './dashboard-page.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';
import { AgencySelect } from './agency-select.tsx';
import { SECTIONS_CSS, SEVERITY_LABELS, SectionsForm, type SectionsFormProps } from './report-sections-form.tsx';

export const EXPORT_FORMATS = [
  ['html', '网页（.html）'],
  ['docx', 'Word（.docx）'],
  ['xlsx', 'Excel（.xlsx）'],
  ['pdf', 'PDF'],
  ['json', '数据（.json）'],
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number][0];

const REPORT_SCREEN_CSS = `
.report-scroll { overflow-x:auto; min-width:0; }
.report-screen { display:grid; grid-template-columns:minmax(0,3fr) minmax(14rem,1fr); gap:1.2rem; align-items:start; }
@media (max-width: 900px) { .report-screen { grid-template-columns:1fr; } }
.report { font-family: "Noto Serif CJK SC","Noto Sans CJK SC",serif; overflow-x:auto; }
.report h1 { text-align:center; font-size:1.5rem; }
.report h2 { font-size:1.15rem; }
.report p { text-indent:2em; margin:.3rem 0; }
.report table.form { border-collapse:collapse; width:100%; min-width:40rem; margin:.5rem 0 1rem; font-size:.85rem; line-height:1.4; }
.report table.form td { border:1px solid #1f2328; padding:2px 4px; text-align:center; vertical-align:middle; }
.report table.form td.label, .report table.form td.block { text-align:left; }
.report table.form td.block { font-weight:bold; }
.report td.finding-error { background:#ffebe9; outline:2px solid #cf222e; }
.report td.finding-warning { background:#fff8c5; }
.report td.finding-notice { background:#ddf4ff; }
${SECTIONS_CSS}`;

export interface ReportPageProps extends OfficeFrame {
  readonly agencies: readonly AgencyChoice[];
  readonly current: AgencyChoice;
  readonly year: number;
  readonly report: Report;
  readonly findings: readonly Finding[];
  /** The prose of the six sections, editable for the agency's own staff. */
  readonly sections: SectionsFormProps;
  /** Whether a version of this year's report is published. */
  readonly published: boolean;
  /** Whether the actor may publish it (the 发布到门户 button). */
  readonly canPublish: boolean;
  /** Today (YYYY-MM-DD), for the Art. 49 reminder. */
  readonly today: string;
  /** The agencies below and their sum, for a supervisor. */
  readonly rollUp?: RollUp;
  /** Why publishing was refused (re-rendered after a POST). */
  readonly message?: string;
}

/** Art. 49: the report on a year is published by 31 January of the next; remind from 1 January until it is. */
function PublishReminder(props: { readonly year: number; readonly today: string; readonly published: boolean }) {
  if (props.published || props.today < `${props.year + 1}-01-01`) return null;
  const overdue = props.today > `${props.year + 1}-01-31`;
  return (
    <p class="error-box" role="status">
      依照《政府信息公开条例》第四十九条，{props.year}年度报告应于{props.year + 1}年1月31日前向社会公布，
      {overdue ? '现已逾期，尚未发布。' : '目前尚未发布。'}
    </p>
  );
}

function RollUpSection(props: { readonly year: number; readonly rollUp: RollUp }) {
  return (
    <section aria-labelledby="rollup-title">
      <h2 id="rollup-title">下级机关汇总</h2>
      <table class="rollup">
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">已发布</th>
            <th scope="col">错误</th>
          </tr>
        </thead>
        <tbody>
          {props.rollUp.agencies.map((a) => (
            <tr>
              <td>
                <a href={`/office/reports/${props.year}?agency=${a.agencyId}`}>{a.agency}</a>
              </td>
              <td>{a.published ? '已发布' : '未发布'}</td>
              <td>{String(a.errors)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="rollup-sum report-scroll" role="region" aria-label="下级机关合计报表" tabIndex={0} dangerouslySetInnerHTML={{ __html: reportBodyHtml(props.rollUp.sum) }} />
    </section>
  );
}

export function reportPage(props: ReportPageProps): string {
  const q = `?agency=${props.current.id}`;
  return page(
    <OfficeLayout ctx={props.ctx} actor={props.actor} csrf={props.csrf} title={`${props.year}年度报告`} css={REPORT_SCREEN_CSS}>
      <h1>
        {props.current.name} {props.year}年政府信息公开工作年度报告（草稿）
      </h1>
      {props.message ? (
        <p class="error-box" role="alert">
          {props.message}
        </p>
      ) : null}
      <PublishReminder year={props.year} today={props.today} published={props.published} />
      {props.published ? <p class="success-box">本年度报告已发布到门户。</p> : null}
      {props.canPublish ? (
        <form method="post" action={`/office/reports/${props.year}/publish${q}`} class="publish">
          <CsrfField token={props.csrf} />
          <button type="submit">发布到门户</button> <span class="muted">发布的是按数据生成的表格和已保存的正文。</span>
        </form>
      ) : null}
      {props.agencies.length > 1 ? (
        <form method="get" action={`/office/reports/${props.year}`} class="filters">
          <AgencySelect agencies={props.agencies} currentId={props.current.id} />
          <button type="submit">查看</button>
        </form>
      ) : null}
      <p>
        按本平台登记的申请、复议诉讼和主动公开数据生成。导出：
        {EXPORT_FORMATS.map(([format, label], i) => (
          <>
            {i > 0 ? ' · ' : ''}
            <a href={`/office/reports/${props.year}/export/${format}${q}`}>{label}</a>
          </>
        ))}
      </p>
      <SectionsForm {...props.sections} />
      <div class="report-screen">
        <div class="report-scroll" role="region" aria-label={`${props.year}年度报告正文`} tabIndex={0} dangerouslySetInnerHTML={{ __html: reportBodyHtml(props.report, { findings: props.findings }) }} />
        <aside aria-label="检查结果">
          <h2>检查结果</h2>
          {props.findings.length === 0 ? (
            <p class="success-box">未发现问题。</p>
          ) : (
            <ul class="result-list findings">
              {props.findings.map((f) => (
                <li class={`finding ${f.severity}`}>
                  <strong>{SEVERITY_LABELS[f.severity]}</strong>：{f.message}
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
      {props.rollUp && props.rollUp.agencies.length > 0 ? <RollUpSection year={props.year} rollUp={props.rollUp} /> : null}
    </OfficeLayout>,
  );
}
