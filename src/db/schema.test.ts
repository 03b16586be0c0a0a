import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../test/support/databases.ts';
import { toCount } from './count.ts';

const NOW = '2026-01-05T08:30:00.000Z';

describe.each(testDatabases())('schema on $name', (target) => {
  const t = useTestDatabase(target);
  const ids: Record<string, number> = {};

  it('stores and returns an agency hierarchy with its disclosure office', async () => {
    const county = await t.db
      .insertInto('agencies')
      .values({ code: 'gov-330106', name: '杭州市西湖区人民政府', parent_id: null, kind: 'government', level: 'county', region_code: '330106', office_name: '西湖区人民政府办公室', office_address: '杭州市西湖区文三路 1 号', office_phone: '0571-87000000', office_hours: '工作日 9:00-17:00', office_email: 'gk@example.gov.cn', created_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    const dept = await t.db
      .insertInto('agencies')
      .values({ code: 'dept-330106-edu', name: '西湖区教育局', parent_id: county.id, kind: 'department', level: 'county', region_code: '330106', office_name: null, office_address: null, office_phone: null, office_hours: null, office_email: null, created_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids['county'] = county.id;
    ids['dept'] = dept.id;
    const row = await t.db.selectFrom('agencies').selectAll().where('id', '=', dept.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: '西湖区教育局', parent_id: county.id, kind: 'department', created_at: NOW });
    expect(typeof row.id).toBe('number');
  });

  it('stores users, roles, sessions and API tokens', async () => {
    const user = await t.db
      .insertInto('users')
      .values({ username: 'clerk1', display_name: '王办事', password_hash: 'scrypt$…', locked_until: null, disabled_at: null, created_at: NOW })
      .returning(['id', 'failed_logins'])
      .executeTakeFirstOrThrow();
    expect(user.failed_logins).toBe(0); // the column default
    ids['user'] = user.id;
    await t.db.insertInto('user_roles').values([
      { user_id: user.id, agency_id: ids['county']!, role: 'clerk' },
      { user_id: user.id, agency_id: ids['county']!, role: 'reviewer' },
    ]).execute();
    await t.db.insertInto('sessions').values({ token_hash: 'a'.repeat(64), user_id: user.id, created_at: NOW, expires_at: '2026-01-05T20:30:00.000Z', last_seen_at: null, revoked_at: null }).execute();
    await t.db.insertInto('api_tokens').values({ user_id: user.id, agency_id: ids['county']!, name: '数据报送', token_hash: 'b'.repeat(64), created_at: NOW, expires_at: null, last_used_at: null, revoked_at: null }).execute();
    const roles = await t.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).orderBy('role').execute();
    expect(roles.map((r) => r.role)).toEqual(['clerk', 'reviewer']);
    expect(await t.db.selectFrom('sessions').select('expires_at').where('user_id', '=', user.id).executeTakeFirst()).toEqual({ expires_at: '2026-01-05T20:30:00.000Z' });
    expect(await t.db.selectFrom('api_tokens').select('name').where('token_hash', '=', 'b'.repeat(64)).executeTakeFirst()).toEqual({ name: '数据报送' });
  });

  it('stores an application with its events and attachments', async () => {
    const app = await t.db
      .insertInto('applications')
      .values({ agency_id: ids['county']!, tracking_code: 'GK2026-0001', secret_hash: 'c'.repeat(64), channel: 'online', received_on: '2026-01-05', applicant_type: 'naturalPerson', applicant_name: '李四', id_type: 'resident', id_number: '110101199003074514', phone: '13812345678', email: null, address: null, org_credit_code: null, org_legal_representative: null, org_contact_name: null, description: '2025年西湖区义务教育学校招生计划', purpose: '了解入学政策', form: 'electronic', delivery: 'email', state: 'received', outcome: null, due_on: '2026-02-09', closed_on: null, year: 2026, created_at: NOW, updated_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids['application'] = app.id;
    await t.db.insertInto('application_events').values({ application_id: app.id, seq: 1, type: 'received', occurred_on: '2026-01-05', payload: JSON.stringify({ channel: 'online' }), actor: 'applicant', created_at: NOW }).execute();
    await t.db.insertInto('attachments').values({ agency_id: ids['county']!, owner_kind: 'application', owner_id: app.id, filename: '身份证明.pdf', mime: 'application/pdf', size: 1024, sha256: 'd'.repeat(64), storage_key: '2026/01/abc.pdf', created_at: NOW }).execute();
    const row = await t.db.selectFrom('applications').selectAll().where('tracking_code', '=', 'GK2026-0001').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ id_number: '110101199003074514', received_on: '2026-01-05', due_on: '2026-02-09', year: 2026 });
    const event = await t.db.selectFrom('application_events').selectAll().where('application_id', '=', app.id).executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toEqual({ channel: 'online' });
    expect(await t.db.selectFrom('attachments').select(['filename', 'size']).where('owner_id', '=', app.id).execute()).toEqual([{ filename: '身份证明.pdf', size: 1024 }]);
  });

  it('stores catalogue items, yearly counts, remedy cases and annual reports', async () => {
    await t.db.insertInto('catalogue_items').values({ agency_id: ids['county']!, index_number: '330106/2026-00001', title: '关于印发西湖区2026年工作要点的通知', summary: null, body: '……', category: 3, issuing_body: '西湖区人民政府', written_on: '2026-01-02', published_on: '2026-01-04', doc_number: '西政发〔2026〕1号', validity: 'valid', state: 'published', year: 2026, created_at: NOW, updated_at: NOW }).execute();
    await t.db.insertInto('yearly_counts').values({ agency_id: ids['county']!, year: 2025, row_id: 'fees', column_id: 'amountWan', value: '26158.97' }).execute();
    await t.db.insertInto('remedy_cases').values({ agency_id: ids['county']!, application_id: ids['application']!, kind: 'reconsideration', reference: '西复〔2026〕3号', filed_on: '2026-03-01', closed_on: null, created_at: NOW }).execute();
    await t.db.insertInto('annual_reports').values({ agency_id: ids['county']!, year: 2025, format: '2021', version: 1, status: 'generated', report_json: '{"year":2025}', published_at: null, created_at: NOW }).execute();
    expect(await t.db.selectFrom('catalogue_items').select(['doc_number', 'category']).executeTakeFirst()).toEqual({ doc_number: '西政发〔2026〕1号', category: 3 });
    expect(await t.db.selectFrom('yearly_counts').select('value').executeTakeFirst()).toEqual({ value: '26158.97' });
    expect(await t.db.selectFrom('remedy_cases').select(['kind', 'result']).executeTakeFirst()).toEqual({ kind: 'reconsideration', result: 'pending' });
    expect(await t.db.selectFrom('annual_reports').select(['format', 'status', 'version']).executeTakeFirst()).toEqual({ format: '2021', status: 'generated', version: 1 });
  });

  it('returns count() and sum() as numbers on both databases', async () => {
    const { n } = await t.db.selectFrom('agencies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(n).toBe(2);
    expect(toCount(n)).toBe(2);
    const { total } = await t.db.selectFrom('attachments').select((eb) => eb.fn.sum<number>('size').as('total')).executeTakeFirstOrThrow();
    expect(total).toBe(1024);
  });

  it('enforces foreign keys', async () => {
    await expect(
      t.db.insertInto('user_roles').values({ user_id: ids['user']!, agency_id: 999_999, role: 'admin' }).execute(),
    ).rejects.toThrow();
  });

  it('enforces unique keys: agency code, tracking code, index number within an agency, audit position', async () => {
    await expect(t.db.insertInto('agencies').values({ code: 'gov-330106', name: 'x', parent_id: null, kind: 'government', level: 'county', region_code: null, office_name: null, office_address: null, office_phone: null, office_hours: null, office_email: null, created_at: NOW }).execute()).rejects.toThrow();
    await expect(t.db.insertInto('catalogue_items').values({ agency_id: ids['county']!, index_number: '330106/2026-00001', title: 't', summary: null, body: 'b', category: 1, issuing_body: null, written_on: null, published_on: null, doc_number: null, validity: null, state: 'draft', year: 2026, created_at: NOW, updated_at: NOW }).execute()).rejects.toThrow();
    // The same index number in another agency is fine.
    await t.db.insertInto('catalogue_items').values({ agency_id: ids['dept']!, index_number: '330106/2026-00001', title: 't', summary: null, body: 'b', category: 1, issuing_body: null, written_on: null, published_on: null, doc_number: null, validity: null, state: 'draft', year: 2026, created_at: NOW, updated_at: NOW }).execute();
  });

  it('enforces the closed value lists (Art. 20 category 1-15, roles, remedy kinds)', async () => {
    const item = { agency_id: ids['county']!, title: 't', summary: null, body: 'b', issuing_body: null, written_on: null, published_on: null, doc_number: null, validity: null, state: 'draft' as const, year: 2026, created_at: NOW, updated_at: NOW };
    await expect(t.db.insertInto('catalogue_items').values({ ...item, index_number: 'x-16', category: 16 }).execute()).rejects.toThrow();
    await expect(t.db.insertInto('catalogue_items').values({ ...item, index_number: 'x-0', category: 0 }).execute()).rejects.toThrow();
    await expect(t.db.insertInto('user_roles').values({ user_id: ids['user']!, agency_id: ids['county']!, role: 'root' as 'admin' }).execute()).rejects.toThrow();
    await expect(t.db.insertInto('remedy_cases').values({ agency_id: ids['county']!, application_id: null, kind: 'appeal' as 'reconsideration', reference: null, filed_on: '2026-01-01', closed_on: null, created_at: NOW }).execute()).rejects.toThrow();
  });
});
