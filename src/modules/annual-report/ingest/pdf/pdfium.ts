import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { UnreadableInput } from '../document.ts';

/**
 * One printed character with its box in page space, y measured downwards from the top of the page. The box is the
 * font's line box (advance width, ascent to descent: the same height for every glyph of a line, so 一 and 、 sit
 * on their line), or the glyph's ink box when PDFium has no line box for it.
 */
export interface PdfChar {
  readonly ch: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** A space (printed or inferred by PDFium) follows this character in the text stream. */
  readonly spaceAfter: boolean;
}

export interface PdfPage {
  /** 1-based. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly chars: readonly PdfChar[];
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

let loading: Promise<PdfiumRaw> | null = null;

/** PDFium, instantiated once per process from the wasm file shipped inside the package (no network). */
function pdfium(): Promise<PdfiumRaw> {
  loading ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('@hyzyla/pdfium/pdfium.wasm');
    const wasm = await readFile(wasmPath);
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer;
    const { PDFiumModule } = await import('@hyzyla/pdfium'); // on first use (start-up time)
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
  let dataPtr = 0;
  let doc = 0;
  try {
    dataPtr = m.wasmExports.malloc(bytes.length);
    if (dataPtr) {
      m.HEAPU8.set(bytes, dataPtr);
      doc = m._FPDF_LoadMemDocument(dataPtr, bytes.length, 0);
    }
  } catch {
    loading = null;
    throw new UnreadableInput('unreadable.corrupt', 'PDF 文件无法解析，文件可能已损坏');
  }
  if (!dataPtr) throw new UnreadableInput('unreadable.tooLarge', 'PDF 文件过大，无法载入内存');
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
      if (i > 0 && Date.now() - started > limits.maxMillis) {
        truncated = 'time';
        break;
      }
      try {
        pages.push(readPage(m, doc, i, boxPtr));
      } catch {
        // PDFium aborted inside the wasm: its state cannot be trusted any more, so the next file gets a new one.
        loading = null;
        throw new UnreadableInput('unreadable.corrupt', `PDF 第 ${i + 1} 页无法解析，文件可能已损坏`);
      }
    }
    return { pageCount, pages, truncated };
  } finally {
    try {
      m.wasmExports.free(boxPtr);
      m._FPDF_CloseDocument(doc);
      m.wasmExports.free(dataPtr);
    } catch {
      loading = null;
    }
  }
}

function readPage(m: PdfiumRaw, doc: number, index: number, boxPtr: number): PdfPage {
  const page = m._FPDF_LoadPage(doc, index);
  if (!page) return { number: index + 1, width: 0, height: 0, chars: [] };
  try {
    const width = m._FPDF_GetPageWidthF(page);
    const height = m._FPDF_GetPageHeightF(page);
    const chars: PdfChar[] = [];
    const textPage = m._FPDFText_LoadPage(page);
    if (textPage) {
      try {
        const count = m._FPDFText_CountChars(textPage);
        for (let c = 0; c < count; c++) {
          const code = m._FPDFText_GetUnicode(textPage, c);
          if (code === 0 || code === 0xfffe || code === 0xffff) continue;
          const ch = String.fromCodePoint(code);
          if (ch.trim() === '') {
            const last = chars[chars.length - 1];
            if (last && ch !== '\r' && ch !== '\n') chars[chars.length - 1] = { ...last, spaceAfter: true };
            continue;
          }
          const box = lineBox(m, textPage, c, boxPtr);
          if (box) chars.push({ ch, left: box[0], right: box[1], top: height - box[2], bottom: height - box[3], spaceAfter: false });
        }
      } finally {
        m._FPDFText_ClosePage(textPage);
      }
    }
    return { number: index + 1, width, height, chars };
  } finally {
    m._FPDF_ClosePage(page);
  }
}

/** [left, right, top, bottom] in PDF space (y up): the loose box, else the ink box (FPDFText_GetCharBox). */
function lineBox(m: PdfiumRaw, textPage: number, c: number, boxPtr: number): [number, number, number, number] | null {
  // Read the heap after each call: the wasm memory may have grown and replaced the views.
  if (m._FPDFText_GetLooseCharBox(textPage, c, boxPtr)) {
    const f32 = m.HEAPF32; // FS_RECTF {left, top, right, bottom}
    const i = boxPtr / 4;
    return [f32[i] ?? 0, f32[i + 2] ?? 0, f32[i + 1] ?? 0, f32[i + 3] ?? 0];
  }
  if (m._FPDFText_GetCharBox(textPage, c, boxPtr, boxPtr + 8, boxPtr + 16, boxPtr + 24)) {
    const f64 = m.HEAPF64; // left, right, bottom, top
    const i = boxPtr / 8;
    return [f64[i] ?? 0, f64[i + 1] ?? 0, f64[i + 3] ?? 0, f64[i + 2] ?? 0];
  }
  return null;
}
