import { normaliseText } from '../domain/labels.ts';
import type { ExtractedDocument, Line } from './document.ts';
import { isChrome, isPageNumber } from './page-chrome.ts';
import type { ExtractionNote } from '../domain/report.ts';
import { MAX_TEXT_LINES, splitLines, tooLong } from './text.ts';

/**
 * Markdown from PDF converters and OCR → Lines. Pipe-table lines become rows (aligned:false: converters lose and
 * add cells); separator lines (|---|) and generic headers of tables cut into pieces (数据1 … 数据6, 列1, Column1)
 * are dropped; headings and emphasis lose their marks; page numbers and chrome go as in plain text.
 */
export function extractMarkdown(text: string): ExtractedDocument {
  const lines: Line[] = [];
  let dropped = 0;
  let kept = 0;
  for (const raw of splitLines(text)) {
    const line = raw.trim();
    if (!line) continue;
    if (++kept > MAX_TEXT_LINES) break;
    if (isPipeRow(line)) {
      const cells = pipeCells(line);
      if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) continue;
      if (cells.every((c) => c === '' || isGenericHeader(c))) {
        dropped++;
        continue;
      }
      lines.push({ kind: 'row', cells, aligned: false });
      continue;
    }
    if (isPageNumber(normaliseText(line))) {
      dropped++;
      continue;
    }
    const plain = stripInline(line.replace(/^#{1,6}\s+/, '').replace(/^>\s?/, '').replace(/^[-*+]\s+(?=\S)/, ''));
    if (!plain) continue;
    const n = normaliseText(plain);
    if (isPageNumber(n) || isChrome(n)) {
      dropped++;
      continue;
    }
    lines.push({ kind: 'text', text: plain });
  }
  const notes: ExtractionNote[] = dropped ? [{ kind: 'ignored', message: `略去页码、网页栏目和通用表头等 ${dropped} 行` }] : [];
  if (kept > MAX_TEXT_LINES) notes.push(tooLong('文本'));
  return { kind: 'markdown', lines, notes };
}

export function isPipeRow(line: string): boolean {
  const t = line.trim();
  return t.startsWith('|') && t.indexOf('|', 1) > 0;
}

function pipeCells(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((c) => stripInline(c.replace(/\\\|/g, '|')));
}

function stripInline(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)\*(\S)/g, '$1$2')
    .trim();
}

function isGenericHeader(cell: string): boolean {
  return /^(数据|列|字段|Column|Col|col|column)\s*\d+$/.test(cell) || /^(序号|项目)$/.test(cell);
}
