/**
 * ingest (the annual-report checker): per-report time of extractPdf on the real published fixture and on generated
 * reports, against poppler's `pdftotext -layout` on the same files (a whole process each time, as design.md
 * measured it; goal: within 2x); the whole ingest (file → Report) per report for PDF, text, HTML and DOCX; and the
 * wall time of `gongkai check` on a folder of generated reports.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ingestReport } from '../src/modules/annual-report/ingest/index.ts';
import { extractPdf } from '../src/modules/annual-report/ingest/pdf.ts';
import { closeRenderer, renderReport, type RenderTarget } from '../src/modules/annual-report/render/index.ts';
import { generatedReport } from './generate/reports.ts';
import { count, line, median, ms, repeat, spread, timed, verdict, type Benchmark, type Scale } from './measure.ts';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '..');
const REAL_PDF = resolve(REPO, '../shared/fixtures/real/huaian-city-2024.pdf');
const GOAL_VS_POPPLER = 2;

interface IngestScale {
  /** Measured runs per file. */
  readonly runs: number;
  /** Generated reports in the folder given to `gongkai check`; formats take turns (pdf, docx, html, text). */
  readonly folder: number;
  /** How many of the generated PDFs are measured one by one against pdftotext. */
  readonly pdfs: number;
  /** How many reports of each format are measured one by one for the ingest time. */
  readonly perFormat: number;
}

const SCALES: Readonly<Record<Scale, IngestScale>> = {
  small: { runs: 5, folder: 20, pdfs: 2, perFormat: 3 },
  full: { runs: 10, folder: 200, pdfs: 3, perFormat: 5 },
};
const FOLDER_FORMATS: readonly [RenderTarget, string][] = [['pdf', 'pdf'], ['docx', 'docx'], ['html', 'html'], ['text', 'txt']];

export const ingest: Benchmark = {
  name: 'ingest',
  title: `extractPdf vs pdftotext -layout (goal <= ${GOAL_VS_POPPLER}x), ingest per report by format, gongkai check on a folder`,
  async run(scale) {
    const s = SCALES[scale];
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-ingest-'));
    try {
      if (existsSync(REAL_PDF)) await pdfAgainstPoppler(REAL_PDF, s.runs);
      else line(`real fixture not found (${REAL_PDF}): skipped`);

      const generation = await timed(() => renderFolder(dir, s.folder));
      line(`generated folder: ${count(s.folder)} reports (${FOLDER_FORMATS.map(([t]) => t).join(', ')} in turn), rendered in ${ms(generation.ms)}`);
      const files = generation.value;
      for (const file of files.filter((f) => f.endsWith('.pdf')).slice(0, s.pdfs)) await pdfAgainstPoppler(file, s.runs);
      await ingestByFormat(files, s);
      await checkFolder(dir, s.folder);
    } finally {
      await closeRenderer();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

async function renderFolder(dir: string, n: number): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const [target, extension] = FOLDER_FORMATS[i % FOLDER_FORMATS.length]!;
    const file = join(dir, `report-${String(i + 1).padStart(3, '0')}.${extension}`);
    writeFileSync(file, await renderReport(generatedReport(i + 1), target));
    files.push(file);
  }
  return files;
}

async function pdfAgainstPoppler(file: string, runs: number): Promise<void> {
  const bytes = readFileSync(file);
  const pages = (await run('pdfinfo', [file])).stdout.match(/^Pages:\s+(\d+)/m)?.[1] ?? '?';
  const ours = await repeat(runs, () => extractPdf(bytes), 2);
  const poppler = await repeat(runs, () => run('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 2 ** 20 }), 1);
  const ratio = median(ours) / median(poppler);
  // On a shared machine the fastest runs are the least disturbed: their ratio is printed beside the medians'.
  const best = Math.min(...ours) / Math.min(...poppler);
  line(`${basename(file)} (${pages} pages, ${Math.round(bytes.length / 1024)} KB):`);
  line(`  extractPdf:                     ${spread(ours)}`);
  line(`  pdftotext -layout (process):    ${spread(poppler)}`);
  line(`  ratio of medians ${ratio.toFixed(2)}x, of fastest runs ${best.toFixed(2)}x — goal <= ${GOAL_VS_POPPLER}x ${verdict(ratio <= GOAL_VS_POPPLER)}`);
}

/** The whole ingest (detect, extract, read the tables) per report, for each kind of file in the folder. */
async function ingestByFormat(files: readonly string[], s: IngestScale): Promise<void> {
  line(`ingestReport (file bytes → Report), per report, ${s.perFormat} reports of each format x ${s.runs} runs:`);
  for (const [, extension] of FOLDER_FORMATS) {
    const sample = files.filter((f) => f.endsWith(`.${extension}`)).slice(0, s.perFormat);
    const times: number[] = [];
    for (const file of sample) {
      const bytes = readFileSync(file);
      times.push(...(await repeat(s.runs, () => ingestReport(bytes, basename(file)), 2)));
    }
    line(`  ${extension.padEnd(5)} ${spread(times)}`);
  }
}

/** `gongkai check FOLDER --json` as a user runs it (a new process, start-up included). */
async function checkFolder(dir: string, n: number): Promise<void> {
  const result = await timed(
    () =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
        const child = spawn(process.execPath, [join(REPO, 'bin/gongkai.js'), 'check', dir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('close', (code) => done({ code, stdout, stderr }));
      }),
  );
  const { code, stdout, stderr } = result.value;
  let summary: string;
  try {
    const reports = (JSON.parse(stdout) as { reports: { error?: unknown; findings?: { severity: string }[] }[] }).reports;
    const unreadable = reports.filter((r) => r.error).length;
    const errors = reports.reduce((k, r) => k + (r.findings ?? []).filter((f) => f.severity === 'error').length, 0);
    const warnings = reports.reduce((k, r) => k + (r.findings ?? []).filter((f) => f.severity === 'warning').length, 0);
    summary = `${count(reports.length)} reports read, ${unreadable} unreadable, ${errors} error and ${warnings} warning findings (all generated reports are consistent)`;
  } catch {
    summary = `exit code ${code}; output was not JSON: ${stderr.slice(0, 300)}`;
  }
  line(`gongkai check on ${count(n)} reports: ${ms(result.ms)} wall (${ms(result.ms / n)} per report, process start-up included); ${summary}`);
}
