/**
 * Lines that are not part of a report: page numbers printed between rows (-3-, - 4 -, 第3页), and the site
 * chrome crawlers keep around the body (breadcrumbs, 字号 大 中 小, 打印本页, share links).
 */

const PAGE_NUMBER = [
  /^[-－—–]\s*\d{1,3}\s*[-－—–]$/,
  /^第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?$/,
  /^\d{1,3}\s*\/\s*\d{1,3}$/,
  /^(page|Page)\s*\d{1,3}(\s*of\s*\d{1,3})?$/,
];

const CHROME = [
  /^字号[:：]?\s*([大中小]\s*)+$/,
  /^[【[]?\s*字体[:：]?\s*([大中小]\s*)+[】\]]?$/,
  /打印本页|打印此页|关闭窗口|关闭本页|【打印】|【关闭】|\[打印\]|\[关闭\]/,
  /^(分享到|分享)[:：]?/,
  /扫一扫|在手机打开|手机扫码/,
  /^(当前位置|您当前的位置|您的位置|所在位置)[:：]/,
  /^首页\s*[>＞»›]/,
  /^(浏览次数|阅读次数|访问量|点击数)[:：]/,
  /^(来源|发布时间|发布日期|信息来源)[:：].{0,40}$/,
  /^(上一篇|下一篇)[:：]/,
  /^(网站地图|联系我们|网站标识码|主办单位|承办单位|ICP备|京ICP|政府网站标识码)/,
  /^(【|\[)?\s*(大|中|小)\s*(】|\])?(\s*(【|\[)?\s*(大|中|小)\s*(】|\])?){2}$/,
];

export function isPageNumber(line: string): boolean {
  const t = line.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

export function isChrome(line: string): boolean {
  const t = line.replace(/\u00a0|\u3000/g, ' ').trim();
  if (t.length > 60) return false;
  return CHROME.some((re) => re.test(t));
}
