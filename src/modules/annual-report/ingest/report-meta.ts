import { SECTIONS } from '../domain/formats/common.ts';
import type { SectionId } from '../domain/formats/index.ts';
import { normaliseLabel, normaliseText } from '../domain/labels.ts';
import type { ExtractionNote } from '../domain/report.ts';
import type { Line } from './document.ts';

/**
 * What a report says about itself: title, agency and year (from the title, else from the text), and where its six
 * sections (Art. 50 and the national formats) begin. Headings are matched by numeral plus key words, in order.
 */

export interface SectionStart {
  readonly id: SectionId;
  readonly index: number;
  readonly heading: string;
  /** Prose printed on the heading's own line after the heading. */
  readonly rest: string;
}

export interface ReportMeta {
  readonly title: string | null;
  readonly agency: string | null;
  readonly year: number | null;
  readonly titleIndex: number | null;
  readonly notes: readonly ExtractionNote[];
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
const HEADING_START = /^(第)?[一二三四五六]/;
const HEAD_LENGTH = 300;
/** Lines longer than this are prose; the meta search reads only their head. */
const META_LINE = 2000;
/** The year is looked for this far into the text (a report has a few hundred lines). */
const META_LINES = 3000;

export function lineText(line: Line): string {
  if (line.kind === 'text') return line.text;
  const filled = line.cells.filter((c) => c.trim() !== '');
  return filled.length === 1 ? filled[0]! : '';
}

/** The first line of each section, in the order of the form; a section not found is absent. */
export function findSections(lines: readonly Line[], from = 0): SectionStart[] {
  const found: SectionStart[] = [];
  let next = 0;
  for (let i = from; i < lines.length && next < SECTIONS.length; i++) {
    const printed = lineText(lines[i]!);
    if (!printed.trim()) continue;
    // A heading sits at the start of its line; only a line's head is looked at (a line may be megabytes of garbage).
    if (!HEADING_START.test(printed.slice(0, 12).normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff]+/g, ''))) continue;
    const raw = normaliseText(printed.slice(0, HEAD_LENGTH)).trim();
    for (let k = next; k < SECTIONS.length; k++) {
      let heading = matchHeading(raw, k);
      // The prose after a heading on a long line: read in full only once the head is known to be a heading.
      if (heading && printed.length > HEAD_LENGTH) heading = matchHeading(normaliseText(printed).trim(), k);
      if (heading) {
        found.push({ id: SECTIONS[k]!.id, index: i, heading: heading.heading, rest: heading.rest });
        next = k + 1;
        break;
      }
    }
  }
  return found;
}

function matchHeading(raw: string, k: number): { heading: string; rest: string } | null {
  const def = SECTIONS[k]!;
  const compact = normaliseLabel(raw.slice(0, 200));
  const m = /^(?:第)?([一二三四五六])(?:部分)?[.,]?/.exec(compact);
  if (!m || m[1] !== NUMERALS[k]) return null;
  const words = compact.slice(m[0].length);
  if (/^[一二三四五六七八九十\d]/.test(words)) return null;
  const keywords = [def.heading, ...def.keywords];
  let end = -1;
  for (const w of keywords) {
    const at = words.indexOf(w);
    if (at >= 0 && at <= 16) end = Math.max(end, at + w.length);
  }
  if (end < 0) return null;
  // A heading with prose after it on the same line: cut after the heading's words.
  const cut = /[。：:]/.exec(raw);
  if (cut && cut.index <= 40 && raw.slice(cut.index + 1).trim()) {
    return { heading: raw.slice(0, cut.index).trim(), rest: raw.slice(cut.index + 1).trim() };
  }
  return compact.length <= 40 && raw.length <= 200 ? { heading: raw, rest: '' } : null;
}

const TITLE = /政府信息公开.{0,8}(年度报告|年报|工作报告)|信息公开(工作)?年度报告/;
const YEAR = /((?:19|20)\d{2})年/;
const AGENCY_END = /(人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|局|厅|委|办|院|署|中心|街道|街道办事处|镇|乡|区|县|市|省|所|站|队|会)$/;

