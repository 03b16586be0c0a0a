/**
 * A separate process appending to one audit chain, for the concurrency test:
 *   node --import tsx test/support/append-audit-worker.ts DATABASE_URL AGENCY_ID COUNT LABEL
 */
import { createDatabase } from '../../src/db/database.ts';
import { appendAudit } from '../../src/modules/audit/audit.repository.ts';

const [url, agency, count, label] = process.argv.slice(2);
if (!url || !agency || !count || !label) throw new Error('usage: DATABASE_URL AGENCY_ID COUNT LABEL');
const { db, destroy } = createDatabase(url, { poolSize: 2, busyTimeoutMs: 30_000 });
try {
  for (let i = 1; i <= Number(count); i += 1) {
    await db.transaction().execute(async (trx) => {
      await appendAudit(trx, { agencyId: Number(agency), actor: label, action: 'test.append', subject: `${label}:${i}` });
      await new Promise((resolve) => setTimeout(resolve, 3)); // hold the chain a while
    });
  }
} finally {
  await destroy();
}
