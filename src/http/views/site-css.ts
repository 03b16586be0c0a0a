import { createHash } from 'node:crypto';

/**
 * The site's one stylesheet, served by this server at SITE_CSS_PATH (assets.routes.ts) and linked from every page,
 * so a browser fetches it once (no asset from outside the server). Colours meet WCAG 2.1 AA:
 * body text #1f2328 and links #0b57d0 on white are above 4.5:1; white on the header red #a61d17 is 6.9:1. Sizes are
 * in rem so the larger-text switch (html.large) scales everything.
 */
export const SITE_CSS = `
:root { --ink:#1f2328; --muted:#57606a; --accent:#a61d17; --line:#d0d7de; --bg:#fff; --soft:#f6f8fa; --link:#0b57d0; }
* { box-sizing: border-box; }
html { font-size: 100%; }
html.large { font-size: 125%; }
body { margin:0; overflow-wrap:break-word; font: 1rem/1.7 "Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif; color:var(--ink); background:var(--bg); }
a { color:var(--link); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible, a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus {
  outline: 3px solid #ffbf47; outline-offset: 0; box-shadow: 0 0 0 5px #1f2328; }
.skip { position:absolute; left:-999px; top:0; background:#ffbf47; color:#1f2328; padding:.5rem 1rem; z-index:10; font-weight:bold; }
.skip:focus { left: .5rem; top: .5rem; }
header.site { background:var(--accent); color:#fff; }
header.site .bar { max-width:1100px; margin:0 auto; padding:.6rem 1.2rem; display:flex; flex-wrap:wrap; gap:.4rem 1.2rem; align-items:center; }
header.site a { color:#fff; }
header.site .brand { font-weight:bold; font-size:1.2rem; text-decoration:none; margin-right:auto; }
header.site nav ul { list-style:none; margin:0; padding:0; display:flex; flex-wrap:wrap; gap:.2rem 1rem; }
nav.agency { background:var(--soft); border-bottom:1px solid var(--line); }
nav.agency ul { max-width:1100px; margin:0 auto; padding:.4rem 1.2rem; list-style:none; display:flex; flex-wrap:wrap; gap:.2rem 1.2rem; }
nav.agency a[aria-current="page"] { font-weight:bold; color:var(--ink); }
main { max-width:1100px; margin:0 auto; padding:1rem 1.2rem 3rem; }
footer.site { border-top:1px solid var(--line); color:var(--muted); font-size:.9rem; }
footer.site div { max-width:1100px; margin:0 auto; padding:1rem 1.2rem; }
h1 { font-size:1.6rem; line-height:1.3; margin:.6rem 0 1rem; }
h2 { font-size:1.25rem; margin:1.6rem 0 .6rem; }
.muted { color:var(--muted); }
.nowrap { white-space:nowrap; }
.item-body { margin-top:1.2rem; }
.notice { border-left:4px solid var(--accent); background:#fff4f2; padding:.6rem 1rem; }
.card-list { list-style:none; padding:0; display:grid; grid-template-columns:repeat(auto-fill,minmax(min(16rem,100%),1fr)); gap:.8rem; }
.card-list li { border:1px solid var(--line); border-radius:6px; padding:.8rem 1rem; }
.card-list .sub { color:var(--muted); font-size:.9rem; display:block; }
form.upload, form.panel { border:1px solid var(--line); padding:1rem; border-radius:6px; }
fieldset { border:1px solid var(--line); border-radius:6px; margin:0 0 1rem; padding:.6rem 1rem 1rem; }
legend { font-weight:bold; padding:0 .3rem; }
label { display:block; font-weight:bold; margin:.6rem 0 .2rem; }
label.inline { display:inline; font-weight:normal; margin:0 1rem 0 .3rem; }
.hint { color:var(--muted); font-size:.9rem; margin:0 0 .2rem; }
input[type=text], input[type=search], input[type=tel], input[type=email], select, textarea {
  width:100%; max-width:36rem; font:inherit; padding:.45rem .6rem; border:2px solid #6e7781; border-radius:4px; background:#fff; color:var(--ink); }
textarea { min-height:8rem; }
.field-error { color:#a40e26; font-weight:bold; margin:.2rem 0; }
.has-error input, .has-error select, .has-error textarea { border-color:#a40e26; }
button, .button { display:inline-block; font:inherit; font-weight:bold; padding:.5rem 1.4rem; background:var(--accent); color:#fff; border:0; border-radius:4px; cursor:pointer; text-decoration:none; }
button.secondary { background:#fff; color:var(--accent); border:2px solid var(--accent); }
.error-box { background:#ffebe9; border:1px solid #cf222e; padding:.6rem 1rem; border-radius:4px; }
.error-box ul { margin:.3rem 0 0; }
.success-box { background:#dafbe1; border:1px solid #1a7f37; padding:.8rem 1rem; border-radius:4px; }
.secret { font:bold 1.3rem/1.4 ui-monospace,"Noto Sans Mono CJK SC",monospace; letter-spacing:.08em; background:#fff; padding:.2rem .5rem; border:1px dashed var(--ink); }
table { border-collapse:collapse; }
table.meta { width:100%; max-width:52rem; }
table.meta th, table.meta td, table.list th, table.list td { border:1px solid var(--line); padding:.4rem .6rem; text-align:left; vertical-align:top; }
table.meta th, table.list th { background:var(--soft); white-space:nowrap; }
table.list { width:100%; }
.table-scroll { overflow-x:auto; }
.filters { display:flex; flex-wrap:wrap; gap:.4rem 1rem; align-items:flex-end; }
.filters label { margin:.2rem 0; }
.filters > * { min-width:0; max-width:100%; }
.filters select, .filters input { width:auto; min-width:8rem; max-width:100%; }
.pager { display:flex; gap:1rem; align-items:center; margin:1rem 0; }
mark { background:#fff3a3; color:inherit; padding:0 .1em; }
.result-list { list-style:none; padding:0; }
.result-list li { border-bottom:1px solid var(--line); padding:.7rem 0; }
.result-list .meta-line { color:var(--muted); font-size:.9rem; }
.columns { list-style:none; padding:0; display:grid; grid-template-columns:repeat(auto-fill,minmax(min(20rem,100%),1fr)); gap:.3rem 1.2rem; }
.finding { margin:.3rem 0; padding:.4rem .7rem; border-radius:4px; }
.finding.error { background:#ffebe9; } .finding.warning { background:#fff8c5; } .finding.notice { background:#ddf4ff; }
@media (max-width: 640px) {
  main { padding:.8rem .8rem 2rem; }
  h1 { font-size:1.35rem; }
  table.meta th { width:1%; }
  table.meta td { overflow-wrap:anywhere; }
}
`;

/** The stylesheet's URL: its content hash in the query, so a new version is a new URL and the old one is cached for good. */
export const SITE_CSS_PATH = `/assets/site.css?v=${createHash('sha256').update(SITE_CSS).digest('hex').slice(0, 12)}`;
