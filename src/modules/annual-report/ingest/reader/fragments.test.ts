import { describe, expect, it } from 'vitest';
import { fragmentOf, isNoise } from './fragments.ts';

const row = (cells: string[]) => ({ kind: 'row' as const, cells, aligned: false });

describe('fragmentOf', () => {
  it('reads stray OCR marks between and inside rows as empty slots, never as values', () => {
    expect(['■', '、', '·', '。', '|'].every(isNoise)).toBe(true);
    expect(['0', '/', '—', '无', '规章', '12万元'].some(isNoise)).toBe(false);
    expect(fragmentOf(row(['、']), 0)).toBeNull();
    expect(fragmentOf({ kind: 'text', text: '■' }, 0)).toBeNull();
    expect(fragmentOf(row(['（一）予以公开', '6', '·', '0', '7']), 0)?.values).toEqual(['6', '', '0', '7']);
  });

  it('keeps stray text among the values of a row as a value cell, not as a second label', () => {
    const f = fragmentOf(row(['', '2.重复申请', '3', '', '', '', '见说明', '', '3']), 0);
    expect(f?.labels).toEqual(['2.重复申请']);
    expect(f?.values).toEqual(['3', '', '', '', '见说明', '', '3']);
  });

  it('reads OCR look-alike letters in value cells as digits and lists them', () => {
    const f = fragmentOf(row(['4.保护第三方合法权益', 'l', 'O', '0', '〇', '0', '0', '1']), 0);
    expect(f?.labels).toEqual(['4.保护第三方合法权益']);
    expect(f?.values).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(f?.repaired).toEqual(['l→1', 'O→0', '〇→0']);
  });

  it('reads look-alikes in a text line only among other values', () => {
    expect(fragmentOf({ kind: 'text', text: '4.保护第三方合法权益 l O 0 0 0 0 1' }, 0)?.values).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    const alone = fragmentOf({ kind: 'text', text: '附件 I' }, 0);
    expect(alone?.values).toEqual([]);
    expect(alone?.repaired).toBeUndefined();
  });

  it('skips lines longer than any label or row', () => {
    expect(fragmentOf({ kind: 'text', text: '一'.repeat(2001) }, 0)).toBeNull();
  });
});
