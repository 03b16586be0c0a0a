import { FORMATS } from '../../domain/formats/index.ts';
import { normaliseLabel } from '../../domain/labels.ts';

/** Words printed in table headers (column labels of both formats, corner and block cells), normalised. */
export const HEADER_WORDS: readonly string[] = (() => {
  const words = new Set<string>(['申请人情况', '法人或其他组织', '信息内容', '行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉']);
  for (const f of Object.values(FORMATS)) {
    for (const t of Object.values(f.tables)) {
      for (const c of t.columns) for (const w of [c.label, ...c.aliases]) words.add(w);
      if (t.id === 'remedies') for (const r of t.rows) for (const w of [r.label, ...r.aliases]) words.add(w);
    }
  }
  return [...words].map(normaliseLabel);
})();
