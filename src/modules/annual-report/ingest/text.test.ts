import { describe, expect, it } from 'vitest';
import { extractText } from './text.ts';
import { detectTextKind, extractAnyText } from './text-kind.ts';

describe('extractText', () => {
  it('turns tab lines into unaligned rows, keeping trailing empty cells', () => {
    const doc = extractText('规章\t0\t0\t0\n行政事业性收费\t16\t增加 2 个\t\n一、总体情况');
    expect(doc.lines[0]).toEqual({ kind: 'row', cells: ['规章', '0', '0', '0'], aligned: false });
    expect(doc.lines[1]).toEqual({ kind: 'row', cells: ['行政事业性收费', '16', '增加 2 个', ''], aligned: false });
    expect(doc.lines[2]).toEqual({ kind: 'text', text: '一、总体情况' });
  });

  it('drops page numbers, page chrome and blank lines', () => {
    const doc = extractText(['首页 > 政务公开 > 年报', '字号 大 中 小', '', '-3-', '- 4 -', '第3页', '正文。', '打印本页', '【关闭】'].join('\n'));
    expect(doc.lines).toEqual([{ kind: 'text', text: '正文。' }]);
    expect(doc.notes[0]?.kind).toBe('ignored');
  });

  it('splits lines on runs of spaces only where they clearly are table rows', () => {
    const doc = extractText(
      ['规章            1          0        11', '信息内容          本年制发件数     本年废止件数   现行有效件数', '2024 年，我市坚持以习近平新时代  中国特色社会主义思想为指导。'].join('\n'),
    );
    expect(doc.lines[0]).toEqual({ kind: 'row', cells: ['规章', '1', '0', '11'], aligned: false });
    expect(doc.lines[1]?.kind).toBe('row');
    expect(doc.lines[2]?.kind).toBe('text');
  });
});

describe('detectTextKind', () => {
  it('tells pipe markdown, tab text, run-together text and plain prose apart', () => {
    expect(detectTextKind('| a | 1 |\n|---|---|\n| 规章 | 0 |\n| 行政许可 | 1 |')).toBe('markdown');
    expect(detectTextKind('规章\t0\n行政许可\t1\n行政处罚\t2')).toBe('tab');
    expect(
      detectTextKind('一、本年新收政府信息公开申请数量170000017\n（一）予以公开6000006\n（七）总计170000017'),
    ).toBe('run-together');
    expect(detectTextKind('一、总体情况\n本年度我局认真贯彻条例。')).toBe('plain');
  });

  it('routes markdown through the pipe-table reader', () => {
    expect(extractAnyText('| 规章 | 0 |\n| 行政许可 | 1 |\n| 行政处罚 | 2 |').kind).toBe('markdown');
    expect(extractAnyText('规章\t0').kind).toBe('text');
  });
});

describe('extractText on crawled one-cell-per-line text', () => {
  it('reads consecutive lines of one value each as the cells of one row, and says so', () => {
    const doc = extractText(['一、本年新收政府信息公开申请数量', '15', '2', '0', '/', '1', '0', '18', '一、总体情况'].join('\n'));
    expect(doc.lines).toEqual([
      { kind: 'text', text: '一、本年新收政府信息公开申请数量' },
      { kind: 'row', cells: ['15', '2', '0', '/', '1', '0', '18'], aligned: false },
      { kind: 'text', text: '一、总体情况' },
    ]);
    expect(doc.notes.some((n) => n.kind === 'guessed' && /连续几行各只有一个数字/.test(n.message))).toBe(true);
  });

  it('leaves a single value line and prose alone', () => {
    const doc = extractText(['六、其他需要报告的事项', '无', '2024 年，我市共收取信息处理费 3940 元。'].join('\n'));
    expect(doc.lines.map((l) => l.kind)).toEqual(['text', 'text', 'text']);
  });

  it('keeps a line far longer than any row as text without splitting it', () => {
    const long = `规章${'    1'.repeat(3000)}`;
    expect(extractText(long).lines).toEqual([{ kind: 'text', text: long }]);
  });
});
