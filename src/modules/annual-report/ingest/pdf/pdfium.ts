import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PDFiumModule } from '@hyzyla/pdfium';
import { UnreadableInput } from '../document.ts';

/** One printed character with its box in page space, y measured downwards from the top of the page. */
export interface PdfChar {
  readonly ch: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** The line box of the font (ascent to descent): the same for every glyph of a line, unlike the ink box. */
  readonly looseLeft: number;
  readonly looseRight: number;
  readonly looseTop: number;
  readonly looseBottom: number;
  /** A space (printed or inferred by PDFium) follows this character in the text stream. */
  readonly spaceAfter: boolean;
}

export interface PdfPage {
  /** 1-based. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly chars: readonly PdfChar[];
  /** Page objects that are images (a scan is a page of one image and no text). */
  readonly images: number;
}

export interface ReadLimits {
  readonly maxPages: number;
  /** Wall-clock budget for reading characters; pages after it is spent are skipped and reported. */
  readonly maxMillis: number;
}

export interface PdfText {
  readonly pageCount: number;
  readonly pages: readonly PdfPage[];
  /** Why fewer pages than pageCount were read, if so. */
  readonly truncated: 'pages' | 'time' | null;
}

/** The raw PDFium exports this reader uses (the package types list only some of them). */
interface PdfiumRaw {
  _FPDF_InitLibraryWithConfig(config: object): void;
  _FPDF_LoadMemDocument(ptr: number, size: number, password: number): number;
  _FPDF_GetLastError(): number;
  _FPDF_GetPageCount(doc: number): number;
  _FPDF_LoadPage(doc: number, index: number): number;
  _FPDF_ClosePage(page: number): void;
  _FPDF_CloseDocument(doc: number): void;
  _FPDF_GetPageWidthF(page: number): number;
  _FPDF_GetPageHeightF(page: number): number;
  _FPDFPage_CountObjects(page: number): number;
  _FPDFPage_GetObject(page: number, index: number): number;
  _FPDFPageObj_GetType(obj: number): number;
  _FPDFText_LoadPage(page: number): number;
  _FPDFText_ClosePage(textPage: number): void;
  _FPDFText_CountChars(textPage: number): number;
  _FPDFText_GetUnicode(textPage: number, index: number): number;
  _FPDFText_GetCharBox(textPage: number, index: number, left: number, right: number, bottom: number, top: number): number;
  _FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  wasmExports: { malloc(size: number): number; free(ptr: number): void };
  HEAPU8: Uint8Array;
  HEAPF64: Float64Array;
  HEAPF32: Float32Array;
}

const FPDF_ERR_PASSWORD = 4;
const FPDF_ERR_SECURITY = 5;
const FPDF_PAGEOBJ_IMAGE = 3;

let loading: Promise<PdfiumRaw> | null = null;

