/**
 * The benchmarks: `npm run bench -- [name...] [--scale small|full] [--explain]`. Each generates its data at the
 * named scale, measures, and prints its figures with the machine they ran on. Nothing here is a test: no figure
 * fails a build. See docs/benchmarks.md for the figures and how to read them.
 */
import { Command, Option } from 'commander';
import { stopPostgresServer } from './databases.ts';
import { ingest } from './ingest.ts';
import { intake } from './intake.ts';
import { describeMachine, machineInfo } from './machine.ts';
import { line, ms, timed, type Benchmark, type Scale } from './measure.ts';
import { reportBuild } from './report-build.ts';
import { web } from './web.ts';

const BENCHMARKS: readonly Benchmark[] = [reportBuild, intake, ingest, web];

const program = new Command('bench')
  .description('gongkai benchmarks')
  .argument('[names...]', `benchmarks to run (default all): ${BENCHMARKS.map((b) => b.name).join(', ')}`)
  .addOption(new Option('--scale <scale>', 'data size').choices(['small', 'full']).default('full'))
  .option('--explain', 'print query plans even when the goals are met', false)
  .action(async (names: string[], flags: { scale: Scale; explain: boolean }) => {
    const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
    if (unknown.length > 0) {
      console.error(`unknown benchmark: ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
      process.exitCode = 2;
      return;
    }
    const chosen = names.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => names.includes(b.name));
    line(describeMachine(machineInfo()));
    line(`scale: ${flags.scale}; started ${new Date().toISOString()}`);
    try {
      for (const b of chosen) {
        line(`\n=== ${b.name}: ${b.title}`);
        const { ms: took } = await timed(() => b.run(flags.scale, { explain: flags.explain }));
        line(`(${b.name} took ${ms(took)}; load average now ${machineInfo().load.map((l) => l.toFixed(2)).join(' ')})`);
      }
    } finally {
      stopPostgresServer();
    }
  });

await program.parseAsync(process.argv);
