import { describe, expect, it } from 'vitest';
import { insertHierarchy, type TestHierarchy } from '../../../../test/factories/agency-factory.ts';
import { insertUser } from '../../../../test/factories/user-factory.ts';
import { testDatabases, useTestDatabase } from '../../../../test/support/databases.ts';
import type { StaffActor } from '../../accounts/policy.ts';
import { fixedClock } from '../../applications/use-cases/context.ts';
import { listReviewsOfReports, reviewFinding, reviewingAgencies } from './review-findings.ts';

const REPORT = 'a'.repeat(64);
const OTHER_REPORT = 'b'.repeat(64);
const FINDING = 'applications.suspectCell|applications.handledTotal.naturalPerson|[305,999]';
const clock = fixedClock('2026-11-26', '02:30:00.000Z');
const later = fixedClock('2026-11-27', '03:00:00.000Z');

const staff = (agencyId: number, role: 'clerk' | 'reviewer' | 'admin' | 'supervisor'): StaffActor => ({ kind: 'staff', userId: 999_999, name: '临时', roles: [{ agencyId, role }] });

describe.each(testDatabases())('reviewFinding on $name', (target) => {
  const t = useTestDatabase(target);
  let world: Promise<{ h: TestHierarchy; supervisor: StaffActor; admin: StaffActor }> | undefined;
  const seed = () =>
    (world ??= (async () => {
      const h = await insertHierarchy(t.db);
      const supervisor = (await insertUser(t.db, [{ agencyId: h.county, role: 'supervisor' }], { display_name: '区监督人' })).actor;
      const admin = (await insertUser(t.db, [{ agencyId: h.county, role: 'admin' }], { display_name: '区管理员' })).actor;
      return { h, supervisor, admin };
    })());

  const rows = () => t.db.selectFrom('finding_reviews').selectAll().orderBy('id').execute();
  const audits = (agencyId: number) => t.db.selectFrom('audit_log').selectAll().where('agency_id', '=', agencyId).where('action', 'like', 'finding.%').orderBy('seq').execute();

  it('keeps a supervisor’s decision in its own agency and shows it with the reviewer’s name and time, audited', async () => {
    const { h, supervisor } = await seed();
    expect(await reviewingAgencies({ db: t.db, actor: supervisor })).toEqual([h.county]);
    const input = { agencyId: h.county, reportKey: REPORT, findingKey: FINDING, decision: 'dismissed', note: '  原表另有说明，属误报  ' };
    expect(await reviewFinding({ db: t.db, actor: supervisor, clock }, input)).toBe(true);
    const shown = await listReviewsOfReports({ db: t.db, actor: supervisor, clock }, { agencyId: h.county, reportKeys: [REPORT, OTHER_REPORT] });
    expect(shown.get(OTHER_REPORT)).toBeUndefined();
    expect(shown.get(REPORT)?.get(FINDING)).toEqual({
      findingKey: FINDING,
      decision: 'dismissed',
      note: '原表另有说明，属误报',
      reviewer: '区监督人',
      reviewedAt: '2026-11-26T02:30:00.000Z',
    });
    const audit = await audits(h.county);
    expect(audit.map((a) => a.action)).toEqual(['finding.reviewed']);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ findingKey: FINDING, decision: 'dismissed', note: '原表另有说明，属误报' });
  });

  it('changes a review (an administrator of the agency may too), auditing the previous decision; the same review again writes nothing', async () => {
    const { h, admin } = await seed();
    const input = { agencyId: h.county, reportKey: REPORT, findingKey: FINDING, decision: 'confirmed', note: '核对原件，确有错误' };
    expect(await reviewFinding({ db: t.db, actor: admin, clock: later }, input)).toBe(true);
    expect(await reviewFinding({ db: t.db, actor: admin, clock: later }, input)).toBe(false);
    const stored = (await rows()).filter((r) => r.report_key === REPORT);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ agency_id: h.county, decision: 'confirmed', note: '核对原件，确有错误', reviewed_by: `user:${admin.userId}` });
    const audit = await audits(h.county);
    expect(audit.map((a) => a.action)).toEqual(['finding.reviewed', 'finding.reviewChanged']);
    expect(JSON.parse(audit[1]!.details).previous).toMatchObject({ decision: 'dismissed', note: '原表另有说明，属误报' });
  });

  it('refuses a missing or overlong note, an unknown decision and a malformed report key, naming the field; nothing stored', async () => {
    const { h, supervisor } = await seed();
    const before = await rows();
    const ctx = { db: t.db, actor: supervisor, clock };
    const base = { agencyId: h.county, reportKey: OTHER_REPORT, findingKey: FINDING, decision: 'confirmed', note: '说明' };
    const cases: Array<[Partial<typeof base>, string]> = [
      [{ note: '   ' }, 'note'],
      [{ note: '字'.repeat(501) }, 'note'],
      [{ decision: 'ignored' }, 'decision'],
      [{ reportKey: 'not-a-key' }, 'reportKey'],
      [{ findingKey: '' }, 'findingKey'],
    ];
    for (const [change, field] of cases) {
      await expect(reviewFinding(ctx, { ...base, ...change })).rejects.toMatchObject({ code: 'input.invalid', details: { issues: [expect.objectContaining({ path: field })] } });
    }
    expect(await rows()).toEqual(before);
  });

  it('refuses a clerk and a reviewer, a supervisor in an agency below its own, and a reader of another agency; nothing stored', async () => {
    const { h, supervisor } = await seed();
    const before = await rows();
    const input = (agencyId: number) => ({ agencyId, reportKey: OTHER_REPORT, findingKey: FINDING, decision: 'confirmed', note: '说明' });
    for (const actor of [staff(h.county, 'clerk'), staff(h.county, 'reviewer')]) {
      expect(await reviewingAgencies({ db: t.db, actor })).toEqual([]);
      await expect(reviewFinding({ db: t.db, actor, clock }, input(h.county))).rejects.toMatchObject({ code: 'access.denied' });
    }
    // A supervisor reads below its agency (Art. 49) but its reviews are its own agency's record only.
    await expect(reviewFinding({ db: t.db, actor: supervisor, clock }, input(h.a))).rejects.toMatchObject({ code: 'access.denied' });
    await expect(reviewFinding({ db: t.db, actor: staff(h.x, 'supervisor'), clock }, input(h.county))).rejects.toMatchObject({ code: 'access.denied' });
    await expect(listReviewsOfReports({ db: t.db, actor: staff(h.x, 'supervisor'), clock }, { agencyId: h.county, reportKeys: [REPORT] })).rejects.toMatchObject({ code: 'access.denied' });
    expect(await rows()).toEqual(before);
  });

  it('keeps another agency’s reviews of the same report apart', async () => {
    const { h } = await seed();
    const other = staff(h.x, 'supervisor');
    const mine = await listReviewsOfReports({ db: t.db, actor: other, clock }, { agencyId: h.x, reportKeys: [REPORT] });
    expect(mine.size).toBe(0);
    await reviewFinding({ db: t.db, actor: other, clock }, { agencyId: h.x, reportKey: REPORT, findingKey: FINDING, decision: 'confirmed', note: '市局意见' });
    const stored = (await rows()).filter((r) => r.report_key === REPORT);
    expect(stored.map((r) => [r.agency_id, r.note]).sort()).toEqual([[h.county, '核对原件，确有错误'], [h.x, '市局意见']].sort());
  });
});
