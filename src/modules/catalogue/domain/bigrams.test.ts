import { describe, expect, it } from 'vitest';
import { indexTerms, parseQuery, snippet } from './bigrams.ts';

describe('search terms', () => {
  it('indexes Han runs as overlapping pairs and other words whole, lower-cased and NFKC-normalised', () => {
    expect([...indexTerms('2024年部门预算（ＧＤＰ）')]).toEqual(['2024', '年部', '部门', '门预', '预算', 'gdp']);
  });

  it('a two-character query is one term; a longer one its pairs; each spaced phrase must match', () => {
    expect(parseQuery('预算')).toEqual({ phrases: ['预算'], terms: ['预算'] });
    expect(parseQuery('政府采购')).toEqual({ phrases: ['政府采购'], terms: ['政府', '府采', '采购'] });
    expect(parseQuery(' 采购  2024 ')).toEqual({ phrases: ['采购', '2024'], terms: ['采购', '2024'] });
  });

  it('refuses a query with a phrase of one Han character or one letter, and an empty one', () => {
    expect(parseQuery('预')).toBeNull();
    expect(parseQuery('预算 x')).toBeNull();
    expect(parseQuery('   ')).toBeNull();
  });

  it('a snippet marks every match near the first one', () => {
    const parts = snippet('关于2024年部门预算的说明。本部门预算包括采购预算。', ['预算'], 6);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['预算', '预算']);
    expect(parts.map((p) => p.text).join('')).toBe('…024年部门预算的说明。本部门预算包…');
  });

  it('a snippet matches letters folded as the index folds them (case, full-width), and shows the original text', () => {
    const parts = snippet('附件：ＰＤＦ版与Pdf版记录', ['pdf'], 20);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['ＰＤＦ', 'Pdf']);
    // a character whose folded form is longer (㍻ → 平成) cannot be matched position by position: no marks
    expect(snippet('㍻记录中的PDF', ['pdf']).some((p) => p.hit)).toBe(false);
  });
});
