import type { SourceKind } from './document.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = Buffer.from('%PDF-');
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[] | Buffer, at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

/** Legacy binary Word (.doc) and other OLE files: recognisable, but not a format we read. */
export function isOleDocument(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE);
}

/**
 * The kind of a report file, from its content first and its name only to break a tie: agencies publish
 * `.htm` files that are Word exports, `.txt` files that are HTML, PDFs without an extension.
 */
export function detectSourceKind(bytes: Uint8Array, filename = ''): SourceKind | null {
  // A PDF may carry a few bytes of junk before its header; the spec allows the header in the first 1024 bytes.
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.indexOf(PDF) >= 0) return 'pdf';
  if (startsWith(bytes, ZIP)) return zipKind(bytes, filename);
  if (isOleDocument(bytes)) return null;
  if (looksBinary(head)) return null;
  const text = head.toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart();
  if (/^[{[]/.test(text) && /\.json$/i.test(filename)) return 'json';
  if (/^\{\s*"schema"\s*:\s*"gongkai\.report/.test(text)) return 'json';
  if (/^<(!doctype|html|head|body|meta|div|table|p\b|\?xml)/i.test(text) || /<(table|tr|td|div|p)\b[^>]*>/i.test(head.toString('latin1'))) {
    return 'html';
  }
  if (/\.(html?|xhtml)$/i.test(filename)) return 'html';
  if (/\.json$/i.test(filename)) return 'json';
  const sample = Buffer.from(bytes.subarray(0, 65536)).toString('utf8');
  if (/^\s*\|.*\|\s*$/m.test(sample) && /^\s*\|?\s*:?-{3,}/m.test(sample)) return 'markdown';
  if (/^\s*\|.*\|.*\|\s*$/m.test(sample)) return 'markdown';
  return 'text';
}

function looksBinary(head: Buffer): boolean {
  let control = 0;
  for (const b of head) if (b === 0 || (b < 8 && b !== 0)) control++;
  return control > 0;
}

/** A DOCX and an XLSX are both ZIP files: tell them apart by the part names stored in the archive. */
function zipKind(bytes: Uint8Array, filename: string): SourceKind | null {
  const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (/\.docx$/i.test(filename)) return 'docx';
  if (/\.xlsx$/i.test(filename)) return 'xlsx';
  return null;
}
