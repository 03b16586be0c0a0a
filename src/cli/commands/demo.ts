import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { DEMO_PASSWORDS, DemoRefused, seedDemo, USE_CASE_LIMIT, type DemoSummary } from '../../modules/demo/seed-demo.ts';
import { ROLE_LABELS, ROLES } from '../../modules/accounts/policy.ts';
import { CliExit } from '../exit.ts';
import { asCliExit, migrateOrExit, openConfiguredDatabase } from './migrate.ts';

interface DemoFlags {
  agencies: string;
  applications: string;
  years?: string;
  seed: string;
}

const SHOWN_AGENCIES = 12;

function whole(name: string, value: string): number {
  if (!/^\d{1,9}$/.test(value.replace(/[_,]/g, ''))) throw new CliExit(2, `${name} 应为非负整数：${value}`);
  return Number(value.replace(/[_,]/g, ''));
}

function yearRange(value: string | undefined): [number, number] {
  if (value === undefined) {
    const year = new Date().getFullYear();
    return [year - 1, year];
  }
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(value.trim());
  if (!m) throw new CliExit(2, `--years 应写作 2023-2024 或 2024：${value}`);
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('生成示范数据：一个市、所属县区及部门，各角色的示范账号，主动公开目录和依申请公开件（DATABASE_URL 指定数据库）')
    .option('--agencies <n>', '机关数量', '5')
    .option('--applications <n>', '申请数量', '300')
    .option('--years <range>', '收到申请的年份范围，如 2023-2024（默认去年至今年）')
    .option('--seed <n>', '随机种子（相同种子生成相同数据）', '2019')
    .action(async (flags: DemoFlags) => {
      const agencies = whole('--agencies', flags.agencies);
      const applications = whole('--applications', flags.applications);
      const years = yearRange(flags.years);
      const seed = whole('--seed', flags.seed);
      const opened = openConfiguredDatabase();
      const bar = applications > USE_CASE_LIMIT ? new cliProgress.SingleBar({ format: '写入申请 [{bar}] {percentage}% | {value}/{total} | 剩余 {eta_formatted}', stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
      try {
        const applied = await migrateOrExit(opened);
        if (applied.length > 0) process.stdout.write(`已应用 ${applied.length} 个数据库迁移。\n`);
        bar?.start(applications, 0);
        const summary = await seedDemo(opened.handle.db, {
          agencies,
          applications,
          years,
          seed,
          ...(bar ? { onProgress: (done: number) => bar.update(done) } : {}),
        });
        bar?.stop();
        process.stdout.write(report(summary, opened.shownUrl));
      } catch (error) {
        bar?.stop();
        if (error instanceof DemoRefused) throw new CliExit(2, error.message);
        throw asCliExit(error, opened.shownUrl);
      } finally {
        await opened.handle.destroy();
      }
    });
}

function report(s: DemoSummary, url: string): string {
  const lines = [
    `示范数据已写入 ${url}（${s.seconds.toFixed(1)} 秒，${s.via === 'bulk' ? '批量写入' : '逐件经办理流程写入'}）：`,
    `  机关 ${s.agencies.length} 个，账号 ${s.users} 个，主动公开目录 ${s.catalogueItems} 条，申请 ${s.applications} 件`,
    '',
    '机关代码：',
    ...s.agencies.slice(0, SHOWN_AGENCIES).map((a) => `  ${a.code.padEnd(12)} ${a.name}`),
    ...(s.agencies.length > SHOWN_AGENCIES ? [`  ……共 ${s.agencies.length} 个机关（县区 3299NN，部门 机关代码-序号）`] : []),
    '',
    '示范账号（用户名为“机关代码-角色”，每个机关都有四个角色）：',
    ...s.logins.slice(0, 8).map((l) => `  ${l.username.padEnd(22)} 密码 ${l.password.padEnd(20)} ${ROLE_LABELS[l.role]}，${l.agencyName}`),
    '',
    `各角色密码：${ROLES.map((r) => `${ROLE_LABELS[r]} ${DEMO_PASSWORDS[r]}`).join('；')}。示范密码是公开的，请勿在正式环境使用。`,
    '',
  ];
  return lines.join('\n');
}
