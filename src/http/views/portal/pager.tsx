/** Previous / next links that keep the page's other query parameters. */
export function Pager(props: { readonly base: string; readonly params: URLSearchParams; readonly page: number; readonly hasNext: boolean; readonly totalPages?: number }) {
  if (props.page <= 1 && !props.hasNext) return null;
  const href = (page: number) => {
    const p = new URLSearchParams(props.params);
    p.set('page', String(page));
    return `${props.base}?${p.toString()}`;
  };
  return (
    <nav class="pager" aria-label="分页">
      {props.page > 1 ? <a href={href(props.page - 1)} rel="prev">上一页</a> : null}
      <span>
        第 {props.page} 页{props.totalPages !== undefined ? ` / 共 ${props.totalPages} 页` : ''}
      </span>
      {props.hasNext ? <a href={href(props.page + 1)} rel="next">下一页</a> : null}
    </nav>
  );
}
