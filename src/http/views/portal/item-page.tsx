import type { CatalogueItemView } from '../../../modules/catalogue/use-cases/catalogue-views.ts';
import type { AttachmentRef } from '../../portal/catalogue-port.ts';
import { fileSizeLabel, fileTypeLabel } from '../attachment-format.ts';
import { chineseDate } from '../format.ts';
import { Layout, page } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { AgencyNav, agencyHref, type AgencyRef } from './agency-nav.tsx';

/** One published item with its catalogue metadata (Art. 12 and common practice) and attachments. */
export function itemPage(ctx: PageContext, agency: AgencyRef, item: CatalogueItemView, attachments: readonly AttachmentRef[]): string {
  const rows: Array<[string, string]> = [
    ['索引号', item.indexNumber],
    ['主题分类', `第二十条第（${item.category}）项 ${item.categoryLabel}`],
    ['发布机构', item.issuingBody ?? '—'],
    ['成文日期', chineseDate(item.writtenOn)],
    ['发布日期', chineseDate(item.publishedOn)],
    ['文号', item.docNumber ?? '—'],
    ['有效性', item.validityLabel ?? '—'],
  ];
  return page(
    <Layout title={`${item.title} — ${agency.name}`} page={ctx} subnav={<AgencyNav agency={agency} current="catalogue" />}>
      <h1>{item.title}</h1>
      <table class="meta" aria-label="信息索引">
        <tbody>
          {rows.map(([label, value]) => (
            <tr>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
          {item.summary ? (
            <tr>
              <th scope="row">内容概述</th>
              <td>{item.summary}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <article class="item-body">
        {item.body.split(/\n+/).map((p) => (p.trim() ? <p>{p}</p> : null))}
      </article>
      {attachments.length > 0 ? (
        <section aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">附件</h2>
          <ul class="attachments">
            {attachments.map((a) => (
              <li>
                <a href={agencyHref(agency, `/items/${item.id}/attachments/${a.id}`)} download={a.filename} aria-label={`下载附件：${a.filename}（${fileTypeLabel(a.mime)}，${fileSizeLabel(a.size)}）`}>
                  {a.filename}
                </a>{' '}
                <span class="muted">
                  （{fileTypeLabel(a.mime)}，{fileSizeLabel(a.size)}）
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a href={agencyHref(agency, '/catalogue')}>返回目录</a>
      </p>
    </Layout>,
  );
}
