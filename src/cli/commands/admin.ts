/**
 * Setting up a real deployment from the command line, as the operator: `gongkai agency create` (a government or a
 * department, below a parent by code), `gongkai user create` (the first administrator of an agency; others are then
 * created in the office) and `gongkai audit verify` (the hash chain of the audit log). They act as gongkai itself
 * (the system actor), so the use cases' checks and the audit log apply as for any other caller.
 */
import { randomInt } from 'node:crypto';
import type { Command } from 'commander';
import { isAppError, type AppError } from '../../errors.ts';
import { ROLES, type Role, type SystemActor } from '../../modules/accounts/policy.ts';
import { createUser } from '../../modules/accounts/use-cases/create-user.ts';
import { findAgencyByCode } from '../../modules/agencies/agencies.repository.ts';
import { createAgency } from '../../modules/agencies/use-cases/create-agency.ts';
import { verifyAuditChain } from '../../modules/audit/audit.repository.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { CliExit } from '../exit.ts';
import { asCliExit, migrateOrExit, openConfiguredDatabase } from './migrate.ts';

const CLI: SystemActor = { kind: 'system', name: 'cli' };

/** An AppError as exit code 2 with every field named, e.g. `password: 密码至少12个字符`. */
function refused(error: AppError): CliExit {
  const issues = error.details['issues'];
  const lines = Array.isArray(issues)
    ? issues.map((i: { path?: string; message?: string }) => `  ${i.path ?? ''}：${i.message ?? ''}`)
    : typeof error.details['field'] === 'string'
      ? [`  ${error.details['field']}：${error.message}`]
      : [];
  return new CliExit(2, lines.length > 0 ? ['输入有误，请检查：', ...lines].join('\n') : error.message);
}

async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const opened = openConfiguredDatabase();
  try {
    await migrateOrExit(opened);
    return await work(opened.handle);
  } catch (error) {
    if (isAppError(error)) throw refused(error);
    throw asCliExit(error, opened.shownUrl);
  } finally {
    await opened.handle.destroy();
  }
}

const clock = { now: () => new Date() };

async function agencyIdOf(handle: DatabaseHandle, code: string, option: string): Promise<number> {
  const agency = await findAgencyByCode(handle.db, code.trim());
  if (!agency) throw new CliExit(2, `${option}：找不到代码为“${code}”的机关（先用 gongkai agency create 创建）`);
  return agency.id;
}

/** Reads the first line of standard input (the password, piped so it is not in the process list). */
async function firstLineOfStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliExit(2, '--password-stdin：请通过管道提供密码，例如 printf %s "$PASSWORD" | gongkai user create …');
  let data = '';
  for await (const chunk of process.stdin) {
    data += String(chunk);
    if (data.length > 10_000) throw new CliExit(2, '--password-stdin：输入过长');
  }
  return data.split(/\r?\n/, 1)[0] ?? '';
}

const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function generatedPassword(): string {
  let out = '';
  for (let i = 0; i < 20; i++) out += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]!;
  return out;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerAdmin(program: Command): void {
  const agency = program.command('agency').description('机关管理');
  agency
    .command('create')
    .description('创建机关（人民政府或政府部门）；退出码 0 成功，2 输入有误')
    .requiredOption('--code <code>', '机关代码（字母、数字和连字符），门户网址 /a/<code>')
    .requiredOption('--name <name>', '机关名称')
    .requiredOption('--kind <kind>', 'government（人民政府）或 department（政府部门）')
    .requiredOption('--level <level>', 'national、provincial、municipal、county 或 township')
    .option('--parent <code>', '上级机关的代码')
    .requiredOption('--region <code>', '行政区划代码（6位），如 320800')
    .action(async (flags: { code: string; name: string; kind: string; level: string; parent?: string; region: string }) => {
      await withDatabase(async (handle) => {
        const parentId = flags.parent === undefined ? null : await agencyIdOf(handle, flags.parent, '--parent');
        const created = await createAgency(
          { db: handle.db, actor: CLI, clock },
          // the use case's schema checks the values and names the field
          { code: flags.code, name: flags.name, kind: flags.kind as 'government', level: flags.level as 'county', parentId, regionCode: flags.region },
        );
        process.stdout.write(`已创建机关：${created.name}（代码 ${created.code}，编号 ${created.id}）\n`);
      });
    });

  const user = program.command('user').description('用户管理');
  user
    .command('create')
    .description('创建工作人员账号（例如机关的第一个管理员）；退出码 0 成功，2 输入有误')
    .requiredOption('--username <name>', '登录用户名')
    .requiredOption('--name <name>', '姓名')
    .requiredOption('--agency <code>', '机关代码')
    .option('--role <role>', `角色，可重复：${ROLES.join('、')}`, collect, [])
    .option('--password-stdin', '从标准输入读取密码（否则生成一个随机密码并显示一次）')
    .action(async (flags: { username: string; name: string; agency: string; role: string[]; passwordStdin?: boolean }) => {
      const roles = flags.role.length === 0 ? ['admin'] : flags.role;
      const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (unknown.length > 0) throw new CliExit(2, `--role：未知角色 ${unknown.join('、')}（可选：${ROLES.join('、')}）`);
      const password = flags.passwordStdin ? await firstLineOfStdin() : generatedPassword();
      await withDatabase(async (handle) => {
        const agencyId = await agencyIdOf(handle, flags.agency, '--agency');
        const created = await createUser(
          { db: handle.db, actor: CLI, clock },
          { username: flags.username, displayName: flags.name, password, roles: roles.map((role) => ({ agencyId, role: role as Role })) },
        );
        process.stdout.write(`已创建用户：${created.username}（${roles.join('、')}，机关 ${flags.agency}）\n`);
        if (!flags.passwordStdin) process.stdout.write(`初始密码（只显示这一次，请登录后修改）：${password}\n`);
      });
    });

  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志的哈希链；退出码 0 完好，1 发现篡改，2 出错')
    .option('--agency <code>', '只校验这个机关的链（默认全部）')
    .action(async (flags: { agency?: string }) => {
      await withDatabase(async (handle) => {
        const agencyId = flags.agency === undefined ? undefined : await agencyIdOf(handle, flags.agency, '--agency');
        const result = await verifyAuditChain(handle.db, agencyId);
        if (result.ok) {
          process.stdout.write(`审计日志完好：已校验 ${result.checked} 条记录。\n`);
          return;
        }
        const b = result.firstBroken;
        process.stdout.write(`审计日志被篡改：${b ? `机关编号 ${b.agencyId}，序号 ${b.seq ?? '（链尾）'}，记录编号 ${b.id ?? '—'}：${b.message}` : '链不完整'}（已校验 ${result.checked} 条）\n`);
        process.exitCode = 1;
      });
    });
}
