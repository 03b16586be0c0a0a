/**
 * `gongkai jobs lapse`: the lapse job on demand (the server runs it daily), as gongkai itself. Prints what lapsed and
 * the letters issued. Exit 0 done, 1 done but a letter could not be issued (the office's letters page issues it
 * later), 2 bad input or an unusable database.
 */
import type { Command } from 'commander';
import { ConfigError, getConfig } from '../../config/config.ts';
import { isAppError } from '../../errors.ts';
import { runLapseJob, type LapsedApplication } from '../../jobs/lapse-job.ts';
import type { SystemActor } from '../../modules/accounts/policy.ts';
import { findAgencyByCode } from '../../modules/agencies/agencies.repository.ts';
import { systemClock, type Clock } from '../../modules/applications/use-cases/context.ts';
import { isIsoDate } from '../../modules/calendar/domain/iso-date.ts';
import { loadCalendar } from '../../modules/calendar/load-calendar.ts';
import { CliExit } from '../exit.ts';
import { asCliExit, migrateOrExit, openConfiguredDatabase } from './migrate.ts';

const CLI: SystemActor = { kind: 'system', name: 'cli' };

const WHAT: Readonly<Partial<Record<LapsedApplication['event'], string>>> = {
  supplementLapsed: '逾期未补正，视为放弃申请（《条例》第三十条）',
  feeLapsed: '逾期未缴纳信息处理费，视为放弃申请（《政府信息公开信息处理费管理办法》）',
  consultationLapsed: '征求意见逾期未答复，继续办理（《条例》第三十二条、第三十四条）',
};

/** The clock of the run: the configured time zone's today, or `--today` (a past day only: lapses are never dated ahead). */
function clockFor(todayFlag: string | undefined, timeZone: string): Clock {
  const real = systemClock(timeZone);
  if (todayFlag === undefined) return real;
  const today = todayFlag.trim();
  if (!isIsoDate(today)) throw new CliExit(2, `--today：“${todayFlag}”不是有效日期，请写作 YYYY-MM-DD，如 2025-03-10`);
  if (today > real.today()) throw new CliExit(2, `--today：${today} 晚于今天（${real.today()}）；不能提前认定逾期`);
  return { now: real.now, today: () => today };
}

export function registerJobs(program: Command): void {
  const jobs = program.command('jobs').description('定时任务（网站每天自动运行，也可在此手动运行）');
  jobs
    .command('lapse')
    .description('认定期限届满的申请：逾期未补正、逾期未缴费视为放弃申请并出具告知书，征求意见逾期继续办理；退出码 0 完成，1 有告知书未能出具，2 输入有误')
    .option('--agency <code>', '只处理这个机关的申请（默认全部机关）')
    .option('--today <date>', '按这一天判断期限（YYYY-MM-DD，不晚于今天；默认今天）')
    .action(async (flags: { agency?: string; today?: string }) => {
      let timeZone: string;
      try {
        timeZone = getConfig().timeZone;
      } catch (error) {
        if (error instanceof ConfigError) throw new CliExit(2, error.message);
        throw error;
      }
      const clock = clockFor(flags.today, timeZone);
      const opened = openConfiguredDatabase();
      try {
        await migrateOrExit(opened);
        const db = opened.handle.db;
        let agencyId: number | undefined;
        if (flags.agency !== undefined) {
          const agency = await findAgencyByCode(db, flags.agency.trim());
          if (!agency) throw new CliExit(2, `--agency：找不到代码为“${flags.agency}”的机关`);
          agencyId = agency.id;
        }
        const report = await runLapseJob({ db, actor: CLI, clock, calendar: loadCalendar() }, agencyId === undefined ? {} : { agencyId });
        const out = process.stdout;
        out.write(`期限检查（${report.today}）：${report.checked} 件申请在等待补正、缴费或第三方意见。\n`);
        for (const l of report.lapsed) {
          const letters = l.letters.length > 0 ? `；已出具${l.letters.map((x) => x.title).join('、')}` : '';
          out.write(`  ${l.trackingCode}（申请编号 ${l.applicationId}）：${WHAT[l.event] ?? l.event}，自 ${l.on} 起${letters}\n`);
        }
        const letters = report.lapsed.reduce((n, l) => n + l.letters.length, 0);
        out.write(report.lapsed.length === 0 ? '没有期限届满的申请。\n' : `共 ${report.lapsed.length} 件，出具告知书 ${letters} 份。\n`);
        if (report.lapseFailures.length > 0) {
          for (const f of report.lapseFailures) process.stderr.write(`gongkai: 申请编号 ${f.applicationId} 未能检查期限：${f.message}\n`);
          process.exitCode = 1;
        }
        if (report.letterFailures.length > 0) {
          for (const f of report.letterFailures) process.stderr.write(`gongkai: 申请编号 ${f.applicationId} 的告知书未能出具：${f.message}\n`);
          process.stderr.write('gongkai: 可在办公系统该申请的“告知书”页面补发。\n');
          process.exitCode = 1;
        }
      } catch (error) {
        if (isAppError(error)) throw new CliExit(2, error.message);
        throw asCliExit(error, opened.shownUrl);
      } finally {
        await opened.handle.destroy();
      }
    });
}
