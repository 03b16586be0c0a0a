/** The letters (告知书) of an application for staff: title, date and a DOCX and a PDF link each. */
import type { LetterSummary } from '../../../modules/letters/use-cases/letter-views.ts';
import { chineseDate } from '../format.ts';

export function letterHref(letter: Pick<LetterSummary, 'applicationId' | 'id'>, type: 'docx' | 'pdf'): string {
  return `/office/applications/${letter.applicationId}/letters/${letter.id}.${type}`;
}

export function LetterLinks(props: { readonly letters: readonly LetterSummary[] }) {
  if (props.letters.length === 0) return <p>尚未出具告知书。</p>;
  return (
    <table class="letters">
      <thead>
        <tr>
          <th scope="col">告知书</th>
          <th scope="col">日期</th>
          <th scope="col">收件人</th>
          <th scope="col">下载</th>
        </tr>
      </thead>
      <tbody>
        {props.letters.map((l) => (
          <tr>
            <td>{l.title}</td>
            <td>{chineseDate(l.issuedOn)}</td>
            <td>{l.addressee === 'applicant' ? '申请人' : '第三方'}</td>
            <td>
              <a href={letterHref(l, 'docx')} aria-label={`下载${l.title}（Word）`} download>
                Word
              </a>{' '}
              <a href={letterHref(l, 'pdf')} aria-label={`下载${l.title}（PDF）`} download>
                PDF
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
