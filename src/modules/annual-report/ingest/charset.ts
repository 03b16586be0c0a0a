import iconv from 'iconv-lite';

/**
 * Byte decoding for published reports. Chinese portals serve UTF-8 and GBK/GB2312 pages, declared or not (and
 * sometimes declared wrongly), so a declaration is only believed when the bytes agree with it.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | (string & {});

export interface DecodedText {
  readonly text: string;
  /** The encoding actually used. */
  readonly encoding: TextEncodingName;
  /** How it was chosen: a byte-order mark, the page's own declaration, or a guess from the bytes. */
  readonly source: 'bom' | 'declared' | 'detected';
  /** A declaration the bytes contradicted (e.g. a GBK page declaring utf-8), kept for an extraction note. */
  readonly ignoredDeclaration?: string;
}

/** How far into a page a <meta charset> is looked for (the HTML spec prescans 1024 bytes; portals put it later). */
const META_SCAN_BYTES = 8192;

function bomEncoding(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  // GB18030's own BOM (U+FEFF encoded in GB18030).
  if (bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) return { encoding: 'gb18030', length: 4 };
  return null;
}

const hasNonAscii = (text: string): boolean => /[^\t\n\r\u0020-\u007e]/.test(text);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** Maps a declared charset label to the decoder we use; GBK and GB2312 are subsets of GB18030. */
export function canonicalEncoding(label: string): TextEncodingName | null {
  const name = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(name)) return 'utf-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|ms936|windows-936|euc-cn|csgb2312|iso-ir-58|chinese|gb_2312-80)$/.test(name)) {
    return 'gb18030';
  }
  if (/^(utf-?16(le)?|unicode)$/.test(name)) return 'utf-16le';
  if (name === 'utf-16be') return 'utf-16be';
  if (/^(big5|big5-hkscs|cn-big5|x-x-big5)$/.test(name)) return 'big5';
  if (/^(iso-8859-1|latin1|us-ascii|ascii|windows-1252)$/.test(name)) return 'windows-1252';
  return iconv.encodingExists(name) ? name : null;
}

/** The charset an HTML page declares in <meta charset> or <meta http-equiv="Content-Type">, if any. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, META_SCAN_BYTES)).toString('latin1');
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = meta[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  // An XML declaration (XHTML pages, Word's "Web Page" export of some versions).
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return xml?.[1] ?? null;
}

/**
 * Decodes text with no declaration to go on: a BOM if present, else UTF-8 when the bytes are valid UTF-8, else
 * GB18030 (which also reads GBK and GB2312).
 */
export function decodeText(bytes: Uint8Array): string {
  return decodeDetected(bytes).text;
}

function decodeDetected(bytes: Uint8Array): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeWith(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding, source: 'bom' };
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', source: 'detected' };
  return { text: decodeWith('gb18030', bytes), encoding: 'gb18030', source: 'detected' };
}

/**
 * Decodes an HTML page: BOM, then the page's declaration, then detection. A declaration of UTF-8 on bytes that
 * are not UTF-8 (a GBK page with a copied template header) is overridden; a declared GBK page whose bytes are
 * pure ASCII reads the same either way.
 */
export function decodeHtml(bytes: Uint8Array): DecodedText {
  if (bomEncoding(bytes)) return decodeDetected(bytes);
  const declared = declaredHtmlCharset(bytes);
  const encoding = declared ? canonicalEncoding(declared) : null;
  if (!declared || !encoding) return decodeDetected(bytes);
  if (encoding === 'utf-8') {
    const utf8 = tryUtf8(bytes);
    if (utf8 !== null) return { text: utf8, encoding, source: 'declared' };
    return { ...decodeDetected(bytes), ignoredDeclaration: declared };
  }
  if (encoding === 'windows-1252') {
    // Latin-1 declarations on Chinese pages are template leftovers: a Latin page in UTF-8 would not declare it,
    // and Chinese text decoded as Latin-1 is mojibake. Believe the bytes when they are valid UTF-8 or GB18030.
    const detected = decodeDetected(bytes);
    return hasNonAscii(detected.text) ? { ...detected, ignoredDeclaration: declared } : detected;
  }
  if (encoding === 'gb18030') {
    // The reverse mistake: a UTF-8 page under a GB2312 template header. Chinese GBK text is almost never valid
    // UTF-8 by chance, so valid UTF-8 with non-ASCII characters wins.
    const utf8 = tryUtf8(bytes);
    if (utf8 !== null && hasNonAscii(utf8)) return { text: utf8, encoding: 'utf-8', source: 'detected', ignoredDeclaration: declared };
  }
  return { text: decodeWith(encoding, bytes), encoding, source: 'declared' };
}
