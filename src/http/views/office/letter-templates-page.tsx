/** An agency's letter templates (告知书模板): each kind, whether the agency has its own wording, and a link to edit it. */
import type { LetterTemplateView } from '../../../modules/letters/use-cases/letter-templates.ts';
import { page } from '../layout.tsx';
import type { AgencyChoice } from './dashboard-page.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';

export interface LetterTemplatesPageProps extends OfficeFrame {
  readonly agencies: readonly AgencyChoice[];
  readonly current: AgencyChoice;
  readonly templates: readonly LetterTemplateView[];
  /** the title of the template just saved or reset */
  readonly message?: string | null;
}

export function letterTemplatesPage(props: LetterTemplatesPageProps): string {
  const agency = props.current;
  return page(
    <OfficeLayout ctx={props.ctx} actor={props.actor} csrf={props.csrf} title="告知书模板">
      <h1>告知书模板 — {agency.name}</h1>
      {props.agencies.length > 1 ? (
        <form method="get" action="/office/letters/templates">
          <label for="agency">机关</label>{' '}
          <select id="agency" name="agency">
            {props.agencies.map((a) => (
              <option value={String(a.id)} selected={a.id === agency.id}>
                {a.name}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="secondary">切换</button>
        </form>
      ) : null}
      {props.message ? (
        <div class="success-box" role="status">
          <p>{props.message}</p>
        </div>
      ) : null}
      <p>修改模板只影响此后出具的告知书；已出具的告知书保持出具时的文字。</p>
      <table>
        <thead>
          <tr>
            <th scope="col">告知书</th>
            <th scope="col">依据</th>
            <th scope="col">模板</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {props.templates.map((t) => (
            <tr>
              <td>{t.label}</td>
              <td>{t.basis}</td>
              <td>{t.custom ? '本机关模板' : '默认模板'}</td>
              <td>
                <a href={`/office/letters/templates/${t.kind}?agency=${agency.id}`} aria-label={`编辑${t.label}模板`}>
                  编辑
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </OfficeLayout>,
  );
}
