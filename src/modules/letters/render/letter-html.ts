/**
 * An issued letter as a self-contained HTML page for Chromium to print on A4 (公文 margins, title centred in a
 * 小标宋-like face, body in 仿宋, seal line and date right-aligned). Every text is escaped; nothing is fetched.
 */
import { BODY_FONTS, escapeHtml } from '../../annual-report/render/html.ts';
import { letterLayout } from '../domain/compose-letter.ts';

const TITLE_FONTS = `"方正小标宋简体", "华文中宋", "宋体", SimSun, "Noto Serif CJK SC", serif`;

const CSS = `
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
body { margin: 0; font-family: ${BODY_FONTS}; font-size: 16pt; line-height: 1.75; color: #000; }
h1 { font-family: ${TITLE_FONTS}; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 1em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.addressee { text-indent: 0; }
.signature { margin-top: 2em; text-align: right; }
.signature p { text-indent: 0; text-align: right; padding-right: 2em; }
`;

export function renderLetterHtml(letter: { readonly title: string; readonly body: string }): string {
  const layout = letterLayout(letter.body);
  const paragraphs = [
    ...(layout.addressee === null ? [] : [`<p class="addressee">${escapeHtml(layout.addressee)}</p>`]),
    ...layout.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
  ];
  const signature = layout.signature.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(letter.title)}</title><style>${CSS}</style></head>
<body><h1>${escapeHtml(letter.title)}</h1>
${paragraphs.join('\n')}
<div class="signature">${signature}</div>
</body></html>`;
}
