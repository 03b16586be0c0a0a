import fc from 'fast-check';
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

  it('finds a match deep in a long body and shows the passage around it', () => {
    const body = `${'本办法适用于本市行政区域内的各类活动。'.repeat(10_000)}第九十九条 政府采购预算应当公开。`;
    const parts = snippet(body, ['采购预算'], 10);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['采购预算']);
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts.map((p) => p.text).join('')).toContain('政府采购预算应当公开');
  });

  it('gives the same passage whichever way it is worked out: every mark is a phrase, the rest is the text itself', () => {
    const alphabet = fc.constantFrom('预', '算', '公', '开', 'A', 'a', 'Ｂ', 'b', '，', ' ', '㍻', '𠀀');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 120 }), fc.constantFrom('预算', 'ab', '公开'), (chars, phrase) => {
        const text = chars.join('');
        const parts = snippet(text, [phrase], 8);
        for (const p of parts.filter((x) => x.hit)) expect(p.text.normalize('NFKC').toLowerCase()).toBe(phrase);
        const shown = parts.filter((p) => !(p.text === '…' && !p.hit)).map((p) => p.text).join('');
        expect(text).toContain(shown);
        // a phrase the text holds (folded as the index folds it) is marked unless a longer folded character came first
        if (text.normalize('NFKC').toLowerCase().includes(phrase) && !/[㍻]/.test(text)) expect(parts.some((p) => p.hit)).toBe(true);
      }),
    );
  });
});
