import type { FixtureTable } from './report-tables.ts';

/**
 * Markup shaped like real agency portal pages: tables pasted from Word (MsoNormal paragraphs, a styled <span> in
 * every cell, <o:p>, hundreds of characters of mso- styling per cell, source lines wrapped inside words) inside a
 * large page of site chrome.
 */

export type BlankStyle = 'nbsp' | 'empty' | 'space';

const TD_STYLE =
  "width:42.55pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;" +
  'mso-border-top-alt:solid windowtext .5pt;mso-border-left-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;' +
  'background:white;padding:0cm 5.4pt 0cm 5.4pt;height:15.75pt';
const SPAN_STYLE =
  'font-size:10.0pt;font-family:宋体;mso-ascii-font-family:"Times New Roman";mso-hansi-font-family:"Times New Roman";' +
  'mso-bidi-font-family:宋体;color:#333333;mso-font-kerning:0pt';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Word's HTML export breaks source lines every ~16 CJK characters, mid-word. */
function wordWrap(text: string): string {
  return escape(text).replace(/(.{16})(?=.)/gu, '$1\r\n  ');
}

function cellBody(text: string, blank: BlankStyle): string {
  if (text !== '') {
    return `<p class=MsoNormal align=center style='text-align:center;mso-pagination:widow-orphan'><span style='${SPAN_STYLE}'>${wordWrap(text)}<span lang=EN-US><o:p></o:p></span></span></p>`;
  }
  if (blank === 'empty') return '';
  const inner = blank === 'nbsp' ? '&nbsp;' : ' ';
  return `<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='${SPAN_STYLE}'>${inner}<o:p></o:p></span></p>`;
}

/** A table as Word pastes it into a portal editor. */
export function wordPasteTable(table: FixtureTable, blank: BlankStyle = 'nbsp'): string {
  const rows = table.map((row, r) => {
    const cells = row.map((c) => {
      const spans = `${c.rowSpan ? ` rowspan=${c.rowSpan}` : ''}${c.colSpan ? ` colspan=${c.colSpan}` : ''}`;
      return `<td width=57${spans} style='${TD_STYLE}'>${cellBody(c.text, blank)}</td>`;
    });
    return `<tr style='mso-yfti-irow:${r};height:15.75pt'>\n ${cells.join('\n ')}\n</tr>`;
  });
  // Word closes a pasted table with a hidden row fixing the column widths.
  const widths = `<![if !supportMisalignedColumns]><tr height=0 style='display:none'>${'<td width=57 style="border:none"></td>'.repeat(10)}</tr><![endif]>`;
  return `<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 width=600 style='border-collapse:collapse;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n<tbody>${rows.join('\n')}${widths}</tbody></table>`;
}

/** A Word-paste paragraph (headings and prose in the body). */
export function wordParagraph(text: string): string {
  return `<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly'><span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>${wordWrap(text)}<span lang=EN-US><o:p></o:p></span></span></p>`;
}

/** Site chrome of roughly `chars` characters: scripts, styles, menus, breadcrumbs, a related-reports list. */
function chrome(chars: number): { before: string; after: string } {
  const menu = Array.from({ length: 40 }, (_, i) => `<li><a href="/col/col${i}/index.html" target="_blank">政务公开栏目${i}</a></li>`).join('');
  const related = [2018, 2019, 2020]
    .map((y) => `<li><a href="/art/${y}/3/31/art_${y}.html">某市人民政府办公室${y}年政府信息公开工作年度报告</a><span>${y}-03-31</span></li>`)
    .join('');
  const script = `<script type="text/javascript">var _hmt = _hmt || []; (function(){ var s = "<table><tr><td>不是表格</td></tr></table>"; ${'/* tracking */ '.repeat(40)} })();</script>`;
  const style = `<style>.nav li{float:left;} td{font-size:14px} ${'.x{color:#333}'.repeat(40)}</style>`;
  let filler = '';
  while (filler.length < chars) filler += `${script}${style}<ul class="nav">${menu}</ul>`;
  return {
    before: `<div class="top"><nav><a href="/">首页</a></nav>${filler}<div class="crumb"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/ndbg/">政府信息公开年报</a></div></div>`,
    after: `<div class="side"><h3>相关阅读</h3><ul>${related}</ul></div><footer>主办：某市人民政府办公室 地址：某市某路1号 <a href="#">网站地图</a></footer>${script}`,
  };
}

/** A whole portal page around a report body. `charset` adds the declaration a page may or may not carry. */
export function portalPage(body: string, opts: { charset?: 'utf-8' | 'gb2312' | 'http-equiv-gbk'; chromeChars?: number } = {}): string {
  const meta =
    opts.charset === 'utf-8'
      ? '<meta charset="utf-8">'
      : opts.charset === 'gb2312'
        ? '<meta charset="gb2312">'
        : opts.charset === 'http-equiv-gbk'
          ? '<meta http-equiv="Content-Type" content="text/html; charset=GBK">'
          : '';
  const { before, after } = chrome(opts.chromeChars ?? 2000);
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>${meta}<title>某市人民政府办公室2021年政府信息公开工作年度报告_某市人民政府</title>
<link rel="stylesheet" href="/css/main.css"></head><body>${before}
<div class="article" id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">${body}<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></div>
<div class="tools">【字体：<a href="javascript:doZoom(20)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】 <a href="javascript:window.print()">打印本页</a></div>
${after}</body></html>`;
}
