/** After registering a paper application: the tracking code and the secret, shown once, to give to the applicant. */
import type { Registered } from '../../../modules/applications/use-cases/register-application.ts';
import { chineseDate, groupCode } from '../format.ts';
import { page } from '../layout.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';

export function registeredPage(props: OfficeFrame & { readonly registered: Registered }): string {
  const r = props.registered;
  return page(
    <OfficeLayout ctx={props.ctx} actor={props.actor} csrf={props.csrf} title="申请已登记">
      <h1>申请已登记</h1>
      <div class="success-box" role="status">
        <p>
          查询码：<span class="secret">{groupCode(r.trackingCode)}</span>
        </p>
        <p>
          查询密码：<span class="secret">{r.secret}</span>
        </p>
        <p>查询密码只显示这一次，请告知申请人（例如写入受理回执）。</p>
      </div>
      <table class="meta">
        <tbody>
          <tr>
            <th scope="row">收到申请日期</th>
            <td>{chineseDate(r.receivedOn)}</td>
          </tr>
          <tr>
            <th scope="row">答复期限</th>
            <td>{chineseDate(r.dueOn)}</td>
          </tr>
        </tbody>
      </table>
      <p>
        <a href={`/office/applications/${r.applicationId}`}>办理此申请</a> ｜ <a href="/office">返回待办申请</a>
      </p>
    </OfficeLayout>,
  );
}
