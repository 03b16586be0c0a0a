/**
 * For the durability test: eight submitters send online applications at once (so they share commits, as under
 * load) and each tracking code is printed on stdout once registerApplication has returned. Runs until killed.
 *   node --import tsx durability.worker.ts DATABASE_URL AGENCY_ID
 */
import { createDatabase } from '../../../db/database.ts';
import { loadCalendar } from '../../calendar/load-calendar.ts';
import { fixedClock } from './context.ts';
import { registerApplication } from './register-application.ts';

const [url, agency] = process.argv.slice(2);
if (!url || !agency) throw new Error('usage: DATABASE_URL AGENCY_ID');
const { db } = createDatabase(url);
const ctx = { db, actor: { kind: 'public' } as const, clock: fixedClock('2024-09-27'), calendar: loadCalendar() };
const form = {
  applicant: { type: 'naturalPerson', name: '王五', idNumber: '110101199003074514', phone: '13812345678' },
  description: '申请公开本单位2024年预算',
};
async function submitter(n: number): Promise<never> {
  for (let i = 0; ; i++) {
    const r = await registerApplication(ctx, { agencyId: Number(agency), form: { ...form, description: `${form.description}（${n}-${i}）` } });
    process.stdout.write(`${r.trackingCode}\n`);
  }
}
await Promise.all(Array.from({ length: 8 }, (_, n) => submitter(n)));
