import type { FieldIssue } from '../../errors/send-error.ts';
import { Layout, page } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

const TITLES: Record<number, string> = { 400: '请求有误', 403: '无法办理', 404: '页面不存在', 409: '无法办理', 429: '提交过于频繁', 500: '服务暂时不可用' };

/** A Chinese error page: what went wrong and where to go next; never a stack trace. */
export function errorPage(ctx: PageContext, status: number, message: string, issues: readonly FieldIssue[]): string {
  const title = TITLES[status] ?? (status >= 500 ? '服务暂时不可用' : '请求有误');
  return page(
    <Layout title={`${title} — 政府信息公开`} page={ctx}>
      <h1>{title}</h1>
      <div class="error-box" role="alert">
        <p>{message}</p>
        {issues.length > 1 ? (
          <ul>
            {issues.map((i) => (
              <li>{i.message}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <p>
        <a href="/">返回首页</a>
      </p>
    </Layout>,
  );
}
