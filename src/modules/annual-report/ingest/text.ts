import { parseCell } from '../domain/cell.ts';
import type { ExtractionNote } from '../domain/report.ts';
import type { ExtractedDocument, Line } from './document.ts';
import { isChrome, isPageNumber } from './page-chrome.ts';

/**
 * Plain text → Lines: tab-separated text pulled from PDFs (the seed), text saved by crawlers, text from
 * `pdftotext -layout`. Tab lines become rows (aligned:false); a line whose parts are separated by runs of two or
 * more spaces becomes a row when it clearly is one (numbers in it, or three or more short header words); page
 * numbers, page chrome and blank lines are dropped. Everything else is a text line.
 */
export function extractText(text: string): ExtractedDocument {
  const lines: Line[] = [];
  let dropped = 0;
  // Crawled pages often put every table cell on a line of its own: consecutive lines holding one value each are
  // the cells of one row.
  let cells: string[] = [];
  let merged = 0;
  const flush = () => {
    if (cells.length >= 2) {
      lines.push({ kind: 'row', cells, aligned: false });
      merged++;
    } else if (cells.length === 1) lines.push(toLine(cells[0]!));
    cells = [];
  };
  let kept = 0;
  for (const raw of splitLines(text)) {
    // Trailing tabs are empty cells of a row: keep them.
    const line = raw.replace(/[ \u3000\u00a0]+$/, '');
    if (line.trim() === '') continue;
    if (++kept > MAX_TEXT_LINES) break;
    if (line.length > MAX_ROW_LINE) {
      // Far longer than any table row: prose or garbage, kept as text without looking for cells.
      flush();
      lines.push({ kind: 'text', text: line.trim() });
      continue;
    }
    // NFKC alone (full-width digits and colons) is enough for page numbers and chrome, and far cheaper per line.
    const normalised = line.length <= 80 ? line.normalize('NFKC') : '';
    if (normalised && (isPageNumber(normalised) || isChrome(normalised))) {
      dropped++;
      continue;
    }
    if (!line.includes('\t') && isSingleValue(line.trim())) {
      cells.push(line.trim());
      continue;
    }
    flush();
    lines.push(toLine(line));
  }
  flush();
  const notes: ExtractionNote[] = [];
  if (kept > MAX_TEXT_LINES) notes.push(tooLong('文本'));
  if (dropped) notes.push({ kind: 'ignored', message: `略去页码和网页栏目等 ${dropped} 行` });
  if (merged) notes.push({ kind: 'guessed', message: `有 ${merged} 处连续几行各只有一个数字，按同一行的各栏读取` });
  return { kind: 'text', lines, notes };
}

const MAX_ROW_LINE = 5000;

/** Far more lines than any annual report (a few hundred to a few thousand): the rest is not read. */
export const MAX_TEXT_LINES = 20_000;

export function tooLong(what: string): ExtractionNote {
  return { kind: 'ignored', message: `${what}超过 ${MAX_TEXT_LINES} 行，远多于任何年度报告，只读前 ${MAX_TEXT_LINES} 行` };
}

/** One value and nothing else (12, 26158.97万元, 增加2个, /): a table cell on a line of its own. */
function isSingleValue(line: string): boolean {
  if (line.length > 16 || /\s{2,}/.test(line)) return false;
  if (/^[/／\-－—–]$/.test(line)) return true;
  return isValue(line);
}

export function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
}

function toLine(line: string): Line {
  if (line.includes('\t')) return { kind: 'row', cells: line.split('\t').map((c) => c.trim()), aligned: false };
  const spaced = spacedCells(line);
  if (spaced) return { kind: 'row', cells: spaced, aligned: false };
  return { kind: 'text', text: line.trim() };
}

/** "规章            1          0        11" → cells, when the line clearly is a table row. */
function spacedCells(line: string): string[] | null {
  const parts = line
    .replace(/\u3000/g, '  ')
    .trim()
    .split(/\s{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length < 2) return null;
  if (parts.some((p) => /[。；]$/.test(p))) return null;
  const values = parts.filter(isValue).length;
  if (values >= 1) return parts;
  if (parts.length >= 3 && parts.every((p) => p.length <= 15 && !/[，。]/.test(p))) return parts;
  return null;
}

function isValue(part: string): boolean {
  // Every value holds a digit; most parts of prose and garbage do not, and skip the parser.
  if (!/[\d０-９]/.test(part)) return false;
  return (['count', 'money', 'change'] as const).some((k) => {
    const kind = parseCell(part, k).kind;
    return kind === 'number' || kind === 'change';
  });
}
