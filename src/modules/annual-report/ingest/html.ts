import { load } from 'cheerio';
import type { ExtractionNote } from '../domain/report.ts';
import { decodeHtml } from './charset.ts';
import { UnreadableInput, type ExtractedDocument, type Line } from './document.ts';
import { DEFAULT_GRID_LIMITS, expandGrid, tidyText, type SpanCell } from './table-grid.ts';

/**
 * HTML extraction for reports published on agency portals: the page's prose as text lines and its tables as
 * aligned rows, in document order. Site chrome (scripts, styles, navigation, link lists) is dropped; tables pasted
 * from Word keep their merged cells as '' slots; a layout table that holds the report tables is looked through.
 */

export const MAX_HTML_BYTES = 50 * 1024 * 1024;
/** Deeper than any real page; deeper trees are refused rather than risking the stack. */
const MAX_DEPTH = 400;
/** Cells over all tables of one page (real reports: a few hundred). */
const MAX_DOCUMENT_CELLS = 1_000_000;
/**
 * Pages up to this size (decoded characters; real ones are under 2 MB) get the spec-exact parse5 tree builder,
 * which repairs misnested tables as browsers do. Larger ones get htmlparser2, seven times faster, so a 50 MB page
 * takes seconds rather than a minute.
 */
const EXACT_PARSE_CHARS = 8 * 1024 * 1024;
/** A cell longer than this holds an article, not a value: its table is for layout. */
const LAYOUT_CELL_CHARS = 800;

/** The structural part of a domhandler node that the walker needs (cheerio's parse5 tree). */
interface DomNode {
  readonly type: string;
  readonly name?: string;
  readonly data?: string;
  readonly attribs?: Readonly<Record<string, string>>;
  readonly children?: readonly DomNode[];
  readonly parent?: DomNode | null;
}

const SKIPPED = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'iframe', 'object', 'embed',
  'svg', 'math', 'canvas', 'form', 'select', 'option', 'button', 'input', 'textarea', 'audio', 'video', 'map', 'xml',
]);
const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'html', 'li', 'main', 'menu',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

interface Stats {
  /** Non-space characters of visible text inside. */
  text: number;
  /** Of those, characters inside <a href>. */
  linkText: number;
  containsTable: boolean;
}

const isElement = (node: DomNode): boolean => node.type === 'tag' || node.type === 'script' || node.type === 'style';
const nameOf = (node: DomNode): string => (node.name ?? '').toLowerCase();

function isHidden(node: DomNode): boolean {
  const attribs = node.attribs ?? {};
  if ('hidden' in attribs) return true;
  const style = (attribs.style ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('mso-hide:all') || style.includes('visibility:hidden');
}

const skipped = (node: DomNode): boolean => SKIPPED.has(nameOf(node)) || isHidden(node);

/**
 * One iterative pass (no recursion, so any depth is safe here) measuring each element: its text, its link text,
 * whether it holds a table. Refuses trees deeper than MAX_DEPTH, which the recursive walk below relies on.
 */
function measure(root: DomNode): Map<DomNode, Stats> {
  const stats = new Map<DomNode, Stats>();
  const stack: { node: DomNode; depth: number; done: boolean }[] = [{ node: root, depth: 0, done: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { node } = frame;
    if (!frame.done) {
      if (frame.depth > MAX_DEPTH) {
        throw new UnreadableInput('unreadable.tooLarge', `网页结构嵌套过深（超过 ${MAX_DEPTH} 层），无法读取`);
      }
      stack.push({ ...frame, done: true });
      for (const child of node.children ?? []) {
        if (isElement(child) && !skipped(child)) stack.push({ node: child, depth: frame.depth + 1, done: false });
      }
      continue;
    }
    const own: Stats = { text: 0, linkText: 0, containsTable: false };
    const isLink = nameOf(node) === 'a' && node.attribs?.href !== undefined;
    for (const child of node.children ?? []) {
      if (child.type === 'text') {
        const n = (child.data ?? '').replace(/\s+/g, '').length;
        own.text += n;
        if (isLink) own.linkText += n;
        continue;
      }
      const sub = stats.get(child);
      if (!sub) continue;
      own.text += sub.text;
      own.linkText += isLink ? sub.text : sub.linkText;
      own.containsTable ||= sub.containsTable || nameOf(child) === 'table';
    }
    stats.set(node, own);
  }
  return stats;
}

class HtmlWalker {
  readonly lines: Line[] = [];
  private buffer = '';
  private tableCount = 0;
  private cellCount = 0;

  constructor(private readonly stats: Map<DomNode, Stats>) {}

  walk(node: DomNode): void {
    for (const child of node.children ?? []) {
      if (child.type === 'text') {
        this.buffer += child.data ?? '';
        continue;
      }
      if (!isElement(child) || skipped(child)) continue;
      const name = nameOf(child);
      if (name === 'br') {
        this.flush();
        continue;
      }
      if (this.isLinkList(child)) continue;
      if (name === 'table') {
        this.flush();
        this.table(child);
        continue;
      }
      const block = BLOCKS.has(name);
      if (block) this.flush();
      this.walk(child);
      if (block) this.flush();
    }
  }

  flush(): void {
    const text = tidyText(this.buffer);
    this.buffer = '';
    if (text) this.lines.push({ kind: 'text', text });
  }

  /** Menus, breadcrumbs, "related reports" lists and share bars: blocks whose text is mostly links. */
  private isLinkList(node: DomNode): boolean {
    const s = this.stats.get(node);
    if (!s || s.containsTable || s.text === 0 || !BLOCKS.has(nameOf(node)) || nameOf(node) === 'body') return false;
    return s.linkText / s.text >= 0.5;
  }

  private table(node: DomNode): void {
    const rows = tableRows(node);
    const cells = rows.map((tr) => (tr.children ?? []).filter((c) => isElement(c) && /^t[dh]$/.test(nameOf(c)) && !isHidden(c)));
    const layout =
      this.stats.get(node)?.containsTable === true ||
      cells.every((row) => row.length <= 1) ||
      cells.some((row) => row.some((cell) => (this.stats.get(cell)?.text ?? 0) > LAYOUT_CELL_CHARS));
    if (layout) {
      // Look through a layout table: its cells are page regions; report tables inside it are found by the walk.
      this.walk(node);
      this.flush();
      return;
    }
    for (const caption of (node.children ?? []).filter((c) => nameOf(c) === 'caption')) {
      this.walk(caption);
      this.flush();
    }
    const spanRows: SpanCell[][] = cells.map((row) =>
      row.map((cell) => ({ text: cellText(cell), rowSpan: spanAttr(cell, 'rowspan'), colSpan: spanAttr(cell, 'colspan') })),
    );
    const grid = expandGrid(spanRows, {
      ...DEFAULT_GRID_LIMITS,
      maxCells: Math.min(DEFAULT_GRID_LIMITS.maxCells, MAX_DOCUMENT_CELLS - this.cellCount),
    });
    this.cellCount += grid.reduce((n, row) => n + row.length, 0);
    const tableIndex = this.tableCount++;
    for (const row of grid) {
      if (row.every((cell) => cell === '')) continue;
      this.lines.push({ kind: 'row', cells: row, aligned: true, tableIndex });
    }
  }
}

/** The rows of a table in source order (thead, tbody, tfoot as written), not those of tables nested in it. */
function tableRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const child of table.children ?? []) {
    const name = nameOf(child);
    if (name === 'tr' && !isHidden(child)) rows.push(child);
    else if (/^t(head|body|foot)$/.test(name) && !isHidden(child)) {
      for (const tr of child.children ?? []) if (nameOf(tr) === 'tr' && !isHidden(tr)) rows.push(tr);
    }
  }
  return rows;
}

