/** The edit form of one letter template: the text with its placeholders, the list of those allowed, reset to default. */
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
  /** the text sent back after a refusal */
  readonly body?: string;
  readonly errors?: FieldErrors;
}

export function letterTemplateEditPage(props: LetterTemplateEditPageProps): string {
  const t = props.template;
  const action = `/office/letters/templates/${t.kind}`;
  const errors = props.errors ?? {};
  return page(
    <OfficeLayout ctx={props.ctx} actor={props.actor} csrf={props.csrf} title={`编辑模板：${t.title}`} css="textarea#f-body { min-height: 24rem; width: 100%; }">
      <h1>编辑模板：{t.title}</h1>
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
          <button type="submit">保存模板</button>
        </p>
      </form>
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
