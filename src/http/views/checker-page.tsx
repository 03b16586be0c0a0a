import type { Finding } from '../../modules/annual-report/domain/finding.ts';
import type { CheckedReport } from '../../modules/annual-report/use-cases/check-reports.ts';
import { countBySeverity } from '../../modules/annual-report/use-cases/check-reports.ts';
import { CSRF_FIELD } from '../csrf.ts';
import { reportBodyHtml } from '../../modules/annual-report/render/html.ts';
import { Layout, page } from './layout.tsx';
import type { PageContext } from './page-context.ts';

const SEVERITY = { error: '错误', warning: '警告', notice: '提示' } as const;

export function checkerFormPage(ctx: PageContext, csrf: string, error?: string): string {
  return page(
    <Layout title={`${error ? '错误：' : ''}年度报告检查 — gongkai`} page={ctx}>
      <h1>年度报告检查</h1>
      <p class="notice">政府信息公开工作年度报告检查器：上传已发布的年度报告，查看表格是否平衡。</p>
      <p>支持 PDF、Word（.docx）、网页（HTML）、纯文本和 Markdown。可一次上传同一机关多个年度的报告，系统将同时核对跨年度衔接。</p>
      {error ? (
        <p class="error-box" role="alert" id="files-error">
          错误：{error}
        </p>
      ) : null}
      <form class="upload" method="post" action="/check" enctype="multipart/form-data">
        <input type="hidden" name={CSRF_FIELD} value={csrf} />
        <label for="files">选择报告文件（每个不超过 20 MB，最多 50 个）</label>
        <input
          id="files"
          name="files"
          type="file"
          multiple
          required
          accept=".pdf,.docx,.html,.htm,.txt,.md,.json"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'files-error' : undefined}
        />
        <p>
          <button type="submit">检查</button>
        </p>
      </form>
    </Layout>,
  );
}

/**
 * The tables sit in the page itself (not an iframe), in a scroll region that takes the keyboard focus, so Tab shows
 * its ring there as everywhere else (WCAG 2.4.7).
 */
const TABLES_CSS = `
.report-scroll { overflow-x:auto; border:1px solid #d0d7de; padding:0 .5rem; }
.report h1 { text-align:center; font-size:1.4rem; }
.report h2 { font-size:1.1rem; }
.report p { text-indent:2em; margin:.3rem 0; }
.report table.form { border-collapse:collapse; width:100%; min-width:40rem; margin:.5rem 0 1rem; font-size:.85rem; line-height:1.4; }
.report table.form td { border:1px solid #1f2328; padding:2px 4px; text-align:center; vertical-align:middle; }
.report table.form td.label, .report table.form td.block { text-align:left; }
.report td.finding-error { background:#fdd; outline:2px solid #c00; }
.report td.finding-warning { background:#ffe9b3; outline:2px solid #c80; }
.report td.finding-notice { background:#e3efff; }
`;

export function checkerResultPage(ctx: PageContext, results: readonly CheckedReport[]): string {
  return page(
    <Layout title="检查结果 — gongkai" page={ctx} css={TABLES_CSS}>
      <h1>检查结果</h1>
      <p>
        <a href="/checker">再检查一份</a>
      </p>
      {results.map((r) => (
        <section>
          <h2>{r.source}</h2>
          {r.ok ? <ReportResult result={r} /> : <p class="error-box">无法读取：{r.message}</p>}
        </section>
      ))}
    </Layout>,
  );
}

function ReportResult(props: { result: Extract<CheckedReport, { ok: true }> }) {
  const { report, findings } = props.result;
  const n = countBySeverity(findings);
  return (
    <div>
      <p>
        {report.agency ?? '（未识别机关）'} {report.year ?? '（未识别年度）'}年度报告，{report.format}年格式。错误 {n.error}，警告{' '}
        {n.warning}，提示 {n.notice}。
      </p>
      {findings.length === 0 ? <p>未发现问题。</p> : <ul>{findings.map((f) => <FindingItem finding={f} />)}</ul>}
      <details open>
        <summary>报告表格（有问题的单元格已标出）</summary>
        <div
          class="report-scroll"
          role="region"
          aria-label={`${props.result.source} 的表格`}
          tabIndex={0}
          dangerouslySetInnerHTML={{ __html: reportBodyHtml(report, { findings }) }}
        />
      </details>
    </div>
  );
}

function FindingItem(props: { finding: Finding }) {
  const f = props.finding;
  return (
    <li class={`finding ${f.severity}`}>
      <strong>{SEVERITY[f.severity]}</strong> {f.message} <code>{f.code}</code>
    </li>
  );
}
