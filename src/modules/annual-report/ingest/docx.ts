import { load } from 'cheerio';
import JSZip from 'jszip';
import { UnreadableInput, type ExtractedDocument, type Line } from './document.ts';
import { Numbering, child, childElements, localName, val, type XmlNode } from './docx-numbering.ts';
import { DEFAULT_GRID_LIMITS, expandGrid, tidyText, type SpanCell } from './table-grid.ts';

/**
 * DOCX extraction: word/document.xml in body order, paragraphs as text lines (w:tab kept as a tab, w:br as a new
 * line) and tables as aligned rows, horizontal (w:gridSpan, legacy w:hMerge) and vertical (w:vMerge) merges
 * expanded with '' in every spanned slot, as the HTML extractor does.
 */

export const MAX_DOCX_BYTES = 50 * 1024 * 1024;
/** Uncompressed XML of one part; real reports have under 2 MB. Guards against ZIP bombs. */
const MAX_PART_BYTES = 40 * 1024 * 1024;
const MAX_DEPTH = 400;
const MAX_DOCUMENT_CELLS = 1_000_000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const hasMagic = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Content that is not body text: properties, deleted revisions, drawings and their text boxes, field codes. */
const SKIPPED = new Set([
  'pPr', 'rPr', 'tblPr', 'trPr', 'tcPr', 'tblGrid', 'sectPr', 'del', 'moveFrom', 'delText', 'instrText', 'delInstrText',
  'drawing', 'pict', 'object', 'AlternateContent', 'fldData', 'footnoteReference', 'endnoteReference', 'commentReference',
  'bookmarkStart', 'bookmarkEnd', 'proofErr', 'lastRenderedPageBreak', 'sdtPr', 'sdtEndPr', 'customXmlPr',
]);
/** Wrappers around paragraphs, tables, rows or cells whose content counts as if unwrapped. */
const WRAPPERS = new Set(['sdt', 'sdtContent', 'customXml', 'ins', 'moveTo', 'smartTag']);

function isVanished(run: XmlNode): boolean {
  const vanish = child(child(run, 'rPr'), 'vanish');
  return vanish !== undefined && !/^(0|false|off)$/.test(val(vanish) ?? '');
}

/** The text lines of a paragraph's text: tabs kept, everything else tidied, one line per w:br. */
function textLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.split('\t').map(tidyText).join('\t').replace(/^\t+|\t+$/g, ''))
    .filter((line) => line !== '');
}

class DocxWalker {
  readonly lines: Line[] = [];
  private tableCount = 0;
  private cellCount = 0;

  constructor(private readonly numbering: Numbering) {}

  /** Block-level content: body, a cell of a layout table, a content control. */
  blocks(node: XmlNode): void {
    for (const el of childElements(node)) {
      const name = localName(el);
      if (name === 'p') for (const text of textLines(this.paragraph(el))) this.lines.push({ kind: 'text', text });
      else if (name === 'tbl') this.table(el);
      else if (WRAPPERS.has(name) || name === 'tc' || name === 'tr') this.blocks(el);
    }
  }

  /** A paragraph's text with its list label: runs joined, w:tab → tab, w:br and w:cr → newline. */
  paragraph(p: XmlNode): string {
    let out = this.numbering.label(child(p, 'pPr'));
    const visit = (node: XmlNode): void => {
      for (const el of node.children ?? []) {
        if (el.type === 'text') {
          // Text nodes count only inside w:t (the XML between elements is formatting whitespace).
          if (localName(node) === 't') out += el.data ?? '';
          continue;
        }
        if (el.type !== 'tag') continue;
        const name = localName(el);
        if (SKIPPED.has(name) || (name === 'r' && isVanished(el))) continue;
        if (name === 'tab' || name === 'ptab') out += '\t';
        else if (name === 'br' || name === 'cr') out += '\n';
        else if (name === 'noBreakHyphen') out += '-';
        else visit(el);
      }
    };
    visit(p);
    return out;
  }

  private table(tbl: XmlNode): void {
    const rows = unwrap(tbl, 'tr').map((tr) => ({ tr, cells: unwrap(tr, 'tc') }));
    const layout = rows.every((r) => r.cells.length <= 1) || rows.some((r) => r.cells.some((tc) => containsTable(tc)));
    if (layout) {
      // A table used to lay out the page (a frame around the report, or a table holding the report tables):
      // its cells are read as body content, so nested report tables become tables of their own.
      for (const { cells } of rows) for (const tc of cells) this.blocks(tc);
      return;
    }
    const spanRows: SpanCell[][] = rows.map(({ tr, cells }) => {
      const trPr = child(tr, 'trPr');
      const before = Number(val(child(trPr, 'gridBefore')) ?? 0);
      const out: SpanCell[] = before > 0 ? [{ text: '', colSpan: before }] : [];
      for (const tc of cells) {
        const tcPr = child(tc, 'tcPr');
        const vMerge = child(tcPr, 'vMerge');
        const hMerge = child(tcPr, 'hMerge');
        const continued = (vMerge && val(vMerge) !== 'restart') || (hMerge && val(hMerge) !== 'restart');
        const text = continued ? '' : tidyText(unwrap(tc, 'p').map((p) => this.paragraph(p)).join('\n'));
        out.push({ text, colSpan: Number(val(child(tcPr, 'gridSpan')) ?? 1) });
      }
      return out;
    });
    const grid = expandGrid(spanRows, {
      ...DEFAULT_GRID_LIMITS,
      maxCells: Math.min(DEFAULT_GRID_LIMITS.maxCells, MAX_DOCUMENT_CELLS - this.cellCount),
    });
    this.cellCount += grid.reduce((n, row) => n + row.length, 0);
    const tableIndex = this.tableCount++;
    for (const row of grid) {
      if (row.some((cell) => cell !== '')) this.lines.push({ kind: 'row', cells: row, aligned: true, tableIndex });
    }
  }
}

