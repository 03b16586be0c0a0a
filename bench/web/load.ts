/**
 * One load run: autocannon from this process against the server's loopback port, each request's path drawn fresh
 * (setupRequest), every response's latency kept so p50/p95/p99 are exact, not histogram buckets.
 */
import autocannon from 'autocannon';
import { quantile } from '../measure.ts';

export interface LoadRun {
  readonly label: string;
  readonly connections: number;
  readonly seconds: number;
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** responses other than the expected 200 */
  readonly bad: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly meanBytes: number;
  /** the share of responses the server says it served from its kept pages (X-Page-Cache: hit), when asked */
  readonly keptShare: number | null;
}

export interface LoadSpec {
  readonly label: string;
  readonly origin: string;
  readonly connections: number;
  readonly seconds: number;
  readonly warmUpSeconds: number;
  /** a fresh path (with query) for each request */
  readonly path: () => string;
  /** count the responses served from the server's kept pages (the X-Page-Cache header) */
  readonly countKept?: boolean;
}

async function cannon(
  spec: LoadSpec,
  seconds: number,
  onResponse?: (status: number, bytes: number, ms: number) => void,
  onHeaders?: (headers: Record<string, unknown>) => void,
) {
  const instance = autocannon({
    url: spec.origin,
    connections: spec.connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'GET',
        setupRequest: (req: object) => ({ ...req, path: spec.path() }),
        ...(onHeaders ? { onResponse: (_status: number, _body: unknown, _context: unknown, headers: Record<string, unknown>) => onHeaders(headers) } : {}),
      },
    ],
  });
  if (onResponse) instance.on('response', (_client: unknown, status: number, bytes: number, ms: number) => onResponse(status, bytes, ms));
  return instance;
}

export async function runLoad(spec: LoadSpec): Promise<LoadRun> {
  if (spec.warmUpSeconds > 0) await cannon(spec, spec.warmUpSeconds);
  const latencies: number[] = [];
  let bad = 0;
  let bytes = 0;
  let kept = 0;
  let told = 0;
  const started = performance.now();
  const countKept = spec.countKept
    ? (headers: Record<string, unknown>) => {
        told++;
        if ((headers['X-Page-Cache'] ?? headers['x-page-cache']) === 'hit') kept++;
      }
    : undefined;
  const result = await cannon(
    spec,
    spec.seconds,
    (status, size, ms) => {
      latencies.push(ms);
      bytes += size;
      if (status !== 200) bad++;
    },
    countKept,
  );
  const wall = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    label: spec.label,
    connections: spec.connections,
    seconds: wall,
    requests: latencies.length,
    perSecond: latencies.length / wall,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? NaN,
    bad,
    errors: result.errors,
    timeouts: result.timeouts,
    meanBytes: latencies.length ? bytes / latencies.length : 0,
    keptShare: spec.countKept && told > 0 ? kept / told : null,
  };
}
