/**
 * Form fields with their label, hint and error beside them (WCAG 3.3.1, 3.3.2): the error is tied to the input by
 * aria-describedby and aria-invalid, so a screen reader reads it with the field.
 */
import { CSRF_FIELD } from '../../csrf.ts';

export type FieldErrors = Readonly<Record<string, string>>;
export type FieldValues = Readonly<Record<string, string>>;

interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly values: FieldValues;
  readonly errors: FieldErrors;
  readonly hint?: string;
  readonly required?: boolean;
}

const idOf = (name: string) => `f-${name.replace(/\./g, '-')}`;

function describedBy(name: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${idOf(name)}-hint` : '', error ? `${idOf(name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Frame(props: FieldProps & { children: preact.ComponentChildren }) {
  const error = props.errors[props.name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={idOf(props.name)}>
        {props.label}
        {props.required ? <span aria-hidden="true">（必填）</span> : <span class="muted">（选填）</span>}
      </label>
      {props.hint ? (
        <p class="hint" id={`${idOf(props.name)}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${idOf(props.name)}-error`}>
          错误：{error}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

export function TextField(props: FieldProps & { readonly type?: 'text' | 'tel' | 'email'; readonly autocomplete?: string; readonly maxLength?: number }) {
  const error = props.errors[props.name];
  return (
    <Frame {...props}>
      <input
        id={idOf(props.name)}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.values[props.name] ?? ''}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        required={props.required}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
    </Frame>
  );
}

export function TextArea(props: FieldProps & { readonly maxLength?: number }) {
  const error = props.errors[props.name];
  return (
    <Frame {...props}>
      <textarea
        id={idOf(props.name)}
        name={props.name}
        maxLength={props.maxLength}
        required={props.required}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.values[props.name] ?? ''}
      </textarea>
    </Frame>
  );
}

export function SelectField(props: FieldProps & { readonly options: ReadonlyArray<readonly [value: string, label: string]>; readonly placeholder?: string }) {
  const error = props.errors[props.name];
  const current = props.values[props.name] ?? '';
  return (
    <Frame {...props}>
      <select
        id={idOf(props.name)}
        name={props.name}
        required={props.required}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === current}>
            {label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function CsrfField(props: { readonly token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />;
}

/** The list of problems at the top of a re-rendered form, each linking to its field (WCAG 3.3.1). */
export function ErrorSummary(props: { readonly errors: FieldErrors; readonly message?: string; readonly labels: Readonly<Record<string, string>> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0 && !props.message) return null;
  return (
    <div class="error-box" role="alert" tabIndex={-1} id="error-summary">
      <p>
        <strong>{props.message ?? `提交的内容有 ${entries.length} 处需要修改：`}</strong>
      </p>
      {entries.length > 0 ? (
        <ul>
          {entries.map(([field, message]) => (
            <li>
              <a href={`#${idOf(field)}`}>
                {props.labels[field] ?? field}：{message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
