/** The inputs of the accounts use cases (zod), with Chinese messages naming the field. */
import { z } from 'zod';
import { passwordProblem } from './domain/password-policy.ts';
import { ROLES } from './policy.ts';

const id = (label: string) => z.number({ error: `${label}应为数字` }).int(`${label}应为整数`).positive(`${label}应为正整数`);

export const usernameSchema = z
  .string({ error: '请填写用户名' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, '用户名为3至40位小写字母、数字、点、下划线或连字符，以字母或数字开头');

const roleSchema = z.enum(ROLES, { error: '角色只能是 clerk（经办人）、reviewer（审核人）、admin（管理员）或 supervisor（监督人）' });

export const roleGrantSchema = z.object({ agencyId: id('机关编号'), role: roleSchema });

export const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(50, '姓名不能超过50个字'),
    password: z.string({ error: '请填写密码' }),
    roles: z.array(roleGrantSchema, { error: '请至少指定一个角色' }).min(1, '请至少指定一个角色'),
  })
  .superRefine((input, ctx) => {
    const problem = passwordProblem(input.password, { username: input.username });
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
export type CreateUserInput = z.input<typeof createUserSchema>;

export const userRoleSchema = z.object({ userId: id('用户编号'), agencyId: id('机关编号'), role: roleSchema });
export type UserRoleInput = z.input<typeof userRoleSchema>;

export const signInSchema = z.object({
  username: z.string({ error: '请填写用户名' }).trim().toLowerCase().min(1, '请填写用户名').max(100, '用户名过长'),
  password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(1000, '密码过长'),
});
export type SignInInput = z.input<typeof signInSchema>;

export const createApiTokenSchema = z.object({
  agencyId: id('机关编号'),
  role: z.enum(['clerk', 'reviewer', 'supervisor'], { error: '接口令牌的角色只能是 clerk、reviewer 或 supervisor（令牌不能管理用户）' }),
  name: z.string({ error: '请填写令牌用途' }).trim().min(1, '请填写令牌用途').max(100, '令牌用途不能超过100个字'),
  /** Omitted: the token does not expire (it can still be revoked). */
  expiresInDays: id('有效天数').max(3650, '有效天数不能超过3650天').optional(),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
