import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { ACTIONS, authorize, can, ROLE_ACTIONS, type Action, type Actor, type Role } from './policy.ts';

// City 1 ─ county 2 ─ departments 3, 4; city 1 ─ department 5.
const BELOW: Record<number, number[]> = { 1: [2, 3, 4, 5], 2: [3, 4], 3: [], 4: [], 5: [] };
const subordinatesOf = (id: number) => BELOW[id] ?? [];

const staff = (role: Role, agencyId: number): Actor => ({ kind: 'staff', userId: 9, name: '张三', roles: [{ agencyId, role }] });

const WRITES = ACTIONS.filter((a) => !['agency.read', 'audit.read', 'application.read', 'catalogue.read', 'remedy.read', 'report.read', 'rollup.read'].includes(a));

describe('authorize: tenant isolation', () => {
  it.each(['clerk', 'reviewer', 'admin', 'supervisor'] as const)('a %s of agency 3 can do nothing at all in agency 4 (a sibling)', async (role) => {
    for (const action of ACTIONS) expect(await can(staff(role, 3), action, 4, subordinatesOf)).toBe(false);
  });

  it.each(['clerk', 'reviewer', 'admin'] as const)('a %s of the county (2) does nothing in its departments (3, 4)', async (role) => {
    for (const action of ACTIONS) {
      expect(await can(staff(role, 2), action, 3, subordinatesOf)).toBe(false);
      expect(await can(staff(role, 2), action, 4, subordinatesOf)).toBe(false);
    }
  });

  it('a supervisor of the county reads the agencies below it, transitively, and writes nothing there', async () => {
    const supervisor = staff('supervisor', 1);
    for (const agency of [2, 3, 4, 5]) {
      expect(await can(supervisor, 'application.read', agency, subordinatesOf)).toBe(true);
      expect(await can(supervisor, 'report.read', agency, subordinatesOf)).toBe(true);
      for (const action of WRITES) expect(await can(supervisor, action, agency, subordinatesOf)).toBe(false);
    }
  });

  it('a supervisor reads nothing above or beside its agency', async () => {
    const supervisor = staff('supervisor', 2);
    expect(await can(supervisor, 'agency.read', 3, subordinatesOf)).toBe(true);
    expect(await can(supervisor, 'agency.read', 1, subordinatesOf)).toBe(false);
    expect(await can(supervisor, 'agency.read', 5, subordinatesOf)).toBe(false);
  });

  it('asks for the subordinates only when a supervisor reads outside its own agencies', async () => {
    const asked: number[] = [];
    const spy = (id: number) => (asked.push(id), subordinatesOf(id));
    await can(staff('clerk', 3), 'application.register', 3, spy);
    await can(staff('supervisor', 2), 'catalogue.publish', 3, spy);
    expect(asked).toEqual([]);
    await can(staff('supervisor', 2), 'catalogue.read', 3, spy);
    expect(asked).toEqual([2]);
  });

  it('accepts an async lookup (the database)', async () => {
    expect(await can(staff('supervisor', 1), 'rollup.read', 4, async (id) => subordinatesOf(id))).toBe(true);
  });
});

describe('authorize: what each role does in its own agency', () => {
  const cases: [Role, Action, boolean][] = [
    ['clerk', 'application.register', true],
    ['clerk', 'application.reply', true],
    // Art. 33: the extension is approved by the head of the disclosure office
    ['clerk', 'application.approveExtension', false],
    ['reviewer', 'application.approveExtension', true],
    ['clerk', 'catalogue.publish', false],
    ['reviewer', 'catalogue.publish', true],
    ['reviewer', 'report.publish', true],
    ['clerk', 'users.manage', false],
    ['reviewer', 'users.manage', false],
    ['admin', 'users.manage', true],
    ['admin', 'report.publish', true],
    ['admin', 'agency.update', true],
    ['admin', 'application.register', false],
    ['admin', 'audit.read', true],
    ['supervisor', 'application.read', true],
    ['supervisor', 'application.register', false],
    ['supervisor', 'users.manage', false],
  ];
  it.each(cases)('%s → %s: %s', async (role, action, expected) => {
    expect(await can(staff(role, 3), action, 3, subordinatesOf)).toBe(expected);
  });

  it('roles held in two agencies each count only in their own agency', async () => {
    const actor: Actor = { kind: 'staff', userId: 1, name: '李四', roles: [{ agencyId: 3, role: 'clerk' }, { agencyId: 4, role: 'admin' }] };
    expect(await can(actor, 'application.register', 3, subordinatesOf)).toBe(true);
    expect(await can(actor, 'application.register', 4, subordinatesOf)).toBe(false);
    expect(await can(actor, 'users.manage', 4, subordinatesOf)).toBe(true);
    expect(await can(actor, 'users.manage', 3, subordinatesOf)).toBe(false);
  });

  it('no role can do everything: the supervisor writes only its own reviews of findings, the admin handles no applications', () => {
    expect([...ROLE_ACTIONS.supervisor].filter((a) => WRITES.includes(a))).toEqual(['finding.review']);
    expect(ROLE_ACTIONS.admin.has('application.reply')).toBe(false);
  });
});

describe('authorize: API tokens, the system and the public', () => {
  const token: Actor = { kind: 'token', tokenId: 5, userId: 1, name: '省平台', agencyId: 3, role: 'clerk' };

  it('a token acts as its one role in its one agency', async () => {
    expect(await can(token, 'application.register', 3, subordinatesOf)).toBe(true);
    expect(await can(token, 'application.approveExtension', 3, subordinatesOf)).toBe(false);
    expect(await can(token, 'application.register', 4, subordinatesOf)).toBe(false);
  });

  it('a supervisor token reads only its own agency (no hierarchy through a token)', async () => {
    const sup: Actor = { ...token, kind: 'token', role: 'supervisor', agencyId: 2 } as Actor;
    expect(await can(sup, 'application.read', 2, subordinatesOf)).toBe(true);
    expect(await can(sup, 'application.read', 3, subordinatesOf)).toBe(false);
  });

  it('the public may do nothing a staff action names', async () => {
    for (const action of ACTIONS) expect(await can({ kind: 'public' }, action, 3, subordinatesOf)).toBe(false);
  });

  it('the system reads and runs jobs but does not handle applications', async () => {
    const system: Actor = { kind: 'system', name: 'cli' };
    expect(await can(system, 'application.lapse', 3, subordinatesOf)).toBe(true);
    expect(await can(system, 'agency.create', 3, subordinatesOf)).toBe(true);
    expect(await can(system, 'application.reply', 3, subordinatesOf)).toBe(false);
  });

  it('refusal is AppError access.denied with a Chinese message, the action and the agency', async () => {
    const error = await authorize(staff('clerk', 3), 'users.manage', 3, subordinatesOf).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'access.denied', details: { action: 'users.manage', agencyId: 3 } });
    expect((error as AppError).message).toMatch(/没有权限/);
    await expect(authorize(staff('admin', 3), 'users.manage', 3, subordinatesOf)).resolves.toBeUndefined();
  });
});
