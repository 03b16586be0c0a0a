import type { ExtractedDocument } from './document.ts';
import { gluedRun } from './reader/fragments.ts';
import { extractMarkdown, isPipeRow } from './markdown.ts';
import { extractText, splitLines } from './text.ts';

/** What kind of text a report came as: pipe tables, tab-separated cells, cells run together, or plain prose. */
export type TextKind = 'markdown' | 'tab' | 'run-together' | 'plain';

const TABLE_LABEL = /本年新收|上年结转|予以公开|部分公开|属于国家秘密|本机关不掌握|重复申请|其他处理|总计|结转下年度|规章|行政许可|行政处罚/;

export function detectTextKind(text: string): TextKind {
  const lines = splitLines(text).filter((l) => l.trim() !== '');
  const pipes = lines.filter(isPipeRow).length;
  const tabs = lines.filter((l) => l.includes('\t')).length;
  const glued = lines.filter((l) => l.length <= 2000 && TABLE_LABEL.test(l) && gluedRun(l.trim()) !== null).length;
  if (pipes >= 3 && pipes >= tabs) return 'markdown';
  if (tabs >= 3) return 'tab';
  if (glued >= 3) return 'run-together';
  return 'plain';
}

/** Text of any of these kinds → Lines (markdown through the pipe-table reader, the rest as plain text). */
export function extractAnyText(text: string): ExtractedDocument {
  return detectTextKind(text) === 'markdown' ? extractMarkdown(text) : extractText(text);
}
