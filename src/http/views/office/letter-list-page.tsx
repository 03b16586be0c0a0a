/** The letters of one application for staff, with downloads and a button that issues any letter still missing. */
import type { LetterSummary } from '../../../modules/letters/use-cases/letter-views.ts';
import { groupCode } from '../format.ts';
import { page } from '../layout.tsx';
import { CsrfField } from '../portal/fields.tsx';
import { LetterLinks } from './letter-links.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';

export interface LetterListPageProps extends OfficeFrame {
  readonly applicationId: number;
  readonly trackingCode: string;
  readonly letters: readonly LetterSummary[];
  readonly mayIssue: boolean;
  /** how many letters the last press of the button issued */
  readonly issued?: number | null;
}

export function letterListPage(props: LetterListPageProps): string {
  return page(
    <OfficeLayout ctx={props.ctx} actor={props.actor} csrf={props.csrf} title={`告知书 — 申请 ${groupCode(props.trackingCode)}`}>
      <h1>告知书 — 申请 {groupCode(props.trackingCode)}</h1>
      <p>
        <a href={`/office/applications/${props.applicationId}`}>返回申请</a>
      </p>
      {props.issued !== undefined && props.issued !== null ? (
        <div class="success-box" role="status">
          <p>{props.issued > 0 ? `已出具${props.issued}份告知书。` : '没有需要出具的告知书。'}</p>
        </div>
      ) : null}
      <LetterLinks letters={props.letters} />
      {props.mayIssue ? (
        <form method="post" action={`/office/applications/${props.applicationId}/letters/issue`}>
          <CsrfField token={props.csrf} />
          <p class="hint">办理环节完成后告知书自动出具；如有遗漏，可在此补出（已出具的不会重复出具）。</p>
          <button type="submit" class="secondary">出具缺少的告知书</button>
        </form>
      ) : null}
    </OfficeLayout>,
  );
}
