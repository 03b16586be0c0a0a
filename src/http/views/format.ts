/** How dates and codes are printed for people. */

/** 2026-11-25 → 2026年11月25日; anything else is printed as given. */
export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** ABCD2345EFGH → ABCD-2345-EFGH: easier to read out and type back (the lookup ignores the hyphens). */
export function groupCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