function spanAttr(cell: DomNode, name: 'rowspan' | 'colspan'): number | undefined {
  const raw = cell.attribs?.[name];
  if (raw === undefined) return undefined;
  const n = Number.parseInt(raw, 10);
  return Number.isNaN(n) ? undefined : n;
}

/** A cell's text on one line: <br> and paragraphs inside a narrow label cell are only line wrapping. */
function cellText(cell: DomNode): string {
  const parts: string[] = [];
  const collect = (node: DomNode): void => {
    for (const child of node.children ?? []) {
      if (child.type === 'text') parts.push(child.data ?? '');
      else if (isElement(child) && !skipped(child)) {
        const name = nameOf(child);
        if (name === 'br' || BLOCKS.has(name)) parts.push('\n');
        collect(child);
        if (BLOCKS.has(name)) parts.push('\n');
      }
    }
  };
  collect(cell);
  return tidyText(parts.join(''));
}

/** A published HTML report page in, its text lines and table rows out. Throws only UnreadableInput. */
export function extractHtml(bytes: Buffer): ExtractedDocument {
  if (bytes.length > MAX_HTML_BYTES) {
    throw new UnreadableInput('unreadable.tooLarge', `网页文件过大（${Math.round(bytes.length / 1048576)} MB），上限为 50 MB`);
  }
  const decoded = decodeHtml(bytes);
  const notes: ExtractionNote[] = [];
  if (decoded.ignoredDeclaration) {
    notes.push({
      kind: 'guessed',
      message: `网页声明的字符编码（${decoded.ignoredDeclaration}）与内容不符，已按 ${decoded.encoding.toUpperCase()} 读取`,
    });
  }
  let root: DomNode;
  try {
    const $ =
      decoded.text.length <= EXACT_PARSE_CHARS ? load(decoded.text) : load(decoded.text, { xml: { xmlMode: false, decodeEntities: true } });
    root = $.root()[0] as unknown as DomNode;
  } catch {
    throw new UnreadableInput('unreadable.corrupt', '网页内容无法解析');
  }
  const walker = new HtmlWalker(measure(root));
  try {
    walker.walk(root);
    walker.flush();
  } catch (error) {
    if (error instanceof UnreadableInput) throw error;
    throw new UnreadableInput('unreadable.corrupt', '网页结构异常，无法读取');
  }
  if (walker.lines.length === 0) throw new UnreadableInput('unreadable.empty', '网页中没有可读取的文字或表格');
  return { kind: 'html', lines: walker.lines, notes };
}
