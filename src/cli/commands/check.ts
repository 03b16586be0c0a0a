import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { tablesAsNumbers } from '../../modules/annual-report/domain/report.ts';
import type { Finding } from '../../modules/annual-report/domain/finding.ts';
import { checkReportFiles, countBySeverity, type CheckedReport } from '../../modules/annual-report/use-cases/check-reports.ts';
import { summaryCsv, summaryXlsx } from '../../modules/annual-report/use-cases/summarise-checks.ts';
import { CliExit } from '../exit.ts';
import { collectReportFiles } from './input-files.ts';

const SEVERITY_LABEL = { error: '错误', warning: '警告', notice: '提示' } as const;

interface CheckFlags {
  json?: boolean;
  summary?: string;
  consolidated?: string;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('检查年度报告（PDF、DOCX、HTML、文本、Markdown、JSON）；退出码 0 无错误，1 有错误，2 输入无法使用')
    .argument('<files...>', '报告文件或文件夹')
    .option('--json', '输出一个 JSON 文档')
    .option('--summary <file>', '批量检查汇总表（.csv 或 .xlsx）')
    .option('--consolidated <file>', '本级政府汇总报告：与其余报告之和核对')
    .action(async (paths: string[], flags: CheckFlags) => {
      if (flags.summary && !/\.(csv|xlsx)$/i.test(flags.summary)) {
        throw new CliExit(2, `--summary 只支持 .csv 或 .xlsx：${flags.summary}`);
      }
      const { files, missing } = await collectReportFiles(paths);
      const checked = await checkReportFiles(files, flags.consolidated ? { consolidated: flags.consolidated } : {});
      const all: CheckedReport[] = [...missing.map((m) => ({ ok: false as const, code: 'input.missing', ...m })), ...checked];
      process.stdout.write(flags.json ? toJson(all) : all.map(toText).join('\n'));
      if (flags.summary) {
        await writeFile(flags.summary, /\.xlsx$/i.test(flags.summary) ? await summaryXlsx(all) : summaryCsv(all));
      }
      process.exitCode = all.some((c) => !c.ok) ? 2 : all.some((c) => c.ok && c.findings.some((f) => f.severity === 'error')) ? 1 : 0;
    });
}

function toJson(all: readonly CheckedReport[]): string {
  const reports = all.map((c) =>
    c.ok
      ? {
          source: c.source,
          agency: c.report.agency,
          year: c.report.year,
          format: c.report.format,
          tables: tablesAsNumbers(c.report),
          findings: c.findings.map(findingJson),
        }
      : { source: c.source, error: { code: c.code, message: c.message } },
  );
  return JSON.stringify({ reports }, null, 2) + '\n';
}

function findingJson(f: Finding) {
  return { code: f.code, severity: f.severity, cells: f.cells, expected: f.expected, found: f.found, message: f.message, messageEn: f.messageEn };
}

function toText(c: CheckedReport): string {
  if (!c.ok) return `✗ ${c.source}\n  无法读取：${c.message}\n`;
  const r = c.report;
  const n = countBySeverity(c.findings);
  const head = `${r.agency ?? '（未识别机关）'} ${r.year ?? '（未识别年度）'}年度报告，${r.format}年格式 — ${c.source}`;
  const tally = `  错误 ${n.error}，警告 ${n.warning}，提示 ${n.notice}`;
  const lines = c.findings.map((f) => `  [${SEVERITY_LABEL[f.severity]}] ${f.code}：${f.message}`);
  return [head, tally, ...lines, ''].join('\n');
}