/** PDFium, instantiated once per process from the wasm file shipped inside the package (no network). */
function pdfium(): Promise<PdfiumRaw> {
  loading ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('@hyzyla/pdfium/pdfium.wasm');
    const wasm = await readFile(wasmPath);
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer;
    const module = (await PDFiumModule({ wasmBinary, locateFile: () => '' })) as unknown as PdfiumRaw;
    module._FPDF_InitLibraryWithConfig({ version: 2, m_pIsolate: null, m_pUserFontPaths: null, m_v8EmbedderSlot: 0, m_pPlatform: null });
    return module;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/**
 * Every character of every page with its box, read through PDFium. Throws UnreadableInput for an encrypted or
 * corrupt file; reads at most `limits.maxPages` pages and stops when the time budget is spent.
 */
export async function readPdfText(bytes: Uint8Array, limits: ReadLimits): Promise<PdfText> {
  const m = await pdfium();
  const dataPtr = m.wasmExports.malloc(bytes.length);
  if (!dataPtr) throw new UnreadableInput('unreadable.tooLarge', 'PDF 文件过大，无法载入内存');
  m.HEAPU8.set(bytes, dataPtr);
  const doc = m._FPDF_LoadMemDocument(dataPtr, bytes.length, 0);
  if (!doc) {
    const error = m._FPDF_GetLastError();
    m.wasmExports.free(dataPtr);
    if (error === FPDF_ERR_PASSWORD || error === FPDF_ERR_SECURITY) {
      throw new UnreadableInput('unreadable.corrupt', 'PDF 文件已加密（需要密码），无法读取；请提供未加密的文件');
    }
    throw new UnreadableInput('unreadable.corrupt', 'PDF 文件已损坏或不是有效的 PDF，无法读取');
  }
  const boxPtr = m.wasmExports.malloc(4 * 8);
  try {
    const pageCount = m._FPDF_GetPageCount(doc);
    const started = Date.now();
    const pages: PdfPage[] = [];
    let truncated: PdfText['truncated'] = pageCount > limits.maxPages ? 'pages' : null;
    for (let i = 0; i < Math.min(pageCount, limits.maxPages); i++) {
      if (Date.now() - started > limits.maxMillis) {
        truncated = 'time';
        break;
      }
      pages.push(readPage(m, doc, i, boxPtr));
    }
    return { pageCount, pages, truncated };
  } finally {
    m.wasmExports.free(boxPtr);
    m._FPDF_CloseDocument(doc);
    m.wasmExports.free(dataPtr);
  }
}

function readPage(m: PdfiumRaw, doc: number, index: number, boxPtr: number): PdfPage {
  const page = m._FPDF_LoadPage(doc, index);
  if (!page) return { number: index + 1, width: 0, height: 0, chars: [], images: 0 };
  try {
    const width = m._FPDF_GetPageWidthF(page);
    const height = m._FPDF_GetPageHeightF(page);
    let images = 0;
    const objects = m._FPDFPage_CountObjects(page);
    for (let o = 0; o < objects; o++) if (m._FPDFPage_GetObject(page, o) && m._FPDFPageObj_GetType(m._FPDFPage_GetObject(page, o)) === FPDF_PAGEOBJ_IMAGE) images++;
    const chars: PdfChar[] = [];
    const textPage = m._FPDFText_LoadPage(page);
    if (textPage) {
      try {
        const count = m._FPDFText_CountChars(textPage);
        const slot = boxPtr / 8;
        for (let c = 0; c < count; c++) {
          const code = m._FPDFText_GetUnicode(textPage, c);
          if (code === 0 || code === 0xfffe || code === 0xffff) continue;
          const ch = String.fromCodePoint(code);
          if (ch.trim() === '') {
            const last = chars[chars.length - 1];
            if (last && ch !== '\r' && ch !== '\n') chars[chars.length - 1] = { ...last, spaceAfter: true };
            continue;
          }
          if (!m._FPDFText_GetCharBox(textPage, c, boxPtr, boxPtr + 8, boxPtr + 16, boxPtr + 24)) continue;
          // Read the heap after the call: the wasm memory may have grown and replaced the view.
          const f64 = m.HEAPF64;
          const left = f64[slot] ?? 0;
          const right = f64[slot + 1] ?? 0;
          const bottom = f64[slot + 2] ?? 0;
          const top = f64[slot + 3] ?? 0;
          const ink = { left, right, top: height - top, bottom: height - bottom };
          // FS_RECTF {left, top, right, bottom}: the advance width and the font's ascent to descent.
          const loose = m._FPDFText_GetLooseCharBox(textPage, c, boxPtr) ? Array.from(m.HEAPF32.subarray(boxPtr / 4, boxPtr / 4 + 4)) : null;
          chars.push({
            ch,
            ...ink,
            looseLeft: loose ? Math.min(loose[0] ?? left, left) : left,
            looseRight: loose ? Math.max(loose[2] ?? right, right) : right,
            looseTop: loose ? height - (loose[1] ?? top) : ink.top,
            looseBottom: loose ? height - (loose[3] ?? bottom) : ink.bottom,
            spaceAfter: false,
          });
        }
      } finally {
        m._FPDFText_ClosePage(textPage);
      }
    }
    return { number: index + 1, width, height, chars, images };
  } finally {
    m._FPDF_ClosePage(page);
  }
}
