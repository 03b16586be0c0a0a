/**
 * A checked report's three tables as the national form prints them, with every cell a finding names highlighted:
 * a class (colour and outline), the findings' messages in the title, aria-describedby pointing at the findings in the
 * list beside the table, and a visible numbered link to each — so the mark does not rest on colour alone.
 */
import { SEVERITY_ORDER, cellKey, type Finding, type Severity } from '../../../modules/annual-report/domain/finding.ts';
import { tableName } from '../../../modules/annual-report/domain/checks/describe.ts';
import { TABLE_IDS, type TableId } from '../../../modules/annual-report/domain/formats/index.ts';
import type { Report } from '../../../modules/annual-report/domain/report.ts';
import { cellText } from '../../../modules/annual-report/render/content.ts';
import { tableLayout, type LayoutCell } from '../../../modules/annual-report/render/layout.ts';

export const CHECKER_TABLE_CSS = `
table.checked { border-collapse:collapse; width:100%; margin:.5rem 0 1rem; font-size:.85rem; table-layout:fixed; }
table.checked caption { text-align:left; font-weight:bold; padding:.3rem 0; }
table.checked td { border:1px solid #57606a; padding:2px 4px; text-align:center; vertical-align:middle; word-break:break-all; }
table.checked td.label { text-align:left; }
table.checked td.block { font-weight:bold; text-align:left; }
table.checked td.flagged { outline:3px solid #cf222e; outline-offset:-3px; background:#ffebe9; font-weight:bold; }
table.checked td.flagged.sev-warning { outline-color:#9a6700; background:#fff8c5; }
table.checked td.flagged.sev-notice { outline-color:#0969da; background:#ddf4ff; }
table.checked .cell-marks { display:block; font-size:.75rem; font-weight:normal; }
`;

/** Where each finding is listed on the page (its element id) and its number there. */
export interface FindingAnchor {
  readonly finding: Finding;
  readonly id: string;
  readonly number: number;
}

interface CellMark {
  readonly severity: Severity;
  readonly anchors: FindingAnchor[];
}

function marksOf(anchors: readonly FindingAnchor[]): Map<string, CellMark> {
  const out = new Map<string, CellMark>();
  for (const a of anchors) {
    for (const ref of a.finding.cells) {
      const key = cellKey(ref);
      const seen = out.get(key);
      const severity = seen && SEVERITY_ORDER[seen.severity] <= SEVERITY_ORDER[a.finding.severity] ? seen.severity : a.finding.severity;
      if (seen?.anchors.includes(a)) continue;
      out.set(key, { severity, anchors: [...(seen?.anchors ?? []), a] });
    }
  }
  return out;
}

function Cell(props: { report: Report; table: TableId; cell: LayoutCell; marks: Map<string, CellMark> }) {
  const { cell } = props;
  const text = cellText(props.report, props.table, cell);
  const span = { rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined, colSpan: cell.colSpan > 1 ? cell.colSpan : undefined };
  if (cell.kind === 'label') return <td class={cell.role === 'label' ? 'label' : cell.role} {...span}>{text}</td>;
  const id = cellKey({ table: props.table, row: cell.row, column: cell.column });
  const mark = props.marks.get(id);
  if (!mark) {
    return (
      <td class="value" data-cell={id} {...span}>
        {text}
      </td>
    );
  }
  return (
    <td
      class={`value flagged sev-${mark.severity}`}
      data-cell={id}
      title={mark.anchors.map((a) => `问题${a.number}：${a.finding.message}`).join('\n')}
      aria-describedby={mark.anchors.map((a) => a.id).join(' ')}
      {...span}
    >
      {text}
      <span class="cell-marks">
        {mark.anchors.map((a) => (
          <a href={`#${a.id}`} aria-label={`见问题${a.number}`}>
            ⚠{a.number}{' '}
          </a>
        ))}
      </span>
    </td>
  );
}

/** The tables the report printed (a missing table is not drawn), cells named by the findings highlighted. */
export function CheckedTables(props: { report: Report; anchors: readonly FindingAnchor[]; idPrefix: string }) {
  const marks = marksOf(props.anchors);
  return (
    <div class="checked-tables">
      {TABLE_IDS.filter((t) => !props.report.missingTables.includes(t)).map((t) => {
        const layout = tableLayout(props.report.format, t);
        const total = layout.columnWeights.reduce((a, b) => a + b, 0);
        return (
          <table class={`checked ${t}`} data-table={t} id={`${props.idPrefix}-${t}`}>
            <caption>{tableName(t)}</caption>
            <colgroup>
              {layout.columnWeights.map((w) => (
                <col style={`width:${((100 * w) / total).toFixed(2)}%`} />
              ))}
            </colgroup>
            <tbody>
              {layout.rows.map((row) => (
                <tr>
                  {row.cells.map((cell) => (
                    <Cell report={props.report} table={t} cell={cell} marks={marks} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
