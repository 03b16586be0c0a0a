import { describe, expect, it } from 'vitest';
import { insertHierarchy, type TestHierarchy } from '../../../test/factories/agency-factory.ts';
import { insertUser } from '../../../test/factories/user-factory.ts';
import { testDatabases, useTestDatabase } from '../../../test/support/databases.ts';
import { AppError } from '../../errors.ts';
import type { Actor, Role } from '../accounts/policy.ts';
import { verifyAuditChain } from '../audit/audit.repository.ts';
import { listSubordinateIds } from './agencies.repository.ts';
import { createAgency } from './use-cases/create-agency.ts';
import { getAgency } from './use-cases/get-agency.ts';
import { listAgencies } from './use-cases/list-agencies.ts';
import { listSubordinates } from './use-cases/list-subordinates.ts';
import { updateDisclosureOffice } from './use-cases/update-disclosure-office.ts';

const clock = { now: () => new Date('2026-03-02T01:00:00.000Z') };
const SYSTEM: Actor = { kind: 'system', name: 'test' };

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe.each(testDatabases())('agencies on $name', (target) => {
  const t = useTestDatabase(target);
  const ctx = (actor: Actor) => ({ db: t.db, actor, clock });
  const as = async (roles: [number, Role][]) => (await insertUser(t.db, roles.map(([agencyId, role]) => ({ agencyId, role })))).actor;
  let h: TestHierarchy;

  it('lists every agency below one, all levels down, and none above or beside', async () => {
    h = await insertHierarchy(t.db);
    expect(await listSubordinateIds(t.db, h.city)).toEqual([h.county, h.a, h.b, h.x].sort((p, q) => p - q));
    expect(await listSubordinateIds(t.db, h.county)).toEqual([h.a, h.b]);
    expect(await listSubordinateIds(t.db, h.a)).toEqual([]);
  });

  it('creates a top-level government only as the system, a department below by the parent’s admin, with audit entries', async () => {
    const city = await createAgency(ctx(SYSTEM), { code: 'c329800', name: '样例市人民政府', kind: 'government', level: 'municipal', regionCode: '329800' });
    expect(city).toMatchObject({ code: 'c329800', parentId: null, regionCode: '329800', office: { phone: null } });
    const admin = await as([[city.id, 'admin']]);
    const dept = await createAgency(ctx(admin), {
      code: 'c329800-czj',
      name: '样例市财政局',
      parentId: city.id,
      kind: 'department',
      level: 'municipal',
      regionCode: '329800',
      office: { address: '样例市人民路1号', phone: '0517-83601234', hours: '工作日 9:00-17:00', email: 'gk@example.gov.cn' },
    });
    expect(dept).toMatchObject({ parentId: city.id, office: { address: '样例市人民路1号', phone: '0517-83601234' } });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'agency.created').orderBy('id').execute();
    expect(audit.map((a) => [a.agency_id, a.subject])).toEqual([
      [0, `agency:${city.id}`],
      [city.id, `agency:${dept.id}`],
    ]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('refuses a top-level agency from staff, and a department under another agency', async () => {
    const admin = await as([[h.a, 'admin']]);
    const top = await refusal(createAgency(ctx(admin), { code: 'nope1', name: '某市', kind: 'government', level: 'municipal', regionCode: '329700' }));
    expect(top.code).toBe('access.denied');
    const under = await refusal(createAgency(ctx(admin), { code: 'nope2', name: '某局', parentId: h.b, kind: 'department', level: 'county', regionCode: '329901' }));
    expect(under.code).toBe('access.denied');
    expect(await t.db.selectFrom('agencies').select('id').where('code', 'in', ['nope1', 'nope2']).execute()).toEqual([]);
  });

  it('refuses malformed input with the field and a Chinese message, storing nothing', async () => {
    const before = await t.db.selectFrom('agencies').selectAll().orderBy('id').execute();
    const auditBefore = await t.db.selectFrom('audit_log').select('id').execute();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ regionCode: '32080' }, 'regionCode', /6位数字/],
      [{ regionCode: '990100' }, 'regionCode', /省级代码/],
      [{ name: '  ' }, 'name', /请填写机关名称/],
      [{ code: '财政局' }, 'code', /字母、数字/],
      [{ kind: 'bureau' }, 'kind', /机关类别/],
      [{ office: { phone: '83601234' } }, 'office.phone', /区号/],
      [{ office: { email: 'not-an-email' } }, 'office.email', /电子邮箱/],
    ];
    for (const [change, path, message] of cases) {
      const input = { code: 'ok-code', name: '样例局', kind: 'department', level: 'county', regionCode: '329901', parentId: h.county, ...change };
      const error = await refusal(createAgency(ctx(SYSTEM), input as never));
      expect(error.code).toBe('input.invalid');
      expect(error.details['issues']).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(message) })]));
    }
    // a region code outside the parent's region
    const outside = await refusal(createAgency(ctx(SYSTEM), { code: 'ok-code', name: '样例局', kind: 'department', level: 'county', regionCode: '320803', parentId: h.county }));
    expect(outside.details['issues']).toEqual([expect.objectContaining({ path: 'regionCode' })]);
    const taken = await refusal(createAgency(ctx(SYSTEM), { code: 'c329800', name: '重复', kind: 'government', level: 'municipal', regionCode: '329800' }));
    expect(taken.code).toBe('agency.codeTaken');
    expect(await t.db.selectFrom('agencies').selectAll().orderBy('id').execute()).toEqual(before);
    expect(await t.db.selectFrom('audit_log').select('id').execute()).toEqual(auditBefore);
  });

  it('gets an agency for its own staff and for a supervisor above it; refuses everyone else', async () => {
    const clerkA = await as([[h.a, 'clerk']]);
    expect((await getAgency(ctx(clerkA), h.a)).name).toBe('东城区财政局');
    expect((await refusal(getAgency(ctx(clerkA), h.b))).code).toBe('access.denied');
    expect((await refusal(getAgency(ctx(clerkA), h.county))).code).toBe('access.denied');
    const supervisorCounty = await as([[h.county, 'supervisor']]);
    expect((await getAgency(ctx(supervisorCounty), h.b)).id).toBe(h.b);
    expect((await refusal(getAgency(ctx(supervisorCounty), h.x))).code).toBe('access.denied');
    expect((await refusal(getAgency(ctx(supervisorCounty), h.city))).code).toBe('access.denied');
    expect((await refusal(getAgency(ctx({ kind: 'public' }), h.a))).code).toBe('access.denied');
  });

  it('lists only the agencies an actor may read', async () => {
    const clerkA = await as([[h.a, 'clerk']]);
    expect((await listAgencies(ctx(clerkA))).map((a) => a.id)).toEqual([h.a]);
    const supervisorCity = await as([[h.city, 'supervisor']]);
    expect((await listAgencies(ctx(supervisorCity))).map((a) => a.id)).toEqual([h.city, h.county, h.a, h.b, h.x]);
    expect((await listAgencies(ctx(supervisorCity), { kind: 'government' })).map((a) => a.id)).toEqual([h.city, h.county]);
    expect(await listAgencies(ctx({ kind: 'public' }))).toEqual([]);
  });

  it('lists the subordinates an actor may read: all for a supervisor, none for a clerk of the government', async () => {
    const supervisorCity = await as([[h.city, 'supervisor']]);
    expect((await listSubordinates(ctx(supervisorCity), h.county)).map((a) => a.name)).toEqual(['东城区财政局', '东城区教育局']);
    expect((await listSubordinates(ctx(supervisorCity), h.city)).map((a) => a.id)).toEqual([h.county, h.a, h.b, h.x]);
    const clerkCounty = await as([[h.county, 'clerk']]);
    expect(await listSubordinates(ctx(clerkCounty), h.county)).toEqual([]);
    expect((await refusal(listSubordinates(ctx(clerkCounty), h.city))).code).toBe('access.denied');
  });

  it('updates the disclosure office for the agency’s admin only, recording what changed', async () => {
    const adminA = await as([[h.a, 'admin']]);
    const office = { name: '东城区财政局政府信息公开办公室', address: '东城区人民路8号', phone: '0517-83600000', hours: '工作日 9:00-17:00', email: 'czj@example.gov.cn' };
    const updated = await updateDisclosureOffice(ctx(adminA), { agencyId: h.a, office });
    expect(updated.office).toEqual(office);
    const entry = await t.db.selectFrom('audit_log').selectAll().where('agency_id', '=', h.a).where('action', '=', 'agency.officeUpdated').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details)).toMatchObject({ changed: { address: { from: '某县人民路1号', to: '东城区人民路8号' } } });

    const before = await t.db.selectFrom('agencies').selectAll().where('id', '=', h.b).executeTakeFirstOrThrow();
    for (const actor of [adminA, await as([[h.b, 'clerk']]), await as([[h.b, 'reviewer']]), await as([[h.county, 'supervisor']]), await as([[h.county, 'admin']])]) {
      expect((await refusal(updateDisclosureOffice(ctx(actor), { agencyId: h.b, office }))).code).toBe('access.denied');
    }
    const bad = await refusal(updateDisclosureOffice(ctx(await as([[h.b, 'admin']])), { agencyId: h.b, office: { ...office, phone: '12' } }));
    expect(bad.details['issues']).toEqual([expect.objectContaining({ path: 'office.phone' })]);
    expect(await t.db.selectFrom('agencies').selectAll().where('id', '=', h.b).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('leaves every audit chain verifiable after the use cases ran', async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