/** Children named `local`, looking through content controls and custom XML wrapped around them. */
function unwrap(node: XmlNode, local: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const el of childElements(node)) {
    const name = localName(el);
    if (name === local) out.push(el);
    else if (WRAPPERS.has(name)) out.push(...unwrap(el, local));
  }
  return out;
}

function containsTable(node: XmlNode): boolean {
  return childElements(node).some((el) => localName(el) === 'tbl' || (!SKIPPED.has(localName(el)) && containsTable(el)));
}

/** Refuses trees deeper than MAX_DEPTH before the recursive walk; iterative, so any depth is safe here. */
function checkDepth(root: XmlNode): void {
  const stack: [XmlNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) throw new UnreadableInput('unreadable.tooLarge', `文档结构嵌套过深（超过 ${MAX_DEPTH} 层），无法读取`);
    for (const el of node.children ?? []) if (el.type === 'tag') stack.push([el, depth + 1]);
  }
}

function parseXml(xml: string): XmlNode {
  try {
    return load(xml, { xml: true }).root()[0] as unknown as XmlNode;
  } catch {
    throw new UnreadableInput('unreadable.corrupt', 'Word 文档内容已损坏，无法解析');
  }
}

/** A ZIP entry's text, inflated chunk by chunk and abandoned once it passes the limit (ZIP bombs). */
function readPart(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  if (!file) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: UnreadableInput): void => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    // ZipObject#internalStream is documented JSZip API but missing from its typings.
    const stream = (file as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        if (settled) return;
        size += chunk.length;
        if (size > MAX_PART_BYTES) {
          stream.pause();
          fail(new UnreadableInput('unreadable.tooLarge', 'Word 文档解压后过大，无法读取'));
        } else chunks.push(chunk);
      })
      .on('error', () => fail(new UnreadableInput('unreadable.corrupt', 'Word 文件已损坏，无法解压')))
      .on('end', () => {
        if (settled) return;
        settled = true;
        resolve(Buffer.concat(chunks).toString('utf8'));
      })
      .resume();
  });
}

async function openZip(bytes: Buffer): Promise<JSZip> {
  if (hasMagic(bytes, OLE_MAGIC)) {
    // Encrypted Office files are OLE containers holding an EncryptedPackage stream, whatever their extension.
    const encrypted = bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new UnreadableInput(
      'unreadable.format',
      encrypted ? '文件已加密（设置了打开密码），无法读取；请取消密码后重新上传' : '这是旧版 Word（.doc）文件，无法读取；请另存为 .docx 或 PDF 后再检查',
    );
  }
  if (!hasMagic(bytes, ZIP_MAGIC)) throw new UnreadableInput('unreadable.format', '不是有效的 Word（.docx）文件');
  try {
    return await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (error) {
    const encrypted = /encrypt/i.test((error as Error).message ?? '');
    throw new UnreadableInput(
      encrypted ? 'unreadable.format' : 'unreadable.corrupt',
      encrypted ? '压缩包已加密，无法读取；请取消密码后重新上传' : 'Word 文件已损坏，无法解压',
    );
  }
}

/** The main document part, from the package relationships (word/document.xml in every Word version). */
async function mainPart(zip: JSZip): Promise<string> {
  const rels = await readPart(zip, '_rels/.rels');
  const target = rels && /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"/.exec(rels)?.[1];
  const alt = rels && /<Relationship\b[^>]*Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rels)?.[1];
  const path = target ?? alt ?? 'word/document.xml';
  if (zip.file(path) && /\.xml$/i.test(path) && !/^(xl|ppt)\//.test(path)) return path;
  const what = zip.file('xl/workbook.xml') ? '（这是 Excel 表格）' : zip.file('ppt/presentation.xml') ? '（这是 PowerPoint 演示文稿）' : zip.file('content.xml') ? '（这是 OpenDocument 文档，请另存为 .docx）' : '';
  throw new UnreadableInput('unreadable.format', `压缩包中没有 Word 文档内容${what}，无法读取`);
}

/** A .docx report in, its text lines and table rows out. Throws only UnreadableInput. */
export async function extractDocx(bytes: Buffer): Promise<ExtractedDocument> {
  if (bytes.length > MAX_DOCX_BYTES) {
    throw new UnreadableInput('unreadable.tooLarge', `文件过大（${Math.round(bytes.length / 1048576)} MB），上限为 50 MB`);
  }
  const zip = await openZip(bytes);
  const path = await mainPart(zip);
  const xml = await readPart(zip, path);
  const root = parseXml(xml ?? '');
  checkDepth(root);
  const body = child(child(root, 'document'), 'body');
  if (!body) throw new UnreadableInput('unreadable.corrupt', 'Word 文档缺少正文部分，无法读取');
  const [numberingXml, stylesXml] = await Promise.all([readPart(zip, 'word/numbering.xml'), readPart(zip, 'word/styles.xml')]);
  const numbering = Numbering.read(numberingXml ? parseXml(numberingXml) : null, stylesXml ? parseXml(stylesXml) : null);
  const walker = new DocxWalker(numbering);
  try {
    walker.blocks(body);
  } catch (error) {
    if (error instanceof UnreadableInput) throw error;
    throw new UnreadableInput('unreadable.corrupt', 'Word 文档结构异常，无法读取');
  }
  if (walker.lines.length === 0) throw new UnreadableInput('unreadable.empty', 'Word 文档中没有文字或表格');
  return { kind: 'docx', lines: walker.lines, notes: [] };
}
