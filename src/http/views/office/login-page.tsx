/** The staff sign-in form. One message for every refusal (the accounts module never says whether a user exists). */
import { Layout, page } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { CsrfField, ErrorSummary, TextField } from '../portal/fields.tsx';

export interface LoginPageProps {
  readonly ctx: PageContext;
  readonly csrf: string;
  readonly next: string;
  readonly username?: string;
  readonly errors?: Readonly<Record<string, string>>;
  readonly message?: string;
}

const LABELS = { username: '用户名', password: '密码' };

export function loginPage(props: LoginPageProps): string {
  const errors = props.errors ?? {};
  return page(
    <Layout title={`${Object.keys(errors).length > 0 || props.message ? '错误：' : ''}工作人员登录 — 政府信息公开办公平台`} page={props.ctx}>
      <h1>工作人员登录</h1>
      <ErrorSummary errors={errors} labels={LABELS} {...(props.message ? { message: props.message } : {})} />
      <form method="post" action="/office/login" class="panel" novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <TextField name="username" label="用户名" values={{ username: props.username ?? '' }} errors={errors} autocomplete="username" required maxLength={100} />
        <div class={errors['password'] ? 'field has-error' : 'field'}>
          <label for="f-password">密码</label>
          {errors['password'] ? (
            <p class="field-error" id="f-password-error">
              错误：{errors['password']}
            </p>
          ) : null}
          <input
            id="f-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            aria-required="true"
            aria-invalid={errors['password'] ? 'true' : undefined}
            aria-describedby={errors['password'] ? 'f-password-error' : undefined}
          />
        </div>
        <p>
          <button type="submit">登录</button>
        </p>
      </form>
      <p class="hint">连续输错密码多次后，账号会锁定一段时间。忘记密码请联系本机关管理员。</p>
    </Layout>,
  );
}
