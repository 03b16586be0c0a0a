import { describe, expect, it } from 'vitest';
import { formFields, nestFields } from './form-body.ts';

describe('form bodies', () => {
  it('nests dotted names and leaves out blank fields', () => {
    const nested = nestFields({ 'applicant.type': 'naturalPerson', 'applicant.name': '张三', 'applicant.email': '  ', description: '预算' });
    expect(nested).toEqual({ applicant: { type: 'naturalPerson', name: '张三' }, description: '预算' });
  });

  it('ignores names that could reach the prototype, and the fields it is told to skip', () => {
    const nested = nestFields({ '__proto__.polluted': 'x', 'a.constructor': 'y', _csrf: 't' }, ['_csrf']);
    expect(nested).toEqual({ a: { constructor: 'y' } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps the first of repeated values and drops non-strings', () => {
    expect(formFields({ a: ['1', '2'], b: 3, c: 'x' })).toEqual({ a: '1', c: 'x' });
  });
});
