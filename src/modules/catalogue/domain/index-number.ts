/**
 * Art. 12 索引号: "<agency code>/<year>-<5-digit sequence>", e.g. FGW/2024-00017. The sequence is per agency and
 * year, handed out by the repository inside the creating transaction (so two clerks never get the same one).
 */
export function formatIndexNumber(agencyCode: string, year: number, seq: number): string {
  return `${agencyCode}/${year}-${String(seq).padStart(5, '0')}`;
}
