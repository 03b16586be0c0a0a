/**
 * Table 二 of the annual report (主动公开政府信息情况), the cells staff enter for one agency's year: decisions on
 * licensing, penalties and compulsion, fees, procurement… in the format the year uses (2019 trial format up to
 * 2020, 2021 format after). What is entered replaces what the catalogue counts; a blank cell is not entered.
 */
import type { FormatDef } from '../../../modules/annual-report/domain/formats/index.ts';
import { page } from '../layout.tsx';
import { CsrfField, ErrorSummary, type FieldErrors, type FieldValues } from '../portal/fields.tsx';
import { AgencySelect } from './agency-select.tsx';
import type { AgencyChoice } from './dashboard-page.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';

/** The form field of one cell. */
export function yearlyFieldName(row: string, column: string): string {
  return `${row}.${column}`;
}

/** Every cell of table 二 in a format, in the order the form posts them to the use case. */
export function yearlyCells(format: FormatDef): { row: string; column: string }[] {
  return format.tables.proactive.rows.flatMap((r) => r.columns.map((column) => ({ row: r.id, column })));
}

export interface YearlyPageProps extends OfficeFrame {
  readonly agencies: readonly AgencyChoice[];
  readonly current: AgencyChoice;
  readonly year: number;
  readonly years: readonly number[];
  readonly format: FormatDef;
  readonly values: FieldValues;
  readonly errors?: FieldErrors;
  readonly message?: string;
  readonly done?: boolean;
  readonly mayEdit: boolean;
}

const idOf = (name: string) => `f-${name.replace(/\./g, '-')}`;

export function yearlyCountsPage(props: YearlyPageProps): string {
  const table = props.format.tables.proactive;
  const errors = props.errors ?? {};
  const labels: Record<string, string> = {};
  for (const row of table.rows) {
    for (const col of row.columns) labels[yearlyFieldName(row.id, col)] = `${row.label}·${table.columns.find((c) => c.id === col)?.label ?? col}`;
  }
  return page(
    <OfficeLayout ctx={props.ctx} actor={props.actor} csrf={props.csrf} title="年度统计数据">
      <p>
        <a href={`/office/catalogue?agency=${props.current.id}`}>← 主动公开目录</a>
      </p>
      <h1>
        年度报告表二数据 — {props.current.name} {props.year}年
      </h1>
      <form method="get" action="/office/catalogue/yearly" class="filters" aria-label="选择机关和年份">
        {props.agencies.length > 1 ? <AgencySelect agencies={props.agencies} currentId={props.current.id} /> : <input type="hidden" name="agency" value={String(props.current.id)} />}
        <div>
          <label for="f-year-pick">年份</label>
          <select id="f-year-pick" name="year">
            {props.years.map((y) => (
              <option value={String(y)} selected={y === props.year}>
                {y}年
              </option>
            ))}
          </select>
        </div>
        <button type="submit">查看</button>
      </form>
      <p class="muted">
        {props.year}年度报告适用{props.format.name}（{props.format.document}）。第二十条第（一）项的件数默认由目录中已发布的第1项条目统计，在此填写则以填写的数为准；其余各项由业务部门统计后在此填写。空白表示未填写。
      </p>
      {props.done ? (
        <div class="success-box" role="status">
          <p>已保存{props.year}年的表二数据。</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} {...(props.message ? { message: props.message } : {})} />
      <form class="panel" method="post" action="/office/catalogue/yearly" novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="agency" value={String(props.current.id)} />
        <input type="hidden" name="year" value={String(props.year)} />
        {table.blocks.map((block) => (
          <fieldset>
            <legend>{block.label}</legend>
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">信息内容</th>
                  {block.columns.map((col) => (
                    <th scope="col">{table.columns.find((c) => c.id === col)?.label ?? col}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {block.rows.map((rowId) => {
                  const row = table.rows.find((r) => r.id === rowId);
                  return (
                    <tr>
                      <th scope="row">{row?.label ?? rowId}</th>
                      {block.columns.map((col) => {
                        const name = yearlyFieldName(rowId, col);
                        const error = errors[name];
                        return (
                          <td class={error ? 'has-error' : undefined}>
                            {error ? (
                              <p class="field-error" id={`${idOf(name)}-error`}>
                                错误：{error}
                              </p>
                            ) : null}
                            <input
                              id={idOf(name)}
                              name={name}
                              type="text"
                              inputMode="decimal"
                              size={10}
                              value={props.values[name] ?? ''}
                              aria-label={labels[name]}
                              aria-invalid={error ? 'true' : undefined}
                              aria-describedby={error ? `${idOf(name)}-error` : undefined}
                              disabled={!props.mayEdit}
                            />
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </fieldset>
        ))}
        {props.mayEdit ? (
          <p>
            <button type="submit">保存</button>
          </p>
        ) : (
          <p class="muted">您只能查看这些数据。</p>
        )}
      </form>
    </OfficeLayout>,
  );
}
