import { toHalfWidth } from '../cell.ts';
import { normaliseText } from '../labels.ts';
import { SECTIONS } from '../formats/common.ts';
import type { SectionId } from '../formats/index.ts';
import type { Report } from '../report.ts';

export interface Sentence {
  readonly section: SectionId;
  /** Normalised: NFKC, half-width digits, spaces between digits and words removed. */
  readonly text: string;
}

/** The report's prose cut into sentences (at 。！？； and line breaks), in section order. */
export function narrativeSentences(report: Report): Sentence[] {
  const out: Sentence[] = [];
  for (const s of SECTIONS) {
    const section = report.sections[s.id];
    if (!section) continue;
    const text = toHalfWidth(normaliseText(section.text))
      // PDF text wraps mid-sentence ("方便公\n众获取"); a line break is not a sentence end unless it follows one.
      .replace(/([^。！？；;!?\n])\n(?=[^\n])/g, '$1')
      .replace(/[ \t]+/g, ' ')
      .replace(/(\d) (?=\S)|(?<=\S) (?=\d)/g, '$1');
    for (const part of text.split(/[。！？；;!?\n]+/)) {
      const t = part.trim();
      if (t) out.push({ section: s.id, text: t });
    }
  }
  return out;
}
