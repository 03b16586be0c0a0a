/**
 * The prose of the annual report edited in place (Art. 50: 一 to 六): one labelled text box per section, the
 * checker's findings about that section's prose beside it, and field errors as on every form (WCAG 3.3.1).
 */
import type { Finding } from '../../../modules/annual-report/domain/finding.ts';
import { chineseDate } from '../format.ts';
import { CsrfField, ErrorSummary, type FieldErrors } from '../portal/fields.tsx';

export const SEVERITY_LABELS = { error: '错误', warning: '警告', notice: '提示' } as const;

export const SECTIONS_CSS = `
.prose-editor .field textarea { width:100%; min-height:8rem; font-family: "Noto Serif CJK SC","Noto Sans CJK SC",serif; line-height:1.6; }
.prose-editor .field { margin-bottom:1rem; }
.prose-editor .findings { margin:.3rem 0 0; }
`;

export interface SectionField {
  /** The form field: `sections.<SectionId>`. */
  readonly name: string;
  /** 一、总体情况 */
  readonly label: string;
  readonly hint?: string;
  readonly value: string;
  /** What the checker says about this section's prose. */
  readonly findings: readonly Finding[];
}

export interface SectionsFormProps {
  readonly action: string;
  readonly csrf: string;
  readonly fields: readonly SectionField[];
  readonly maxLength: number;
  /** Clerk, reviewer or administrator of the agency; a supervisor above only reads. */
  readonly canEdit: boolean;
  readonly errors: FieldErrors;
  readonly saved: boolean;
  /** When the prose was last saved (ISO instant). */
  readonly lastSaved: { readonly at: string } | null;
}

const idOf = (name: string) => `f-${name.replace(/\./g, '-')}`;

function SectionFindings(props: { readonly id: string; readonly findings: readonly Finding[] }) {
  if (props.findings.length === 0) return null;
  return (
    <ul class="result-list findings" id={props.id} aria-label="本部分的检查结果">
      {props.findings.map((f) => (
        <li class={`finding ${f.severity}`}>
          <strong>{SEVERITY_LABELS[f.severity]}</strong>：{f.message}
        </li>
      ))}
    </ul>
  );
}

function SectionBox(props: { readonly field: SectionField; readonly error: string | undefined; readonly maxLength: number }) {
  const { field, error } = props;
  const id = idOf(field.name);
  const described = [field.hint ? `${id}-hint` : '', error ? `${id}-error` : '', field.findings.length ? `${id}-findings` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{field.label}</label>
      {field.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {field.hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          错误：{error}
        </p>
      ) : null}
      <textarea id={id} name={field.name} rows={8} maxLength={props.maxLength} aria-invalid={error ? 'true' : undefined} aria-describedby={described || undefined}>
        {field.value}
      </textarea>
      <SectionFindings id={`${id}-findings`} findings={field.findings} />
    </div>
  );
}

/** The editor, or for a reader who may not edit, a line saying so (the prose itself shows in the report below). */
export function SectionsForm(props: SectionsFormProps) {
  const labels = Object.fromEntries(props.fields.map((f) => [f.name, f.label]));
  return (
    <section aria-labelledby="prose-title" class="prose-editor">
      <h2 id="prose-title">报告正文</h2>
      {props.saved ? (
        <p class="success-box" role="status">
          正文已保存，检查结果已按新的正文重新计算。
        </p>
      ) : null}
      {props.lastSaved ? (
        <p class="muted">
          最近保存：{chineseDate(props.lastSaved.at)}
        </p>
      ) : null}
      {props.canEdit ? (
        <form method="post" action={props.action} class="sections" novalidate>
          <CsrfField token={props.csrf} />
          <ErrorSummary errors={props.errors} labels={labels} />
          <p class="hint">二、三、四部分的表格按本平台数据生成，这里只填写各部分的文字；每部分最多{props.maxLength}字。正文中的数字会与表格核对。</p>
          {props.fields.map((f) => (
            <SectionBox field={f} error={props.errors[f.name]} maxLength={props.maxLength} />
          ))}
          <button type="submit">保存正文</button>
        </form>
      ) : (
        <>
          <p class="muted">您可以查看本报告，但只有本机关的经办人、审核人和管理员可以编辑正文。</p>
          {props.fields.flatMap((f) => f.findings).length > 0 ? (
            <SectionFindings id="prose-findings" findings={props.fields.flatMap((f) => f.findings)} />
          ) : null}
        </>
      )}
    </section>
  );
}
