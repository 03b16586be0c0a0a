import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('password policy', () => {
  it.each([
    ['short', 'abc-123', /至少需要10个字符/],
    ['all digits', '1234567890123', /同一类字符/],
    ['all lower-case letters', 'abcdefghijkl', /同一类字符/],
    ['all Chinese characters', '政府信息公开条例全文', /同一类字符/],
  ])('refuses a password that is %s', (_what, password, message) => {
    expect(passwordProblem(password)).toMatch(message);
  });

  it.each(['correct-horse-42', 'Abcdefghijk', '政府信息公开2019年修订', 'abc def ghi jkl'])('accepts %s', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it('counts characters, not UTF-16 units: 9 Chinese characters and a digit are 10', () => {
    expect(passwordProblem('公开透明便民高效服务1')).toBeNull();
    expect(passwordProblem('公开透明便民高效1')).toMatch(/至少/);
  });

  it('refuses a password containing the username', () => {
    expect(passwordProblem('zhangsan-2024!', { username: 'ZhangSan' })).toMatch(/用户名/);
  });
});
