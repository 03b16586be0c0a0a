import type { Finding } from '../finding.ts';
import type { Report } from '../report.ts';
import { finding } from './codes.ts';
import { narrativeSentences } from './sentences.ts';

/** Plans for the coming year ("2021年，我局将…") and looks back ("自2008年以来") do not say which year is reported. */
const NOT_THIS_YEAR = /将|计划|拟|预计|力争|下一步|明年|以来|截至|截止/;

/**
 * The year the prose mostly speaks of, counting "2020年" mentions outside plans, look-backs, dates (2021年1月) and
 * titles of documents (《2020年政务公开工作要点》); null when no year clearly dominates.
 */
export function narrativeYear(report: Report, reportYear: number | null): { year: number; count: number } | null {
  const counts = new Map<number, number>();
  for (const s of narrativeSentences(report)) {
    if (NOT_THIS_YEAR.test(s.text)) continue;
    const text = s.text.replace(/《[^》]*》/g, '');
    for (const m of text.matchAll(/(20\d{2})年(?!\d{1,2}月)/g)) {
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const [top, second] = ranked;
  if (!top || top[1] < 2 || (second && second[1] === top[1])) return null;
  const own = reportYear === null ? 0 : (counts.get(reportYear) ?? 0);
  // Only a clear majority counts: a report on 2020 may well speak of the 2021 budget now and then.
  if (top[0] !== reportYear && own * 2 >= top[1]) return null;
  return { year: top[0], count: top[1] };
}

export function checkNarrativeYear(report: Report, year: number | null): Finding[] {
  if (year === null) return [];
  const main = narrativeYear(report, year);
  if (!main || main.year === year) return [];
  return [
    finding('narrative.yearMismatch', {
      cells: [],
      expected: year,
      found: main.year,
      message: `报告年度为${year}年，但正文主要讲的是${main.year}年（提到${main.count}次），请核对是否沿用了其他年度的文字`,
      messageEn: `the report is on ${year} but its text mostly speaks of ${main.year} (${main.count} mentions)`,
    }),
  ];
}
