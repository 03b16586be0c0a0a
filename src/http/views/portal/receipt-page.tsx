import type { Registered } from '../../../modules/applications/use-cases/register-application.ts';
import { chineseDate, groupCode } from '../format.ts';
import { Layout, page } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { AgencyNav, type AgencyRef } from './agency-nav.tsx';

/** The receipt of an online application: the tracking code, the secret (shown this once) and the reply term. */
export function receiptPage(ctx: PageContext, agency: AgencyRef, r: Registered): string {
  return page(
    <Layout title={`申请已提交 — ${agency.name}`} page={ctx} subnav={<AgencyNav agency={agency} current="apply" />}>
      <h1>申请已提交</h1>
      <div class="success-box" role="status">
        <p>{agency.name}已于{chineseDate(r.receivedOn)}收到您的政府信息公开申请（在线提交，以提交当日为收到申请之日，条例第三十一条）。</p>
      </div>
      <h2>请保存以下查询信息</h2>
      <table class="meta">
        <tbody>
          <tr>
            <th scope="row">查询码</th>
            <td>
              <span class="secret" data-testid="tracking-code">
                {groupCode(r.trackingCode)}
              </span>
            </td>
          </tr>
          <tr>
            <th scope="row">查询密码</th>
            <td>
              <span class="secret" data-testid="secret">
                {groupCode(r.secret)}
              </span>
              <p class="field-error">查询密码只显示这一次，系统不保存明文，遗失后无法找回。请抄写或截图保存。</p>
            </td>
          </tr>
          <tr>
            <th scope="row">收到申请日期</th>
            <td>{chineseDate(r.receivedOn)}</td>
          </tr>
          <tr>
            <th scope="row">法定答复期限</th>
            <td data-testid="due-on">
              {r.dueOn ? `${chineseDate(r.dueOn)}前` : '以工作日计算，详见查询页面'}
              <p class="hint">
                条例第三十三条：自收到申请之日起20个工作日内答复；需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不得超过20个工作日。征求第三方和其他机关意见所需时间不计算在内。
              </p>
            </td>
          </tr>
        </tbody>
      </table>
      <p>
        <a href="/status">查询办理进度</a>
      </p>
    </Layout>,
  );
}
