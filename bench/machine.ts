/** The machine a run is measured on, printed at the top of every run (figures mean little without it). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly freeGiB: number;
  readonly node: string;
  readonly load: readonly [number, number, number];
  readonly postgres: string | null;
}

export function machineInfo(): MachineInfo {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) cpuModel = line.split(':')[1]!.trim();
  } catch {
    // not Linux: os.cpus() is as good
  }
  const [l1, l5, l15] = loadavg();
  return {
    cpus: availableParallelism(),
    cpuModel,
    memoryGiB: totalmem() / 2 ** 30,
    freeGiB: freemem() / 2 ** 30,
    node: process.version,
    load: [l1!, l5!, l15!],
    postgres: postgresVersion(),
  };
}

function postgresVersion(): string | null {
  try {
    const bin = execFileSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1'], { encoding: 'utf8' }).trim();
    return bin ? execFileSync(`${bin}/postgres`, ['--version'], { encoding: 'utf8' }).trim() : null;
  } catch {
    return null;
  }
}

export function describeMachine(m: MachineInfo): string {
  return [
    `machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB.toFixed(1)} GiB memory (${m.freeGiB.toFixed(1)} GiB free), Node ${m.node}` +
      (m.postgres ? `, ${m.postgres}` : ''),
    `load average: ${m.load.map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min) — above ${m.cpus} means other work shares the CPUs`,
  ].join('\n');
}
