import { reportBodyHtml } from '../../../modules/annual-report/render/html.ts';
import type { PublishedReport } from '../../../modules/annual-report/use-cases/get-published-report.ts';
import type { PublishedReportSummary } from '../../../modules/annual-report/use-cases/list-published-reports.ts';
import { chineseDate } from '../format.ts';
import { Layout, page } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { AgencyNav, agencyHref, type AgencyRef } from './agency-nav.tsx';

export const DOWNLOAD_FORMATS = [
  ['docx', 'Word（.docx）'],
  ['pdf', 'PDF'],
  ['xlsx', 'Excel（.xlsx）'],
] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number][0];

/** The report's own styles, scoped to the embedded article so the portal's frame keeps its look. */
const EMBED_CSS = `
.report-scroll { overflow-x:auto; }
.report { font-family: "Noto Serif CJK SC","Noto Sans CJK SC",serif; }
.report h1 { text-align:center; font-size:1.5rem; }
.report h2 { font-size:1.15rem; }
.report p { text-indent:2em; margin:.3rem 0; }
.report table.form { border-collapse:collapse; width:100%; min-width:40rem; margin:.5rem 0 1rem; font-size:.85rem; line-height:1.4; }
.report table.form td { border:1px solid #1f2328; padding:2px 4px; text-align:center; vertical-align:middle; }
.report table.form td.label, .report table.form td.block { text-align:left; }
.report table.form td.block { font-weight:bold; }
`;

export function reportsListPage(ctx: PageContext, agency: AgencyRef, reports: readonly PublishedReportSummary[]): string {
  return page(
    <Layout title={`政府信息公开工作年度报告 — ${agency.name}`} page={ctx} subnav={<AgencyNav agency={agency} current="reports" />}>
      <h1>政府信息公开工作年度报告</h1>
      <p>依据条例第四十九条、第五十条，本机关每年1月31日前公布上一年度政府信息公开工作年度报告。</p>
      {reports.length === 0 ? (
        <p class="notice">暂无已公布的年度报告。</p>
      ) : (
        <ul class="result-list">
          {reports.map((r) => (
            <li>
              <a href={agencyHref(agency, `/reports/${r.year}`)}>
                {agency.name}
                {r.year}年政府信息公开工作年度报告
              </a>
              <span class="meta-line"> · 公布日期 {chineseDate(r.publishedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>,
  );
}

export function reportPage(ctx: PageContext, agency: AgencyRef, published: PublishedReport): string {
  const year = published.year;
  return page(
    <Layout
      title={`${year}年政府信息公开工作年度报告 — ${agency.name}`}
      page={ctx}
      css={EMBED_CSS}
      subnav={<AgencyNav agency={agency} current="reports" />}
    >
      <p>
        下载：
        {DOWNLOAD_FORMATS.map(([format, label], i) => (
          <>
            {i > 0 ? ' · ' : ''}
            <a href={agencyHref(agency, `/reports/${year}/download/${format}`)}>{label}</a>
          </>
        ))}
        <span class="muted"> · 公布日期 {chineseDate(published.publishedAt)}</span>
      </p>
      {/* the report's tables are wider than a phone: the box scrolls, and takes the focus so keys scroll it (WCAG 2.1.1) */}
      <div class="report-scroll" role="region" aria-label={`${year}年度报告正文`} tabIndex={0} dangerouslySetInnerHTML={{ __html: reportBodyHtml(published.report) }} />
    </Layout>,
  );
}
