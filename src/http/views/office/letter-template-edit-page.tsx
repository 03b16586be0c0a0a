/**
 * The edit form of one letter template: the text with its placeholders, a preview of the edited text filled with
 * sample values (on the page or as PDF; nothing saved), the list of placeholders allowed, reset to default.
 */
import { letterLayout } from '../../../modules/letters/domain/compose-letter.ts';
import type { PlaceholderName } from '../../../modules/letters/domain/placeholders.ts';
import type { LetterTemplateView } from '../../../modules/letters/use-cases/letter-templates.ts';
import { page } from '../layout.tsx';
import { CsrfField, ErrorSummary, TextArea, type FieldErrors } from '../portal/fields.tsx';
import type { AgencyChoice } from './dashboard-page.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';

export interface LetterTemplateEditPageProps extends OfficeFrame {
  readonly agency: AgencyChoice;
  readonly template: LetterTemplateView;
  readonly placeholders: ReadonlyArray<{ readonly name: PlaceholderName; readonly description: string; readonly required: boolean }>;
  /** the text sent back after a refusal, or previewed */
  readonly body?: string;
  readonly errors?: FieldErrors;
  /** the edited text filled with sample values (nothing saved) */
  readonly preview?: { readonly title: string; readonly body: string } | undefined;
}

const PREVIEW_CSS = `
.letter-sheet { border:1px solid var(--line); padding:1.5rem 2rem; background:#fff; max-width:42rem; font-family:"FangSong","仿宋",serif; line-height:1.9; }
.letter-sheet .letter-title { text-align:center; font-size:1.4em; margin:0 0 1rem; }
.letter-sheet p { margin:0; }
.letter-sheet p.indent { text-indent:2em; }
.letter-sheet .signature { margin-top:1.5rem; text-align:right; }`;

/** The previewed letter laid out as it prints: title, addressee, indented paragraphs, seal line and date right. */
function LetterPreview(props: { readonly title: string; readonly body: string }) {
  const layout = letterLayout(props.body);
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">预览（未保存）</h2>
      <p>
        占位符以示例内容填写，机关名称、联系方式和复议机关按本机关资料填写。预览不保存模板；确认无误后请点“保存模板”。
      </p>
      <div class="letter-sheet">
        <p class="letter-title">{props.title}</p>
        {layout.addressee === null ? null : <p>{layout.addressee}</p>}
        {layout.paragraphs.map((p) => (
          <p class="indent">{p}</p>
        ))}
        <div class="signature">
          {layout.signature.map((line) => (
            <p>{line}</p>
          ))}
        </div>
      </div>
    </section>
  );
}

export function letterTemplateEditPage(props: LetterTemplateEditPageProps): string {
  const t = props.template;
  const action = `/office/letters/templates/${t.kind}`;
  const errors = props.errors ?? {};
  return page(
    <OfficeLayout ctx={props.ctx} actor={props.actor} csrf={props.csrf} title={`编辑模板：${t.label}`} css={`textarea#f-body { min-height: 24rem; width: 100%; }${PREVIEW_CSS}`}>
      <h1>编辑模板：{t.label}</h1>
      <p>
        {props.agency.name}；依据：{t.basis}；当前使用{t.custom ? '本机关模板' : '默认模板'}。
        <a href={`/office/letters/templates?agency=${props.agency.id}`}>返回模板列表</a>
      </p>
      <ErrorSummary errors={errors} labels={{ body: '模板正文' }} />
      <form method="post" action={action} class="panel">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="agency" value={String(props.agency.id)} />
        <TextArea
          name="body"
          label="模板正文"
          required
          hint="每段一行；占位符写作 {{名称}}，出具时替换为该申请的内容。落款（机关名称、盖章）和日期自动添加。"
          values={{ body: props.body ?? t.body }}
          errors={errors}
        />
        <p>
          <button type="submit">保存模板</button>{' '}
          <button type="submit" class="secondary" formaction={`${action}/preview`} name="format" value="html">
            预览
          </button>{' '}
          <button type="submit" class="secondary" formaction={`${action}/preview`} name="format" value="pdf">
            预览 PDF
          </button>
        </p>
      </form>
      {props.preview ? <LetterPreview title={props.preview.title} body={props.preview.body} /> : null}
      <h2>可用的占位符</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">占位符</th>
            <th scope="col">内容</th>
          </tr>
        </thead>
        <tbody>
          {props.placeholders.map((p) => (
            <tr>
              <td>
                <code>{`{{${p.name}}}`}</code>
                {p.required ? '（必须保留）' : ''}
              </td>
              <td>{p.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {t.custom ? (
        <form method="post" action={`${action}/reset`}>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="agency" value={String(props.agency.id)} />
          <button type="submit" class="secondary">恢复默认模板</button>
        </form>
      ) : null}
    </OfficeLayout>,
  );
}
