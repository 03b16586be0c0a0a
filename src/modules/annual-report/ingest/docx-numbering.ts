/**
 * Word's automatic list numbers (numbering.xml, and numbering attached to paragraph styles in styles.xml). A report
 * whose headings or table labels are auto-numbered (一、 （三） 1.) carries no such text in document.xml; the
 * label is rebuilt here so the reader sees what the page shows.
 */

/** The part of an XML node (cheerio in xml mode, domhandler) that the numbering reader needs. */
export interface XmlNode {
  readonly type: string;
  readonly name?: string;
  readonly data?: string;
  readonly attribs?: Readonly<Record<string, string>>;
  readonly children?: readonly XmlNode[];
}

export const localName = (node: XmlNode): string => {
  const name = node.name ?? '';
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

export const childElements = (node: XmlNode, local?: string): XmlNode[] =>
  (node.children ?? []).filter((c) => c.type === 'tag' && (local === undefined || localName(c) === local));

export const child = (node: XmlNode | undefined, local: string): XmlNode | undefined =>
  node ? childElements(node, local)[0] : undefined;

/** The w:val attribute, whatever the namespace prefix. */
export const val = (node: XmlNode | undefined): string | undefined => {
  if (!node?.attribs) return undefined;
  for (const [key, value] of Object.entries(node.attribs)) if (key === 'val' || key.endsWith(':val')) return value;
  return undefined;
};

interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
}

const DIGITS = '〇一二三四五六七八九';

function chineseCounting(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : `${tens === 1 ? '' : DIGITS[tens]}十`;
  return head + (ones === 0 ? '' : DIGITS[ones]);
}

function letters(n: number, base: string): string {
  const letter = base[(n - 1) % 26] ?? '';
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, glyph] of table) {
    while (n >= value) {
      out += glyph;
      n -= value;
    }
  }
  return out;
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => DIGITS[Number(d)]).join('');
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCodePoint(0xff10 + Number(d))).join('');
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

export class Numbering {
  private readonly counters = new Map<string, number[]>();

  private constructor(
    private readonly nums: ReadonlyMap<string, { abstractId: string; starts: ReadonlyMap<number, number> }>,
    private readonly abstracts: ReadonlyMap<string, ReadonlyMap<number, Level>>,
    private readonly styles: ReadonlyMap<string, { numId?: string; ilvl?: number; basedOn?: string }>,
  ) {}

  static read(numbering: XmlNode | null, styles: XmlNode | null): Numbering {
    const abstracts = new Map<string, Map<number, Level>>();
    const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
    const root = numbering ? child(numbering, 'numbering') : undefined;
    for (const node of root ? childElements(root) : []) {
      const id = attr(node, 'abstractNumId') ?? attr(node, 'numId');
      if (id === undefined) continue;
      if (localName(node) === 'abstractNum') {
        const levels = new Map<number, Level>();
        for (const lvl of childElements(node, 'lvl')) {
          levels.set(Number(attr(lvl, 'ilvl') ?? 0), {
            start: Number(val(child(lvl, 'start')) ?? 1),
            format: val(child(lvl, 'numFmt')) ?? 'decimal',
            text: val(child(lvl, 'lvlText')) ?? '',
          });
        }
        abstracts.set(id, levels);
      } else if (localName(node) === 'num') {
        const starts = new Map<number, number>();
        for (const override of childElements(node, 'lvlOverride')) {
          const start = val(child(override, 'startOverride'));
          if (start !== undefined) starts.set(Number(attr(override, 'ilvl') ?? 0), Number(start));
        }
        nums.set(id, { abstractId: val(child(node, 'abstractNumId')) ?? '', starts });
      }
    }
    const styleMap = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
    const stylesRoot = styles ? child(styles, 'styles') : undefined;
    for (const style of stylesRoot ? childElements(stylesRoot, 'style') : []) {
      const id = attr(style, 'styleId');
      if (id === undefined) continue;
      const numPr = child(child(style, 'pPr'), 'numPr');
      const ilvl = val(child(numPr, 'ilvl'));
      styleMap.set(id, {
        ...(numPr ? { numId: val(child(numPr, 'numId')) } : {}),
        ...(ilvl !== undefined ? { ilvl: Number(ilvl) } : {}),
        ...(val(child(style, 'basedOn')) ? { basedOn: val(child(style, 'basedOn')) } : {}),
      });
    }
    return new Numbering(nums, abstracts, styleMap);
  }

  /** The list label a paragraph shows (e.g. "（三）"), advancing the list's counters; '' when it has none. */
  label(pPr: XmlNode | undefined): string {
    const numPr = child(pPr, 'numPr');
    let numId = val(child(numPr, 'numId'));
    let ilvl = val(child(numPr, 'ilvl')) !== undefined ? Number(val(child(numPr, 'ilvl'))) : undefined;
    let styleId = val(child(pPr, 'pStyle'));
    for (let hops = 0; styleId !== undefined && hops < 10 && (numId === undefined || ilvl === undefined); hops++) {
      const style = this.styles.get(styleId);
      numId ??= style?.numId;
      if (style?.ilvl !== undefined) ilvl ??= style.ilvl;
      styleId = style?.basedOn;
    }
    if (numId === undefined || numId === '0') return '';
    const num = this.nums.get(numId);
    const levels = num ? this.abstracts.get(num.abstractId) : undefined;
    const level = ilvl ?? 0;
    const def = levels?.get(level);
    if (!num || !levels || !def || def.format === 'none' || def.format === 'bullet') return '';
    const counters = this.counters.get(numId) ?? [];
    for (let k = 0; k < level; k++) counters[k] ??= (num.starts.get(k) ?? levels.get(k)?.start ?? 1);
    counters[level] = counters[level] === undefined ? (num.starts.get(level) ?? def.start) : counters[level] + 1;
    counters.length = level + 1;
    this.counters.set(numId, counters);
    return def.text.replace(/%([1-9])/g, (_m, d: string) => {
      const k = Number(d) - 1;
      const n = counters[k];
      return n === undefined ? '' : formatNumber(n, levels.get(k)?.format ?? 'decimal');
    });
  }
}

function attr(node: XmlNode, local: string): string | undefined {
  for (const [key, value] of Object.entries(node.attribs ?? {})) if (key === local || key.endsWith(`:${local}`)) return value;
  return undefined;
}
