/**
 * The password policy for staff accounts: at least 10 characters, and not all of one class (not only digits, only
 * letters, ...). Long passphrases in any script are welcome; Chinese characters count as their own class.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

type CharClass = 'lower' | 'upper' | 'digit' | 'other';

function classOf(ch: string): CharClass {
  if (/\p{Ll}/u.test(ch)) return 'lower';
  if (/\p{Lu}/u.test(ch)) return 'upper';
  if (/\p{Nd}/u.test(ch)) return 'digit';
  return 'other';
}

/** Null when the password is acceptable, else the Chinese reason. */
export function passwordProblem(password: string, context: { readonly username?: string } = {}): string | null {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) return `密码至少需要${MIN_PASSWORD_LENGTH}个字符`;
  if (chars.length > MAX_PASSWORD_LENGTH) return `密码不能超过${MAX_PASSWORD_LENGTH}个字符`;
  if (new Set(chars.map(classOf)).size < 2) return '密码不能只由同一类字符组成，请混合使用字母、数字或符号';
  if (context.username && password.toLowerCase().includes(context.username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
