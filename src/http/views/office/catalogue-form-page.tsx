/**
 * The form of a catalogue item, new or edited (a draft, or one in review): the Art. 12 catalogue data — title,
 * 内容概述, Art. 20 category, issuing body, 成文日期, 文号, validity — and the body. Errors sit beside their field.
 */
import { ARTICLE_20_CATEGORIES, VALIDITIES, VALIDITY_LABELS } from '../../../modules/catalogue/domain/categories.ts';
import type { CatalogueItemView } from '../../../modules/catalogue/use-cases/catalogue-views.ts';
import { page } from '../layout.tsx';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField, type FieldErrors, type FieldValues } from '../portal/fields.tsx';
import type { AgencyChoice } from './dashboard-page.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';

export const CATALOGUE_FIELD_LABELS: Readonly<Record<string, string>> = {
  agencyId: '机关',
  title: '标题',
  summary: '内容概述',
  body: '正文',
  category: '信息类别',
  issuingBody: '发布机构',
  writtenOn: '成文日期',
  docNumber: '文号',
  validity: '有效性',
};

/** The form's fields filled from a stored item (for editing). */
export function itemFormValues(item: CatalogueItemView): Record<string, string> {
  return {
    title: item.title,
    summary: item.summary ?? '',
    body: item.body,
    category: String(item.category),
    issuingBody: item.issuingBody ?? '',
    writtenOn: item.writtenOn ?? '',
    docNumber: item.docNumber ?? '',
    validity: item.validity ?? '',
  };
}

export interface CatalogueFormProps extends OfficeFrame {
  /** a new item: the agencies the actor may enter items for; an edit: the item's id and index number */
  readonly target: { readonly kind: 'new'; readonly agencies: readonly AgencyChoice[] } | { readonly kind: 'edit'; readonly itemId: number; readonly indexNumber: string };
  readonly values: FieldValues;
  readonly errors?: FieldErrors;
  readonly message?: string;
}

export function catalogueFormPage(props: CatalogueFormProps): string {
  const f = { values: props.values, errors: props.errors ?? {} };
  const t = props.target;
  const heading = t.kind === 'new' ? '新建主动公开目录条目' : `修改目录条目 ${t.indexNumber}`;
  const action = t.kind === 'new' ? '/office/catalogue/new' : `/office/catalogue/items/${t.itemId}/edit`;
  return page(
    <OfficeLayout ctx={props.ctx} actor={props.actor} csrf={props.csrf} title={heading}>
      <h1>{heading}</h1>
      <p class="muted">
        {t.kind === 'new' ? '保存后为草稿，系统分配索引号；提交审核后由审核人发布。' : '草稿或待审核的条目可以修改；已发布的条目只能变更有效性。'}
        依照《条例》第二十六条，应自信息形成（成文日期）之日起20个工作日内公开。
      </p>
      <ErrorSummary errors={f.errors} labels={CATALOGUE_FIELD_LABELS} {...(props.message ? { message: props.message } : {})} />
      <form class="panel" method="post" action={action} novalidate>
        <CsrfField token={props.csrf} />
        {t.kind === 'new' ? (
          <SelectField name="agencyId" label="机关" required options={t.agencies.map((a) => [String(a.id), a.name] as const)} {...f} />
        ) : null}
        <TextField name="title" label="标题" required maxLength={500} {...f} />
        <SelectField
          name="category"
          label="信息类别（《条例》第二十条）"
          required
          placeholder="请选择"
          options={ARTICLE_20_CATEGORIES.map((c) => [String(c.id), `第${c.id}项 ${c.label}`] as const)}
          {...f}
        />
        <TextField name="issuingBody" label="发布机构" maxLength={200} {...f} />
        <TextField name="writtenOn" label="成文日期" hint="年-月-日，例如 2025-03-03；不填则以录入之日计算公开时限" {...f} />
        <TextField name="docNumber" label="文号" maxLength={200} hint="例如 示财〔2025〕3号" {...f} />
        <SelectField name="validity" label="有效性" placeholder="未标注" options={VALIDITIES.map((v) => [v, VALIDITY_LABELS[v]] as const)} {...f} />
        <TextArea name="summary" label="内容概述" maxLength={2000} {...f} />
        <TextArea name="body" label="正文" required {...f} />
        <p>
          <button type="submit">{t.kind === 'new' ? '保存草稿' : '保存修改'}</button>{' '}
          <a href={t.kind === 'new' ? '/office/catalogue' : `/office/catalogue/items/${t.itemId}`}>取消</a>
        </p>
      </form>
    </OfficeLayout>,
  );
}
