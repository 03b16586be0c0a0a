/**
 * Label normalisation shared by every ingest path: NFKC (full-width brackets, CJK radicals from
 * browser-printed PDFs), no spaces, unified punctuation, so that （一）予以公开 and (一) 予以公开 compare equal.
 */

/** Radicals that NFKC leaves alone but Chromium-printed PDFs use in place of the ideograph. */
const RADICALS: Record<string, string> = {
  '\u2e8f': '尢',
  '\u2ea0': '民',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ed4': '长',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2ede': '食',
  '\u2ee0': '饣',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2eea': '黄',
  '\u2ef2': '龟',
  '\u2ecf': '阝',
  '\u2ed6': '阝',
  '\u2eab': '罒',
  '\u2ebc': '月',
  '\u2ec4': '西',
  '\u2ecc': '辶',
  '\u2ecd': '辶',
  '\u2e9d': '月',
  '\u2e9f': '母',
  '\u2ea7': '牛',
  '\u2eb2': '罒',
  '\u2ec1': '虎',
  '\u2ec8': '讠',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ed0': '钅',
  '\u2ed1': '长',
  '\u2ed7': '雨',
  '\u2ed8': '青',
  '\u2edd': '食',
  '\u2ee9': '黄',
};

/** Normalises printed text: NFKC plus the radical map. Keeps spaces and line breaks. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2e80-\u2eff]/g, (ch) => RADICALS[ch] ?? ch)
    .replace(/[\u200b-\u200d\ufeff]/g, '').replace(/\u00a0|\u3000/g, ' ');
}

/** A label reduced to what identifies it: no spaces, half-width brackets, unified quotes and list markers. */
export function normaliseLabel(text: string): string {
  return normaliseText(text)
    .replace(/\s+/g, '')
    .replace(/[“”"「」『』]/g, '"')
    .replace(/[、．.]/g, '.')
    .replace(/[:：]/g, ':')
    .replace(/[,，]/g, ',')
    .replace(/[;；]/g, ';')
    .replace(/[【[]/g, '(')
    .replace(/[】\]]/g, ')');
}

/** The label with its leading numbering (一、 （一） 1. (1) ①) removed, for matching on the words alone. */
export function stripMarker(label: string): string {
  return label.replace(/^(\(?[一二三四五六七八九十]+\)?\.?|\(?\d+\)?\.?|[①-⑳])/, '');
}
