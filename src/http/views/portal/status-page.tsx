import type { PublicStatus } from '../../../modules/applications/use-cases/application-views.ts';
import type { LetterSummary } from '../../../modules/letters/use-cases/letter-views.ts';
import { chineseDate, groupCode } from '../format.ts';
import { Layout, page } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { CsrfField, ErrorSummary, TextField, type FieldErrors, type FieldValues } from './fields.tsx';

const LABELS = { trackingCode: '查询码', secret: '查询密码' };

export interface StatusPageProps {
  readonly ctx: PageContext;
  readonly csrf: string;
  readonly values?: FieldValues;
  readonly errors?: FieldErrors;
  readonly message?: string;
  readonly status?: PublicStatus;
  /** the applicant's letters, with the code and secret the download forms post again (never a letter id alone) */
  readonly letters?: { readonly items: readonly LetterSummary[]; readonly trackingCode: string; readonly secret: string };
}

/** Status look-up with the tracking code and the secret from the receipt; the same answer for a wrong code or secret. */
export function statusPage(props: StatusPageProps): string {
  const s = props.status;
  return page(
    <Layout title="申请进度查询 — 政府信息公开" page={props.ctx}>
      <h1>申请进度查询</h1>
      {s ? <StatusResult status={s} /> : null}
      {s && props.letters ? <ApplicantLetters letters={props.letters} csrf={props.csrf} /> : null}
      <ErrorSummary errors={props.errors ?? {}} labels={LABELS} {...(props.message ? { message: props.message } : {})} />
      <form class="panel" method="post" action="/status" novalidate>
        <CsrfField token={props.csrf} />
        <TextField name="trackingCode" label="查询码" required hint="提交申请后回执上的12位查询码，可带连字符" autocomplete="off" values={props.values ?? {}} errors={props.errors ?? {}} />
        <TextField name="secret" label="查询密码" required hint="回执上的16位查询密码" autocomplete="off" values={{}} errors={props.errors ?? {}} />
        <p>
          <button type="submit">查询</button>
        </p>
      </form>
    </Layout>,
  );
}

function StatusResult(props: { status: PublicStatus }) {
  const s = props.status;
  return (
    <section aria-labelledby="result-heading" class="success-box">
      <h2 id="result-heading">查询结果</h2>
      <table class="meta">
        <tbody>
          <tr>
            <th scope="row">查询码</th>
            <td>{groupCode(s.trackingCode)}</td>
          </tr>
          <tr>
            <th scope="row">办理状态</th>
            <td data-testid="status-label">{s.statusLabel}</td>
          </tr>
          <tr>
            <th scope="row">收到申请日期</th>
            <td>{chineseDate(s.receivedOn)}</td>
          </tr>
          <tr>
            <th scope="row">答复期限</th>
            <td>{s.dueOn ? `${chineseDate(s.dueOn)}前` : '—（期限暂停或已办结）'}</td>
          </tr>
          {s.reply ? (
            <>
              <tr>
                <th scope="row">答复日期</th>
                <td>{chineseDate(s.reply.on)}</td>
              </tr>
              <tr>
                <th scope="row">答复结果</th>
                <td>{s.reply.outcomeLabel}</td>
              </tr>
              {s.reply.legalBasis ? (
                <tr>
                  <th scope="row">依据</th>
                  <td>{s.reply.legalBasis}</td>
                </tr>
              ) : null}
            </>
          ) : null}
        </tbody>
      </table>
      {s.reply ? <p class="hint">对答复不服的，可以自收到答复之日起60日内申请行政复议，或者6个月内向人民法院提起行政诉讼。</p> : null}
    </section>
  );
}

function ApplicantLetters(props: { readonly letters: NonNullable<StatusPageProps['letters']>; readonly csrf: string }) {
  const { items, trackingCode, secret } = props.letters;
  return (
    <section aria-labelledby="letters-heading">
      <h2 id="letters-heading">告知书</h2>
      {items.length === 0 ? (
        <p>本机关尚未向您出具告知书。</p>
      ) : (
        <ul class="letters">
          {items.map((l) => (
            <li>
              <form method="post" action={`/status/letters/${l.id}`}>
                <CsrfField token={props.csrf} />
                <input type="hidden" name="trackingCode" value={trackingCode} />
                <input type="hidden" name="secret" value={secret} />
                {l.title}（{chineseDate(l.issuedOn)}）{' '}
                <button type="submit" name="format" value="pdf" class="secondary" aria-label={`下载${l.title}（PDF）`}>
                  PDF
                </button>{' '}
                <button type="submit" name="format" value="docx" class="secondary" aria-label={`下载${l.title}（Word）`}>
                  Word
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
