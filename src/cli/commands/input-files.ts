import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportFile } from '../../modules/annual-report/use-cases/check-reports.ts';

const REPORT_EXTENSIONS = /\.(pdf|docx|html?|txt|md|markdown|json)$/i;

export interface MissingInput {
  readonly source: string;
  readonly message: string;
}

/** Files named on the command line; a folder stands for every report file in it (not recursive into hidden ones). */
export async function collectReportFiles(paths: readonly string[]): Promise<{ files: ReportFile[]; missing: MissingInput[] }> {
  const files: ReportFile[] = [];
  const missing: MissingInput[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) {
      missing.push({ source: path, message: `文件不存在：${path}` });
    } else if (info.isDirectory()) {
      const names = (await readdir(path, { recursive: true }))
        .map(String)
        .filter((n) => REPORT_EXTENSIONS.test(n) && !n.split(/[\\/]/).some((p) => p.startsWith('.')))
        .sort();
      if (names.length === 0) missing.push({ source: path, message: `文件夹中没有报告文件：${path}` });
      for (const name of names) files.push({ source: join(path, name), bytes: await readFile(join(path, name)) });
    } else {
      try {
        files.push({ source: path, bytes: await readFile(path) });
      } catch (error) {
        missing.push({ source: path, message: `无法读取 ${path}：${(error as NodeJS.ErrnoException).code ?? ''}` });
      }
    }
  }
  return { files, missing };
}
