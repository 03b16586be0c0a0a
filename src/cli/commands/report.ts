import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { FORMAT_IDS, type FormatId } from '../../modules/annual-report/domain/formats/index.ts';
import type { Report } from '../../modules/annual-report/domain/report.ts';
import { closeRenderer, RENDER_FILE_TYPES, RENDER_TARGETS, renderReport, type RenderTarget } from '../../modules/annual-report/render/index.ts';
import { buildAllAnnualReports, buildAnnualReport } from '../../modules/annual-report/use-cases/build-annual-report.ts';
import { findAgencyByCode } from '../../modules/agencies/agencies.repository.ts';
import { CliExit } from '../exit.ts';
import { asCliExit, migrateOrExit, openConfiguredDatabase } from './migrate.ts';

interface BuildFlags {
  agency?: string;
  all?: boolean;
  year: string;
  format?: string;
  to: string;
  output?: string;
}

export function registerReport(program: Command): void {
  const report = program.command('report').description('年度报告：由本系统数据生成');
  report
    .command('build')
    .description('由申请、目录和复议诉讼数据生成年度报告（--agency 机关代码 或 --all）')
    .option('--agency <code>', '机关代码')
    .option('--all', '所有机关，每个机关一个文件写入 -o 指定的文件夹')
    .requiredOption('--year <year>', '报告年度，如 2024')
    .option('--format <format>', '报告格式：2019 或 2021（默认按年度）')
    .option('--to <target>', `输出：${RENDER_TARGETS.join('|')}`, 'json')
    .option('-o, --output <path>', '输出文件（--all 时为文件夹）')
    .action(async (flags: BuildFlags) => {
      if (Boolean(flags.agency) === Boolean(flags.all)) throw new CliExit(2, '请指定 --agency 机关代码 或 --all（二者选一）');
      if (!/^\d{4}$/.test(flags.year)) throw new CliExit(2, `--year 应为四位年份：${flags.year}`);
      const year = Number(flags.year);
      if (flags.format !== undefined && !FORMAT_IDS.includes(flags.format as FormatId)) throw new CliExit(2, `--format 只能是 2019 或 2021：${flags.format}`);
      const to = flags.to as RenderTarget;
      if (!RENDER_TARGETS.includes(to)) throw new CliExit(2, `--to 不支持“${flags.to}”，可选：${RENDER_TARGETS.join('、')}`);
      if (flags.all && !flags.output) throw new CliExit(2, '--all 需要 -o 指定输出文件夹');
      const format = flags.format as FormatId | undefined;

      const opened = openConfiguredDatabase();
      try {
        await migrateOrExit(opened);
        const db = opened.handle.db;
        if (flags.agency) {
          const agency = await findAgencyByCode(db, flags.agency);
          if (!agency) throw new CliExit(2, `没有机关代码为“${flags.agency}”的机关`);
          const built = await buildAnnualReport({ db }, { agencyId: agency.id, year, ...(format ? { format } : {}) });
          if (!built) throw new CliExit(2, `没有机关代码为“${flags.agency}”的机关`);
          const bytes = await renderReport(built, to);
          if (flags.output) {
            await writeFile(flags.output, bytes);
            process.stderr.write(`已写出 ${flags.output}\n`);
          } else process.stdout.write(bytes);
        } else {
          const reports = await buildAllAnnualReports({ db }, { year, ...(format ? { format } : {}) });
          await writeAll(reports, to, flags.output!);
        }
      } catch (error) {
        throw asCliExit(error, opened.shownUrl);
      } finally {
        await closeRenderer();
        await opened.handle.destroy();
      }
    });
}

async function writeAll(reports: ReadonlyMap<number, Report>, to: RenderTarget, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const bar = new cliProgress.SingleBar({ format: '生成报告 [{bar}] {value}/{total}', stream: process.stderr }, cliProgress.Presets.shades_classic);
  bar.start(reports.size, 0);
  for (const [agencyId, report] of reports) {
    const name = `${String(agencyId).padStart(5, '0')}-${(report.agency ?? 'agency').replace(/[\\/:*?"<>|\s]/g, '_')}-${report.year}.${RENDER_FILE_TYPES[to].extension}`;
    await writeFile(join(dir, name), await renderReport(report, to));
    bar.increment();
  }
  bar.stop();
  process.stderr.write(`已写出 ${reports.size} 份报告到 ${dir}\n`);
}
