import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';

const CSS = `
:root { --ink:#1f2328; --muted:#57606a; --accent:#b3261e; --line:#d0d7de; --bg:#fff; }
* { box-sizing: border-box; }
body { margin:0; font: 16px/1.7 "Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif; color:var(--ink); background:var(--bg); }
header.site { background:#b3261e; color:#fff; padding:.8rem 1.2rem; }
header.site a { color:#fff; text-decoration:none; font-weight:bold; font-size:1.2rem; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
a { color:#0b57d0; }
.notice { border-left: 4px solid var(--accent); background:#fff4f2; padding:.6rem 1rem; }
form.upload { border:1px solid var(--line); padding:1rem; border-radius:6px; }
label { display:block; font-weight:bold; margin:.4rem 0; }
button { font-size:1rem; padding:.5rem 1.4rem; background:#b3261e; color:#fff; border:0; border-radius:4px; cursor:pointer; }
button:focus, a:focus, input:focus { outline: 3px solid #f0a000; outline-offset: 2px; }
.finding { margin:.3rem 0; padding:.4rem .7rem; border-radius:4px; }
.finding.error { background:#ffebe9; } .finding.warning { background:#fff8c5; } .finding.notice { background:#ddf4ff; }
.error-box { background:#ffebe9; border:1px solid #ff8182; padding:.6rem 1rem; border-radius:4px; }
table { border-collapse: collapse; }
`;

export function Layout(props: { title: string; children: ComponentChildren }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <header class="site">
          <a href="/">gongkai 政府信息公开</a>
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

/** Renders a page; text is escaped by preact-render-to-string. */
export function page(node: preact.VNode): string {
  return '<!doctype html>' + render(node);
}
