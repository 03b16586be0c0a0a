/** Tables several corpus documents print, as a person reads them (tokens as in expect.ts). */

/** The 2021 table 三 most tab variants print (a county bureau's 2022 report): 18 received, 2 carried in and out. */
export const T3_2021: Record<string, string> = {
  received: '15 2 0 0 1 0 18',
  carriedIn: '2 0 0 0 0 0 2',
  disclosed: '6 1 0 0 0 0 7',
  partlyDisclosed: '2 0 0 0 0 0 2',
  'withheld.thirdParty': '1 0 0 0 0 0 1',
  'withheld.processInfo': '1 0 0 0 0 0 1',
  'unavailable.notHeld': '3 1 0 0 1 0 5',
  'notHandled.repeat': '1 0 0 0 0 0 1',
  'other.noSupplement': '1 0 0 0 0 0 1',
  handledTotal: '15 2 0 0 1 0 18',
  carriedOut: '2 0 0 0 0 0 2',
};
export const T2_2021: Record<string, string> = {
  rules: '0 0 0',
  normativeDocs: '3 1 25',
  licensing: '125',
  penalties: '37',
  compulsion: '2',
  fees: '12.5',
};
export const T4 = '1 0 0 1 2 | 0 1 0 0 1 | 0 0 0 0 0';

/** Table 三 without the 2021 （六） rows, for a report printing the 2019 table. */
export function withoutOther(rows: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(rows).filter(([k]) => !k.startsWith('other.')));
}
