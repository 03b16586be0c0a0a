import { Command, CommanderError } from 'commander';
import { registerAdmin } from './commands/admin.ts';
import { registerCheck } from './commands/check.ts';
import { registerConvert } from './commands/convert.ts';
import { registerDemo } from './commands/demo.ts';
import { registerJobs } from './commands/jobs.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerReport } from './commands/report.ts';
import { registerServe } from './commands/serve.ts';
import { CliExit } from './exit.ts';

/** The `gongkai` command. Returns the process exit code; never lets a stack trace reach the user. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('gongkai')
    .description('gongkai 政府信息公开平台：年度报告检查、转换与服务')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerCheck(program);
  registerConvert(program);
  registerServe(program);
  registerMigrate(program);
  registerDemo(program);
  registerReport(program);
  registerAdmin(program);
  registerJobs(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CliExit) {
      if (error.message) process.stderr.write(`gongkai: ${error.message}\n`);
      return error.code;
    }
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`gongkai: 内部错误：${(error as Error).message}\n`);
    return 70;
  }
}