/** Title, agency and year; lines before `limit` (the first section) are searched, page chrome is skipped. */
export function findMeta(lines: readonly Line[], limit: number): ReportMeta {
  const notes: ExtractionNote[] = [];
  let title: string | null = null;
  let titleIndex: number | null = null;
  for (let i = 0; i < Math.min(limit, lines.length); i++) {
    const printed = lineText(lines[i]!);
    if (printed.length > 400) continue;
    let t = normaliseText(printed).replace(/\s+/g, ' ').trim();
    if (t.length > 80) continue;
    let at = i;
    if (!TITLE.test(t.replace(/\s+/g, ''))) {
      // A long title set in a large font wraps: "…政府信息公开工作年" / "度报告".
      const next = i + 1 < Math.min(limit, lines.length) ? normaliseText(lineText(lines[i + 1]!)).replace(/\s+/g, ' ').trim() : '';
      const joined = `${t}${next}`;
      if (!next || next.length > 20 || !/信息公开/.test(t) || !TITLE.test(joined.replace(/\s+/g, ''))) continue;
      t = joined;
      at = i + 1;
    }
    title = t;
    titleIndex = at;
    const compact = t.replace(/\s+/g, '');
    const startsBare = /^(关于)?((?:19|20)\d{2}年度?)?(政府)?信息公开/.test(compact) || /^((?:19|20)\d{2})年度?政府信息公开/.test(compact);
    if (startsBare) {
      const prev = previousText(lines, i);
      if (prev && prev.length <= 30 && AGENCY_END.test(prev.replace(/\s+/g, '')) && !/[，。：:]/.test(prev)) {
        title = `${prev}${t}`;
      }
    }
    break;
  }
  const parsed = title ? parseTitle(title) : { agency: null, year: null };
  let year = parsed.year;
  if (year === null) {
    year = yearFromText(lines, titleIndex ?? 0);
    if (year !== null) notes.push({ kind: 'guessed', message: `标题中没有年度，按正文中的统计期限或年份取 ${year} 年` });
  }
  if (!title) notes.push({ kind: 'unreadable', message: '没有找到报告标题' });
  return { title, agency: parsed.agency, year, titleIndex, notes };
}

function previousText(lines: readonly Line[], i: number): string | null {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = normaliseText(lineText(lines[k]!)).trim();
    if (t) return t;
  }
  return null;
}

/** "2020 年度区财政局政府信息公开工作年度报告" → 区财政局, 2020; "淮安市人民政府2024年政府信息公开…" → 淮安市人民政府, 2024. */
export function parseTitle(title: string): { agency: string | null; year: number | null } {
  const t = normaliseText(title).replace(/\s+/g, '').replace(/^[【[(（]?(?:\d{4}-\d{2}-\d{2})?[】\])）]?/, '');
  const y = YEAR.exec(t);
  const year = y ? Number(y[1]) : null;
  const cutAgency = (s: string) => s.replace(/^关于/, '').replace(/关于$/, '').replace(/[—\-_:：]+$/, '').trim();
  if (y) {
    const before = cutAgency(t.slice(0, y.index));
    if (before) return { agency: before, year };
    const after = t.slice(y.index + y[0].length).replace(/^度/, '');
    const at = after.search(/(政府)?信息公开/);
    const between = at > 0 ? cutAgency(after.slice(0, at)) : '';
    return { agency: between || null, year };
  }
  const at = t.search(/(政府)?信息公开/);
  return { agency: at > 0 ? cutAgency(t.slice(0, at)) || null : null, year };
}

function yearFromText(lines: readonly Line[], from: number): number | null {
  const counts = new Map<number, number>();
  for (let i = from; i < Math.min(lines.length, from + META_LINES); i++) {
    const t = lineText(lines[i]!).slice(0, META_LINE).normalize('NFKC').replace(/\s+/g, '');
    const period = /统计(期限|时限|区间)?[自从为]?((?:19|20)\d{2})年1月1日/.exec(t);
    if (period) return Number(period[2]);
    for (const m of t.matchAll(/((?:19|20)\d{2})年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | null = null;
  let n = 0;
  for (const [y, c] of counts) if (c > n) [best, n] = [y, c];
  return best;
}
