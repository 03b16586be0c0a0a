/**
 * One submitting process of the multi-process intake run: opens the SQLite file, warms up, says `ready`, waits for
 * `go` (with the deadline), submits until then, and sends back its latencies.
 * argv: DATABASE_URL, agency ids (comma-separated), concurrency, seed.
 */
import { createDatabase } from '../src/db/database.ts';
import { portalContext, submitUntil } from './intake-submitters.ts';

const [url, ids, concurrency, seed] = process.argv.slice(2);
const handle = createDatabase(url!);
const ctx = portalContext(handle.db);
const agencyIds = ids!.split(',').map(Number);
await submitUntil(ctx, agencyIds, 1, Date.now() + 200, Number(seed) + 999); // warm-up: module loading, first queries
process.send!({ ready: true });
process.once('message', async (message: { deadline: number }) => {
  const result = await submitUntil(ctx, agencyIds, Number(concurrency), message.deadline, Number(seed));
  await handle.destroy();
  process.send!({ result }, () => process.exit(0));
});
