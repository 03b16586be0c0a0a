/**
 * 行政区划代码 (GB/T 2260): six digits, two for the province, two for the prefecture, two for the county.
 * 110000 is 北京市, 320800 淮安市, 320803 淮安区. Checked for shape and a real province prefix only: the full
 * list of codes changes every year (the Ministry of Civil Affairs publishes it) and is not bundled.
 */

/** Provinces, autonomous regions and municipalities (GB/T 2260), 71 Taiwan, 81 Hong Kong, 82 Macao. */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export type RegionLevel = 'provincial' | 'municipal' | 'county';

export type RegionCodeProblem = 'format' | 'province' | 'structure';

export const REGION_CODE_MESSAGES: Readonly<Record<RegionCodeProblem, string>> = {
  format: '行政区划代码应为6位数字，例如 320800',
  province: '行政区划代码前两位不是有效的省级代码',
  structure: '行政区划代码不成立：地市位为00时，县级位也应为00',
};

/** Null when the code is well formed, else what is wrong with it. */
export function regionCodeProblem(code: string): RegionCodeProblem | null {
  if (!/^\d{6}$/.test(code)) return 'format';
  if (!PROVINCE_CODES.has(code.slice(0, 2))) return 'province';
  if (code.slice(2, 4) === '00' && code.slice(4) !== '00') return 'structure';
  return null;
}

/** The level a well-formed code names: XX0000 a province, XXYY00 a prefecture-level city, XXYYZZ a county. */
export function regionLevel(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'provincial';
  if (code.endsWith('00')) return 'municipal';
  return 'county';
}

/** Whether `inner` lies inside `outer` (a county inside its city, a city inside its province; or the same code). */
export function regionContains(outer: string, inner: string): boolean {
  const prefix = outer.endsWith('0000') ? outer.slice(0, 2) : outer.endsWith('00') ? outer.slice(0, 4) : outer;
  return inner.startsWith(prefix);
}
