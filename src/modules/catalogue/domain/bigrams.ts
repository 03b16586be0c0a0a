/**
 * The search index's terms, pure. Chinese has no spaces, and a word as short as 预算 or 采购 must be found, so a
 * run of Han characters is indexed as its overlapping character pairs (bigrams: 部门预算 → 部门, 门预, 预算);
 * runs of other letters and digits are indexed as whole lower-case words. A query matches an item that holds all
 * of its terms; the repository then confirms the exact phrase, since the pairs may sit apart.
 */

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;
/** longer words are cut: a term is an index key */
const MAX_WORD = 40;

export function normaliseSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** normaliseSearchText of one character; ASCII and the common CJK ideographs (unchanged by NFKC) skip the tables. */
function normaliseChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
  if (code >= 0x4e00 && code <= 0x9fff) return ch;
  return normaliseSearchText(ch);
}

/** Runs of Han characters and runs of other letters/digits, in order. */
function runs(text: string): { han: boolean; text: string }[] {
  const out: { han: boolean; text: string }[] = [];
  let current: { han: boolean; chars: string[] } | null = null;
  for (const ch of normaliseSearchText(text)) {
    const han = HAN.test(ch);
    const word = han || WORD.test(ch);
    if (!word) {
      if (current) out.push({ han: current.han, text: current.chars.join('') });
      current = null;
      continue;
    }
    if (current && current.han === han) current.chars.push(ch);
    else {
      if (current) out.push({ han: current.han, text: current.chars.join('') });
      current = { han, chars: [ch] };
    }
  }
  if (current) out.push({ han: current.han, text: current.chars.join('') });
  return out;
}

function termsOfRun(run: { han: boolean; text: string }): string[] {
  if (!run.han) return [Array.from(run.text).slice(0, MAX_WORD).join('')];
  const chars = Array.from(run.text);
  if (chars.length === 1) return [chars[0]!];
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs;
}

/** Every distinct term of a text (for indexing an item). */
export function indexTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of runs(text)) for (const term of termsOfRun(run)) out.add(term);
  return out;
}

export interface SearchQuery {
  /** the phrases typed, split at spaces, normalised; each must occur in the item */
  readonly phrases: readonly string[];
  /** the distinct index terms all matching items hold */
  readonly terms: readonly string[];
}

/**
 * Parses what a person typed. Returns null when a phrase has no term of two characters or more (a single Han
 * character is not in the index as a pair).
 */
export function parseQuery(input: string): SearchQuery | null {
  const phrases = normaliseSearchText(input)
    .split(/\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (phrases.length === 0) return null;
  const terms = new Set<string>();
  for (const phrase of phrases) {
    const own = runs(phrase).flatMap(termsOfRun).filter((t) => Array.from(t).length >= 2);
    if (own.length === 0) return null;
    for (const t of own) terms.add(t);
  }
  return { phrases, terms: [...terms] };
}

export interface SnippetPart {
  readonly text: string;
  /** a match of the query: the page shows it highlighted (escaped like any other text) */
  readonly hit: boolean;
}

/**
 * A short passage around the first match of any phrase, split into parts with the matches marked. The phrases are
 * in the index's normal form (parseQuery). A body may be a whole regulation, so the text is folded in one native
 * pass and searched with indexOf; each match found is checked against the original characters, and where folding
 * moved positions (a character whose normal form is longer, an astral character) the passage is worked out
 * character by character instead.
 */
export function snippet(text: string, phrases: readonly string[], radius = 40): SnippetPart[] {
  const folded = normaliseSearchText(text);
  if (folded.length === text.length && !SURROGATE.test(text)) {
    const fast = snippetByIndex(text, folded, phrases, radius);
    if (fast) return fast;
  }
  return snippetByCharacter(text, phrases, radius);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** The passage found with indexOf on the folded text, or null when a match does not hold on the original text. */
function snippetByIndex(text: string, folded: string, phrases: readonly string[], radius: number): SnippetPart[] | null {
  const needles = phrases.filter((p) => p.length > 0);
  const holds = (at: number, needle: string) => normaliseSearchText(text.slice(at, at + needle.length)) === needle;
  let first = -1;
  for (const needle of needles) {
    const at = folded.indexOf(needle);
    if (at < 0) continue;
    if (!holds(at, needle)) return null;
    if (first < 0 || at < first) first = at;
  }
  const start = Math.max(0, (first < 0 ? 0 : first) - radius);
  const end = Math.min(text.length, (first < 0 ? 0 : first) + radius * 2);
  const hits: [number, number][] = [];
  for (const needle of needles) {
    for (let at = folded.indexOf(needle, start); at >= 0 && at < end; at = folded.indexOf(needle, at + 1)) {
      if (!holds(at, needle)) return null;
      hits.push([at, at + needle.length]);
    }
  }
  return passage((from, to) => text.slice(from, to), text.length, hits, start, end);
}

function snippetByCharacter(text: string, phrases: readonly string[], radius: number): SnippetPart[] {
  const chars = Array.from(text);
  const hay = new Array<string>(chars.length);
  for (let i = 0; i < chars.length; i++) {
    const folded = normaliseChar(chars[i]!);
    if (folded.length !== 1 && Array.from(folded).length !== 1) return [{ text: chars.slice(0, radius * 2).join(''), hit: false }];
    hay[i] = folded;
  }
  const hits: [number, number][] = [];
  for (const phrase of phrases) {
    const needle = Array.from(phrase);
    if (needle.length === 0) continue;
    const first = needle[0];
    for (let i = 0; i + needle.length <= hay.length; i++) {
      if (hay[i] !== first) continue;
      let k = 1;
      while (k < needle.length && hay[i + k] === needle[k]) k++;
      if (k === needle.length) hits.push([i, i + needle.length]);
    }
  }
  const first = hits.reduce((min, [from]) => Math.min(min, from), hits.length ? Infinity : 0);
  const start = Math.max(0, first - radius);
  const end = Math.min(chars.length, first + radius * 2);
  return passage((from, to) => chars.slice(from, to).join(''), chars.length, hits, start, end);
}

/** The parts from `start` to `end` with the hits inside marked, and … where text is left out at either side. */
function passage(slice: (from: number, to: number) => string, length: number, found: [number, number][], start: number, end: number): SnippetPart[] {
  const hits = [...found].sort((a, b) => a[0] - b[0]);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', hit: false });
  let cursor = start;
  for (const [from, to] of hits) {
    if (from < cursor || from >= end) continue;
    if (from > cursor) parts.push({ text: slice(cursor, from), hit: false });
    parts.push({ text: slice(from, Math.min(to, end)), hit: true });
    cursor = Math.min(to, end);
  }
  if (cursor < end) parts.push({ text: slice(cursor, end), hit: false });
  if (end < length) parts.push({ text: '…', hit: false });
  return parts;
}
