import { describe, expect, it } from 'vitest';
import { agencyResponse, errorResponse, registeredResponse, statusResponse } from '../../src/http/api/response-schemas.ts';
import { testDatabases } from '../support/databases.ts';
import { HOSTILE, VALID_CREDIT_CODE, VALID_ID, countApplications, usePortal } from './portal-fixture.ts';

const URL_APPLY = '/api/v1/agencies/demo-czj/applications';

function person(applicant: Record<string, unknown> = {}, rest: Record<string, unknown> = {}) {
  return {
    applicant: { type: 'naturalPerson', name: '张三', idType: '居民身份证', idNumber: VALID_ID, phone: '13812345678', ...applicant },
    description: '2024年部门决算',
    ...rest,
  };
}

function organisation(applicant: Record<string, unknown> = {}) {
  return {
    applicant: { type: 'organisation', orgType: 'research', name: '示范研究院', creditCode: VALID_CREDIT_CODE, contactName: '王五', phone: '13912345678', ...applicant },
    description: '科研经费管理办法',
  };
}

const omit = Symbol('omit');
/** [body, the field the 400 must name] for every field of the API body */
const BAD_BODIES: Array<[string, Record<string, unknown>, string]> = [
  ['no applicant', { description: 'x' }, 'applicant'],
  ['unknown applicant type', person({ type: 'robot' }), 'applicant.type'],
  ['name missing', person({ name: omit }), 'applicant.name'],
  ['name too long', person({ name: '名'.repeat(101) }), 'applicant.name'],
  ['idType unknown', person({ idType: '军官证' }), 'applicant.idType'],
  ['idNumber check digit', person({ idNumber: '110105194912310021' }), 'applicant.idNumber'],
  ['idNumber not a string', person({ idNumber: 110105 }), 'applicant.idNumber'],
  ['phone malformed', person({ phone: '12345' }), 'applicant.phone'],
  ['email malformed', person({ email: 'nobody' }), 'applicant.email'],
  ['address too long', person({ address: '址'.repeat(201) }), 'applicant.address'],
  ['orgType unknown', organisation({ orgType: 'club' }), 'applicant.orgType'],
  ['org name missing', organisation({ name: '' }), 'applicant.name'],
  ['creditCode wrong', organisation({ creditCode: '91350100M000100Y44' }), 'applicant.creditCode'],
  ['legalRepresentative too long', organisation({ legalRepresentative: '人'.repeat(101) }), 'applicant.legalRepresentative'],
  ['contactName missing', organisation({ contactName: omit }), 'applicant.contactName'],
  ['description missing', person({}, { description: omit }), 'description'],
  ['description too long', person({}, { description: '述'.repeat(5001) }), 'description'],
  ['purpose too long', person({}, { purpose: '用'.repeat(1001) }), 'purpose'],
  ['form unknown', person({}, { form: 'hologram', delivery: 'post' }), 'form'],
  ['delivery unknown', person({}, { form: 'paper', delivery: 'pigeon' }), 'delivery'],
  ['form without delivery', person({}, { form: 'paper' }), 'delivery'],
];

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== omit).map(([k, v]) => [k, strip(v)]));
  }
  return value;
}

