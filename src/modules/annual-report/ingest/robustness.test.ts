import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnreadableInput } from './document.ts';
import { ingestReport } from './index.ts';
import { extractMarkdown } from './markdown.ts';
import { readReport } from './read-report.ts';
import { extractText } from './text.ts';
import { extractAnyText } from './text-kind.ts';

/** A deterministic byte stream (xorshift), so a failure can be replayed. */
function noise(length: number, seed = 20240131): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const LABELS = ['一、本年新收政府信息公开申请数量', '（七）总计', '三、收到和处理政府信息公开申请情况', '规章', '行政复议', '（三）不予公开', '1.属于国家秘密', '总计'];

/** Runs the whole text path (extract, then read) and returns how long it took; any throw fails the test. */
function timed(text: string, extract: (t: string) => ReturnType<typeof extractText> = extractAnyText): number {
  const started = performance.now();
  const report = readReport(extract(text));
  expect(report.format === '2019' || report.format === '2021').toBe(true);
  return performance.now() - started;
}

describe('the ingest on garbage stays bounded and never throws', () => {
  it('random bytes read as text', () => {
    const text = Buffer.from(noise(300_000)).toString('utf8');
    expect(timed(text)).toBeLessThan(2000);
    expect(timed(text, extractMarkdown)).toBeLessThan(2000);
  });

  it('random bytes uploaded as a file: a report or an UnreadableInput, nothing else', async () => {
    for (const [seed, name] of [[1, 'x.txt'], [2, 'x.pdf'], [3, 'x.docx'], [4, 'x.html'], [5, '']] as const) {
      const started = performance.now();
      try {
        const { report } = await ingestReport(noise(200_000, seed), name);
        expect(report.tables.applications).toBeDefined();
      } catch (error) {
        expect(error).toBeInstanceOf(UnreadableInput);
      }
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });

  it('random high bytes with no control characters go down the text path (charset guessing included)', async () => {
    const bytes = noise(500_000, 7).map((b) => (b < 0x20 ? 0x0a : b));
    const started = performance.now();
    const { report, kind } = await ingestReport(bytes, 'report.txt');
    expect(kind === 'text' || kind === 'markdown' || kind === 'html').toBe(true);
    expect(report.missingTables.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a 5 MB single line of labels and digits', () => {
    const unit = `${LABELS.join('')}1700000017\t３５\u3000 ,，。`;
    const line = unit.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(unit)));
    expect(Buffer.byteLength(line)).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    expect(timed(line)).toBeLessThan(2000);
  });

  it('a 5 MB single line of digits after a label', () => {
    expect(timed(`三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量${'1234567890'.repeat(524_288)}`)).toBeLessThan(2000);
  });

  it('100,000 tab-only lines', () => {
    expect(timed('\t\t\t\t\t\t\t\t\n'.repeat(100_000))).toBeLessThan(2000);
  });

  it('100,000 lines of one number each: read up to the line cap, and said so', () => {
    const text = '三、收到和处理政府信息公开申请情况\n' + '7\n'.repeat(100_000);
    expect(timed(text)).toBeLessThan(2000);
    expect(extractText(text).notes.some((n) => /只读前 20000 行/.test(n.message))).toBe(true);
  });

  it('deeply repeated labels with values, as tab text and as pipe tables', () => {
    const rows: string[] = [];
    for (let i = 0; i < 10_000; i++) rows.push(`${LABELS[i % LABELS.length]}\t${i % 9}\t0\t0\t0\t0\t0\t${i % 9}`);
    const tab = `三、收到和处理政府信息公开申请情况\n${rows.join('\n')}`;
    expect(timed(tab)).toBeLessThan(2000);
    expect(timed(tab.replace(/^(.*\t.*)$/gm, (l) => `| ${l.split('\t').join(' | ')} |`))).toBeLessThan(2000);
  });

  it('every section heading and table title repeated thousands of times', () => {
    const block = ['一、总体情况', '二、主动公开政府信息情况', '第二十条第（一）项', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '行政复议\t行政诉讼', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    expect(timed(Array.from({ length: 5_000 }, () => block.join('\n')).join('\n'))).toBeLessThan(2000);
  });

  it('label fragments without values, thousands in a row', () => {
    const text = `三、收到和处理政府信息公开申请情况\n${Array.from({ length: 20_000 }, (_, i) => LABELS[i % LABELS.length]!.slice(0, 3 + (i % 5))).join('\n')}`;
    expect(timed(text)).toBeLessThan(2000);
  });

  it('wide rows: thousands of cells on one line', () => {
    const wide = `（七）总计\t${Array.from({ length: 20_000 }, (_, i) => String(i % 3)).join('\t')}`;
    expect(timed(`三、收到和处理政府信息公开申请情况\n${wide}\n${wide.replace(/\t/g, '    ')}`)).toBeLessThan(2000);
  });

  it('any mixture of labels, numbers, separators and headings reads without throwing', () => {
    const piece = fc.constantFrom(...LABELS, '二、主动公开政府信息情况', '四、政府信息公开行政复议、行政诉讼情况', '第二十条第（一）项', '行政诉讼', '0', '17', '1700000017', '/', '—', '增加 2 个', '26158.97 万元', 'O', '、', '', ' ', '  ', '\t', '|', '|---|', '- 3 -', '字号 大 中 小', '⼈');
    const line = fc.array(piece, { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 80 }), (lines) => {
        const text = lines.join('\n');
        expect(timed(text)).toBeLessThan(2000);
        expect(timed(text, extractMarkdown)).toBeLessThan(2000);
      }),
      { numRuns: 150 },
    );
  });
});
