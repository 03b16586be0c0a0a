import type { SnippetPart } from '../../../modules/catalogue/domain/bigrams.ts';
import type { SearchPage } from '../../portal/catalogue-port.ts';
import { chineseDate } from '../format.ts';
import { Layout, page } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { AgencyNav, agencyHref, type AgencyRef } from './agency-nav.tsx';
import { Pager } from './pager.tsx';

function Parts(props: { readonly parts: readonly SnippetPart[] }) {
  return <>{props.parts.map((p) => (p.hit ? <mark>{p.text}</mark> : p.text))}</>;
}

export interface SearchProps {
  readonly ctx: PageContext;
  readonly agency: AgencyRef;
  readonly q: string;
  readonly result: SearchPage | null;
  readonly error?: string;
}

/** Full-text search of the published catalogue; two-character words such as 预算 work; matches are highlighted. */
export function searchPage(props: SearchProps): string {
  const { agency, q, result } = props;
  return page(
    <Layout title={`${q ? `${q} — ` : ''}检索 — ${agency.name}`} page={props.ctx} subnav={<AgencyNav agency={agency} current="search" />}>
      <h1>检索主动公开信息</h1>
      <form class="panel" method="get" action={agencyHref(agency, '/search')} role="search">
        <label for="q">搜索词</label>
        <p class="hint" id="q-hint">
          可输入两个字以上的词，如“预算”“采购”；多个词用空格分开
        </p>
        {props.error ? (
          <p class="field-error" id="q-error">
            错误：{props.error}
          </p>
        ) : null}
        <input
          id="q"
          name="q"
          type="search"
          value={q}
          maxLength={100}
          aria-describedby={props.error ? 'q-hint q-error' : 'q-hint'}
          aria-invalid={props.error ? 'true' : undefined}
        />{' '}
        <button type="submit">搜索</button>
      </form>
      {result ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">“{q}”的检索结果</h2>
          {result.hits.length === 0 ? (
            <p role="status">{result.page > 1 ? '没有更多结果。' : '没有找到相关信息，请换一个词试试。'}</p>
          ) : (
            <ol class="result-list" start={(result.page - 1) * 10 + 1}>
              {result.hits.map((h) => (
                <li>
                  <a href={agencyHref(agency, `/items/${h.item.id}`)}>
                    <Parts parts={h.titleParts} />
                  </a>
                  <p>
                    <Parts parts={h.snippet} />
                  </p>
                  <p class="meta-line">
                    {h.item.indexNumber} · {h.item.issuingBody ?? agency.name} · {chineseDate(h.item.publishedOn)}
                  </p>
                </li>
              ))}
            </ol>
          )}
          <Pager base={agencyHref(agency, '/search')} params={new URLSearchParams({ q })} page={result.page} hasNext={result.hasMore} />
        </section>
      ) : null}
    </Layout>,
  );
}
