/**
 * One catalogue item in the back office: its Art. 12 catalogue data with the index number, the Art. 26 timeliness,
 * and the steps the actor may take now — edit and submit (clerk), return with a reason or publish (reviewer),
 * change the validity of a published item.
 */
import { VALIDITIES, VALIDITY_LABELS } from '../../../modules/catalogue/domain/categories.ts';
import type { CatalogueItemView } from '../../../modules/catalogue/use-cases/catalogue-views.ts';
import { chineseDate } from '../format.ts';
import { page } from '../layout.tsx';
import { AttachmentsSection, type AttachmentsSectionProps } from './attachments-section.tsx';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField, type FieldErrors, type FieldValues } from '../portal/fields.tsx';
import { TimelinessBox, type TimelinessNote } from './catalogue-timeliness.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';

export const ITEM_STEPS = ['submit', 'return', 'publish', 'validity'] as const;
export type ItemStep = (typeof ITEM_STEPS)[number];

export const ITEM_DONE_LABELS: Readonly<Record<string, string>> = {
  created: '已保存为草稿',
  updated: '已保存修改',
  submit: '已提交审核',
  return: '已退回修改',
  publish: '已发布',
  validity: '已变更有效性',
};

const STEP_FIELD_LABELS: Readonly<Record<string, string>> = { reason: '退回理由', on: '发布日期', validity: '有效性' };

export interface ItemFeedback {
  readonly step: ItemStep;
  readonly values: FieldValues;
  readonly errors: FieldErrors;
  readonly message?: string;
}

export interface CatalogueItemPageProps extends OfficeFrame {
  readonly item: CatalogueItemView;
  readonly note: TimelinessNote;
  readonly agencyName: string;
  /** the portal page of a published item */
  readonly portalHref: string | null;
  readonly mayEdit: boolean;
  readonly mayPublish: boolean;
  readonly today: string;
  readonly done?: string;
  readonly feedback?: ItemFeedback;
  /** the item's attachments and, for who may add one, the upload form */
  readonly attachments?: AttachmentsSectionProps;
}

function StepForm(props: { readonly itemId: number; readonly step: ItemStep; readonly csrf: string; readonly legend: string; readonly button: string; readonly children?: preact.ComponentChildren }) {
  return (
    <form class="panel" method="post" action={`/office/catalogue/items/${props.itemId}/${props.step}`} novalidate>
      <CsrfField token={props.csrf} />
      <fieldset>
        <legend>{props.legend}</legend>
        {props.children}
        <p>
          <button type="submit">{props.button}</button>
        </p>
      </fieldset>
    </form>
  );
}

export function catalogueItemPage(props: CatalogueItemPageProps): string {
  const { item, feedback: fb } = props;
  const f = (step: ItemStep, defaults: FieldValues = {}) => ({
    values: fb?.step === step ? fb.values : defaults,
    errors: fb?.step === step ? fb.errors : {},
  });
  const editable = item.state === 'draft' || item.state === 'review';
  return page(
    <OfficeLayout ctx={props.ctx} actor={props.actor} csrf={props.csrf} title={item.title} css=".body-text { white-space:pre-wrap; }">
      <p>
        <a href={`/office/catalogue?agency=${item.agencyId}`}>← {props.agencyName}的主动公开目录</a>
      </p>
      <h1>{item.title}</h1>
      {props.done ? (
        <div class="success-box" role="status">
          <p>{props.done}</p>
        </div>
      ) : null}
      {fb ? <ErrorSummary errors={fb.errors} labels={STEP_FIELD_LABELS} {...(fb.message ? { message: fb.message } : {})} /> : null}
      <TimelinessBox note={props.note} writtenOn={item.writtenOn} />
      <table class="meta">
        <tbody>
          <tr>
            <th scope="row">索引号</th>
            <td>{item.indexNumber}</td>
          </tr>
          <tr>
            <th scope="row">状态</th>
            <td>{item.stateLabel}</td>
          </tr>
          <tr>
            <th scope="row">信息类别</th>
            <td>
              第二十条第{item.category}项 {item.categoryLabel}
            </td>
          </tr>
          <tr>
            <th scope="row">发布机构</th>
            <td>{item.issuingBody ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">成文日期</th>
            <td>{chineseDate(item.writtenOn)}</td>
          </tr>
          <tr>
            <th scope="row">文号</th>
            <td>{item.docNumber ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">有效性</th>
            <td>{item.validityLabel ?? '未标注'}</td>
          </tr>
          <tr>
            <th scope="row">发布日期</th>
            <td>{chineseDate(item.publishedOn)}</td>
          </tr>
        </tbody>
      </table>
      {props.portalHref ? (
        <p>
          <a href={props.portalHref}>在门户网站查看</a>
        </p>
      ) : null}
      {item.summary ? (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">内容概述</h2>
          <p>{item.summary}</p>
        </section>
      ) : null}
      <section aria-labelledby="body-heading">
        <h2 id="body-heading">正文</h2>
        <div class="body-text">
          {item.body}
        </div>
      </section>
      {props.attachments ? <AttachmentsSection {...props.attachments} csrf={props.csrf} /> : null}
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">办理</h2>
        <div class="steps">
          {props.mayEdit && editable ? (
            <p>
              <a href={`/office/catalogue/items/${item.id}/edit`}>修改条目</a>
            </p>
          ) : null}
          {props.mayEdit && item.state === 'draft' ? <StepForm itemId={item.id} step="submit" csrf={props.csrf} legend="提交审核" button="提交审核" /> : null}
          {props.mayPublish && item.state === 'review' ? (
            <>
              <StepForm itemId={item.id} step="publish" csrf={props.csrf} legend="审核通过并发布" button="发布">
                <TextField name="on" label="发布日期" required hint="年-月-日，不得晚于今天" {...f('publish', { on: props.today })} />
              </StepForm>
              <StepForm itemId={item.id} step="return" csrf={props.csrf} legend="退回修改" button="退回修改">
                <TextArea name="reason" label="退回理由" required maxLength={500} {...f('return')} />
              </StepForm>
            </>
          ) : null}
          {props.mayEdit && item.state === 'published' ? (
            <StepForm itemId={item.id} step="validity" csrf={props.csrf} legend="变更有效性" button="变更有效性">
              <SelectField name="validity" label="有效性" required options={VALIDITIES.map((v) => [v, VALIDITY_LABELS[v]] as const)} {...f('validity', { validity: item.validity ?? 'valid' })} />
            </StepForm>
          ) : null}
        </div>
      </section>
    </OfficeLayout>,
  );
}
