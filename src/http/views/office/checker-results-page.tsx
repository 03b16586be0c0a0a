/**
 * The results of the supervisor's checker: one summary line per uploaded file, then per report its tables with the
 * cells of every finding highlighted and the findings beside them, each with its review form.
 */
import type { Finding } from '../../../modules/annual-report/domain/finding.ts';
import type { Report } from '../../../modules/annual-report/domain/report.ts';
import type { FindingReview } from '../../../modules/annual-report/use-cases/review-findings.ts';
import { countBySeverity } from '../../../modules/annual-report/use-cases/check-reports.ts';
import { CheckedTables, CHECKER_TABLE_CSS, type FindingAnchor } from './checker-tables.tsx';
import { FindingItem, REVIEW_FORM_CSS, type ReviewFeedback } from './checker-review-form.tsx';
import { page } from '../layout.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';

const KIND_LABELS: Readonly<Record<string, string>> = { text: '纯文本', markdown: 'Markdown', html: '网页（HTML）', docx: 'Word（DOCX）', xlsx: 'Excel（XLSX）', pdf: 'PDF', json: 'JSON' };

const PAGE_CSS = `
table.summary { border-collapse:collapse; width:100%; margin:.5rem 0 1.5rem; }
table.summary th, table.summary td { border:1px solid #d0d7de; padding:.3rem .5rem; text-align:left; }
.report-result { display:grid; grid-template-columns:minmax(0,3fr) minmax(18rem,2fr); gap:1rem; align-items:start; }
.report-result > .findings-column { position:sticky; top:0; max-height:100vh; overflow-y:auto; }
@media (max-width:60rem) { .report-result { grid-template-columns:1fr; } .report-result > .findings-column { position:static; max-height:none; } }
section.checked-report { border-top:2px solid #d0d7de; margin-top:1.5rem; padding-top:.5rem; }
${CHECKER_TABLE_CSS}${REVIEW_FORM_CSS}`;

export interface ReviewedFinding {
  readonly finding: Finding;
  readonly key: string;
  readonly review: FindingReview | null;
}

export type CheckedFileView =
  | {
      readonly ok: true;
      readonly source: string;
      readonly kind: string;
      readonly report: Report;
      readonly reportKey: string;
      /** The signed ticket every review form of this report carries. */
      readonly ticket: string;
      readonly findings: readonly ReviewedFinding[];
    }
  | { readonly ok: false; readonly source: string; readonly message: string };

export interface CheckerResultsProps extends OfficeFrame {
  readonly reviewingAgency: string;
  readonly files: readonly CheckedFileView[];
  /** A word about the whole upload (e.g. files beyond the limit were left out). */
  readonly uploadNote?: string;
  /** After a saved review: what was saved (shown as a status). */
  readonly saved?: string;
  /** A refused review: its finding's form shows the errors and the values sent. */
  readonly feedback?: ReviewFeedback;
  /** A refused review whose ticket could not be read (shown at the top). */
  readonly error?: string;
}

function reviewState(file: Extract<CheckedFileView, { ok: true }>): string {
  if (file.findings.length === 0) return '无需核查';
  const done = file.findings.filter((f) => f.review !== null).length;
  return done === 0 ? '未核查' : done === file.findings.length ? '已全部核查' : `已核查 ${done}/${file.findings.length}`;
}

function Summary(props: { files: readonly CheckedFileView[] }) {
  return (
    <table class="summary">
      <caption>上传文件一览</caption>
      <thead>
        <tr>
          <th scope="col">文件</th>
          <th scope="col">机关</th>
          <th scope="col">年度</th>
          <th scope="col">文件格式 / 表格格式</th>
          <th scope="col">错误</th>
          <th scope="col">警告</th>
          <th scope="col">核查情况</th>
        </tr>
      </thead>
      <tbody>
        {props.files.map((file, i) => {
          if (!file.ok) {
            return (
              <tr class="refused" data-source={file.source}>
                <th scope="row">{file.source}</th>
                <td colSpan={6} class="field-error">
                  未检查：{file.message}
                </td>
              </tr>
            );
          }
          const n = countBySeverity(file.findings.map((f) => f.finding));
          return (
            <tr class="checked" data-source={file.source}>
              <th scope="row">
                <a href={`#r${i}`}>{file.source}</a>
              </th>
              <td>{file.report.agency ?? '（未识别）'}</td>
              <td>{file.report.year ?? '（未识别）'}</td>
              <td>
                {KIND_LABELS[file.kind] ?? file.kind} / {file.report.format}年格式
              </td>
              <td>{n.error}</td>
              <td>{n.warning}</td>
              <td class="review-state">{reviewState(file)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ReportResult(props: { file: Extract<CheckedFileView, { ok: true }>; index: number; csrf: string; feedback: ReviewFeedback | undefined }) {
  const { file, index } = props;
  const prefix = `r${index}`;
  const anchors: FindingAnchor[] = file.findings.map((f, i) => ({ finding: f.finding, id: `${prefix}-f${i + 1}`, number: i + 1 }));
  return (
    <section class="checked-report" id={prefix} data-report-key={file.reportKey} aria-labelledby={`${prefix}-h`}>
      <h2 id={`${prefix}-h`}>
        {file.source}：{file.report.agency ?? '（未识别机关）'}
        {file.report.year ?? '（未识别年度）'}年度报告
      </h2>
      <div class="report-result">
        <div>
          <CheckedTables report={file.report} anchors={anchors} idPrefix={prefix} />
        </div>
        <div class="findings-column">
          <h3>发现的问题（{file.findings.length}）</h3>
          {file.findings.length === 0 ? (
            <p>未发现问题。</p>
          ) : (
            <ol class="findings">
              {file.findings.map((f, i) => (
                <FindingItem
                  id={anchors[i]!.id}
                  number={i + 1}
                  finding={f.finding}
                  findingKey={f.key}
                  review={f.review}
                  ticket={file.ticket}
                  csrf={props.csrf}
                  feedback={props.feedback?.findingKey === f.key ? props.feedback : null}
                />
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}

export function checkerResultsPage(props: CheckerResultsProps): string {
  return page(
    <OfficeLayout {...props} title="年度报告核查结果" css={PAGE_CSS}>
      <h1>年度报告核查结果</h1>
      <p>
        核查机关：{props.reviewingAgency}。<a href="/office/checker">上传其他报告</a>
      </p>
      {props.saved ? (
        <p class="success-box" role="status">
          {props.saved}
        </p>
      ) : null}
      {props.error ? (
        <p class="error-box" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.feedback ? (
        <p class="error-box" role="alert">
          核查意见未保存：{Object.values(props.feedback.errors).join('；')}
        </p>
      ) : null}
      {props.uploadNote ? <p class="notice">{props.uploadNote}</p> : null}
      <Summary files={props.files} />
      {props.files.map((file, i) => (file.ok ? <ReportResult file={file} index={i} csrf={props.csrf} feedback={props.feedback} /> : null))}
    </OfficeLayout>,
  );
}