describe.each(testDatabases())('the public JSON API ($name)', (target) => {
  const portal = usePortal(target);
  const post = (body: unknown, url = URL_APPLY) => portal.app.inject({ method: 'POST', url, payload: body as object });

  it('lists the agencies with their codes and disclosure offices', async () => {
    const res = await portal.app.inject({ url: '/api/v1/agencies' });
    expect(res.statusCode).toBe(200);
    const agencies = agencyResponse.array().parse(res.json());
    const bureau = agencies.find((a) => a.code === 'demo-czj');
    expect(bureau).toMatchObject({ name: '示范市财政局', parentCode: 'demo-city', office: { phone: '0599-83601234' } });
  });

  it('registers an application: 201 with tracking code, secret, receipt and due date', async () => {
    const before = await countApplications(portal.db);
    const res = await post(person({ email: 'zhang@example.com' }, { purpose: '研究', form: 'electronic', delivery: 'email' }));
    expect(res.statusCode).toBe(201);
    const body = registeredResponse.parse(res.json());
    expect(body).toMatchObject({ receivedOn: '2025-03-10', dueOn: '2025-04-08' });
    expect(await countApplications(portal.db)).toBe(before + 1);
    const org = await post(organisation());
    expect(org.statusCode).toBe(201);
  });

  it.each(BAD_BODIES)('400 naming the field: %s', async (_name, body, field) => {
    const before = await countApplications(portal.db);
    const res = await post(strip(body));
    expect(res.statusCode).toBe(400);
    const { error } = errorResponse.parse(res.json());
    expect(error.code).toBe('input.invalid');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await countApplications(portal.db)).toBe(before);
  });

  it('refuses a body that is not JSON, or not even well-formed, with a JSON error', async () => {
    const form = await portal.app.inject({ method: 'POST', url: URL_APPLY, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'description=x' });
    expect(form.statusCode).toBe(400);
    expect(errorResponse.parse(form.json()).error.message).toContain('JSON');
    const broken = await portal.app.inject({ method: 'POST', url: URL_APPLY, headers: { 'content-type': 'application/json' }, payload: '{"applicant":' });
    expect(broken.statusCode).toBe(400);
    expect(errorResponse.parse(broken.json()).error.code).toBe('request.invalid');
  });

  it('answers 404 for an unknown agency and an unknown route, as JSON', async () => {
    const res = await post(person(), '/api/v1/agencies/nowhere/applications');
    expect(res.statusCode).toBe(404);
    expect(errorResponse.parse(res.json()).error.code).toBe('agency.notFound');
    const route = await portal.app.inject({ url: '/api/v1/nothing-here' });
    expect(route.statusCode).toBe(404);
    expect(errorResponse.parse(route.json()).error.code).toBe('route.notFound');
  });

  it('returns script in the body as data, never as markup', async () => {
    const res = await post(person({ name: HOSTILE }, { description: HOSTILE }));
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const bad = await post(person({ idNumber: HOSTILE }));
    expect(bad.headers['content-type']).toMatch(/^application\/json/);
  });

  it('looks up the status with X-Tracking-Secret; a wrong code and a wrong secret are both 404', async () => {
    const { trackingCode, secret } = registeredResponse.parse((await post(person())).json());
    const ok = await portal.app.inject({ url: `/api/v1/applications/${trackingCode}`, headers: { 'x-tracking-secret': secret } });
    expect(ok.statusCode).toBe(200);
    expect(statusResponse.parse(ok.json())).toMatchObject({ trackingCode, status: 'registered', dueOn: '2025-04-08', reply: null });
    const wrongSecret = await portal.app.inject({ url: `/api/v1/applications/${trackingCode}`, headers: { 'x-tracking-secret': 'Z'.repeat(16) } });
    const wrongCode = await portal.app.inject({ url: '/api/v1/applications/ZZZZZZZZZZZZ', headers: { 'x-tracking-secret': secret } });
    const tooLong = await portal.app.inject({ url: `/api/v1/applications/${'Z'.repeat(60)}`, headers: { 'x-tracking-secret': secret } });
    for (const res of [wrongSecret, wrongCode, tooLong]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(wrongSecret.json());
    }
    const noSecret = await portal.app.inject({ url: `/api/v1/applications/${trackingCode}` });
    expect(noSecret.statusCode).toBe(400);
    expect(errorResponse.parse(noSecret.json()).error.field).toBe('X-Tracking-Secret');
  });

  it('describes itself in OpenAPI 3.1, the request body generated from the form schema', async () => {
    const res = await portal.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/v1/staff/'))).toEqual(['/api/v1/agencies', '/api/v1/agencies/{code}/applications', '/api/v1/applications/{trackingCode}']);
    const form = doc.components.schemas.ApplicationForm;
    expect(form.required).toEqual(['applicant', 'description']);
    const person = form.properties.applicant.oneOf.find((s: { properties: { type: { const: string } } }) => s.properties.type.const === 'naturalPerson');
    expect(person.required).toEqual(expect.arrayContaining(['name', 'idNumber', 'phone']));
    expect(form.properties.form.enum).toEqual(['paper', 'electronic', 'inspection', 'copying']);
  });
});
