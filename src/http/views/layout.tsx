import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { DEFAULT_PAGE_CONTEXT, textToggleHref, type PageContext } from './page-context.ts';
import { SITE_CSS_PATH } from './site-css.ts';

export interface LayoutProps {
  readonly title: string;
  readonly children: ComponentChildren;
  readonly page?: PageContext;
  /** A second navigation bar (an agency's disclosure site). */
  readonly subnav?: ComponentChildren;
  /** Extra CSS for this page (e.g. an embedded annual report's tables). */
  readonly css?: string;
}

/**
 * The frame of every page: language, skip link, site header with the larger-text switch (a plain link, so it works
 * without JavaScript), main landmark, footer. Everything is served from this server.
 */
export function Layout(props: LayoutProps) {
  const ctx = props.page ?? DEFAULT_PAGE_CONTEXT;
  return (
    <html lang="zh-CN" class={ctx.largeText ? 'large' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="stylesheet" href={SITE_CSS_PATH} />
        {props.css ? <style dangerouslySetInnerHTML={{ __html: props.css }} /> : null}
      </head>
      <body>
        <a class="skip" href="#main">
          跳到正文
        </a>
        <header class="site">
          <div class="bar">
            <a class="brand" href="/">
              政府信息公开
            </a>
            <nav aria-label="网站导航">
              <ul>
                <li>
                  <a href="/">机关目录</a>
                </li>
                <li>
                  <a href="/status">申请进度查询</a>
                </li>
                <li>
                  <a href="/checker">年度报告检查</a>
                </li>
                <li>
                  <a href={textToggleHref(ctx)}>{ctx.largeText ? '标准字号' : '大字号'}</a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        {props.subnav}
        <main id="main" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site">
          <div>依据《中华人民共和国政府信息公开条例》建设 · gongkai 开源平台 · <a href="/api/openapi.json">开放接口说明</a></div>
        </footer>
      </body>
    </html>
  );
}

/**
 * A wide table that scrolls sideways on a narrow screen. The scrolling box takes the keyboard focus (WCAG 2.1.1:
 * arrow keys scroll it) and is a named region, so the focus stop is announced with a name.
 */
export function TableScroll(props: { readonly label: string; readonly children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}

/** Renders a page; text is escaped by preact-render-to-string. */
export function page(node: preact.VNode): string {
  return '<!doctype html>' + render(node);
}
