import { checkConsolidated, checkReport, checkSeries } from '../domain/checks/index.ts';
import { SEVERITY_ORDER, type Finding, type Severity } from '../domain/finding.ts';
import { normaliseLabel } from '../domain/labels.ts';
import type { Report } from '../domain/report.ts';
import { ingestReport, UnreadableInput, type SourceKind } from '../ingest/index.ts';

export interface ReportFile {
  /** Where it came from (a path or an upload's file name), shown to the user. */
  readonly source: string;
  readonly bytes: Uint8Array;
}

export type CheckedReport =
  | {
      readonly ok: true;
      readonly source: string;
      readonly kind: SourceKind;
      readonly report: Report;
      readonly findings: readonly Finding[];
    }
  | { readonly ok: false; readonly source: string; readonly code: string; readonly message: string };

export interface CheckOptions {
  /** The source of the government's consolidated report, checked against the sum of all the others. */
  readonly consolidated?: string;
}

/**
 * Reads and checks a batch of published reports. Reports of one agency for consecutive years are also checked
 * against each other (cross-year rules); a consolidated report is checked against the reports below it.
 */
export async function checkReportFiles(files: readonly ReportFile[], options: CheckOptions = {}): Promise<CheckedReport[]> {
  const read: CheckedReport[] = [];
  for (const file of files) read.push(await readOne(file));

  const findings = new Map<string, Finding[]>();
  for (const r of read) if (r.ok) findings.set(r.source, [...checkReport(r.report)]);

  for (const series of seriesByAgency(read)) {
    for (let i = 1; i < series.length; i++) {
      const [prev, cur] = [series[i - 1]!, series[i]!];
      if (cur.report.year === (prev.report.year ?? NaN) + 1) {
        findings.get(cur.source)!.push(...checkSeries([prev.report, cur.report]));
      }
    }
  }

  if (options.consolidated) {
    const parent = read.find((r) => r.ok && r.source === options.consolidated);
    if (parent?.ok) {
      const children = read.filter((r): r is Extract<CheckedReport, { ok: true }> => r.ok && r !== parent);
      findings.get(parent.source)!.push(...checkConsolidated(parent.report, children.map((c) => c.report)));
    }
  }

  return read.map((r) => (r.ok ? { ...r, findings: sortFindings(findings.get(r.source)!) } : r));
}

async function readOne(file: ReportFile): Promise<CheckedReport> {
  try {
    const { report, kind } = await ingestReport(file.bytes, file.source);
    return { ok: true, source: file.source, kind, report, findings: [] };
  } catch (error) {
    if (error instanceof UnreadableInput) return { ok: false, source: file.source, code: error.code, message: error.message };
    return { ok: false, source: file.source, code: 'unreadable.corrupt', message: `文件无法读取：${(error as Error).message}` };
  }
}

function seriesByAgency(read: readonly CheckedReport[]) {
  const groups = new Map<string, Array<Extract<CheckedReport, { ok: true }>>>();
  for (const r of read) {
    if (!r.ok || !r.report.agency || r.report.year === null) continue;
    const key = normaliseLabel(r.report.agency);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => (a.report.year ?? 0) - (b.report.year ?? 0)));
}

function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
