/**
 * Art. 26 on office pages: how many working days have passed since the item was created (its 成文日期, else the day
 * it was entered) against the 20 working days the law allows, flagged when late or due soon.
 */
import { CalendarYearUnknown, type WorkingCalendar } from '../../../modules/calendar/domain/calendar.ts';
import { PUBLICATION_WORKING_DAYS } from '../../../modules/catalogue/domain/timeliness.ts';
import type { CatalogueItemView } from '../../../modules/catalogue/use-cases/catalogue-views.ts';
import { chineseDate } from '../format.ts';

/** An unpublished item this close to its deadline is flagged (as the dashboard flags applications due soon). */
export const DUE_SOON_WORKING_DAYS = 5;

export type TimelinessNote =
  | {
      readonly known: true;
      /** working days from creation to publication (published) or to today (not yet) */
      readonly elapsed: number;
      readonly deadline: string;
      readonly published: boolean;
      readonly flag: 'late' | 'dueSoon' | null;
    }
  | { readonly known: false; readonly reason: string };

/**
 * Working days elapsed, from the deadline the use case computed: (created, deadline] holds exactly 20 working days,
 * so the days to `end` are 20 minus those left, or 20 plus those past — no need to know the day of creation.
 */
export function timelinessNote(item: Pick<CatalogueItemView, 'publishedOn' | 'timeliness'>, today: string, calendar: WorkingCalendar): TimelinessNote {
  if (!item.timeliness.known) return { known: false, reason: item.timeliness.reason };
  const { deadline, late } = item.timeliness;
  const end = item.publishedOn ?? today;
  let elapsed: number;
  try {
    elapsed = end <= deadline ? PUBLICATION_WORKING_DAYS - calendar.workingDaysBetween(end, deadline) : PUBLICATION_WORKING_DAYS + calendar.workingDaysBetween(deadline, end);
  } catch (error) {
    if (error instanceof CalendarYearUnknown) return { known: false, reason: error.message };
    throw error;
  }
  const published = item.publishedOn !== null;
  const dueSoon = !published && !late && PUBLICATION_WORKING_DAYS - elapsed <= DUE_SOON_WORKING_DAYS;
  return { known: true, elapsed: Math.max(0, elapsed), deadline, published, flag: late ? 'late' : dueSoon ? 'dueSoon' : null };
}

export function TimelinessFlag(props: { readonly note: TimelinessNote }) {
  const { note } = props;
  if (!note.known) return <span class="muted">无法计算</span>;
  if (note.flag === 'late') return <span class="flag">{note.published ? '逾期发布' : '已逾期'}</span>;
  if (note.flag === 'dueSoon') return <span class="flag">即将到期（剩{PUBLICATION_WORKING_DAYS - note.elapsed}个工作日）</span>;
  return <span>{note.published ? '按期发布' : '未到期'}</span>;
}

/** The sentence on an item's page. */
export function TimelinessBox(props: { readonly note: TimelinessNote; readonly writtenOn: string | null }) {
  const { note } = props;
  if (!note.known) {
    return (
      <div class="timeliness" id="timeliness">
        <p>
          <strong>公开时限（《条例》第二十六条，{PUBLICATION_WORKING_DAYS}个工作日）：</strong>暂无法计算：{note.reason}。
        </p>
      </div>
    );
  }
  const from = props.writtenOn ? '成文日期' : '录入之日';
  const text = note.published
    ? `自${from}至发布共${note.elapsed}个工作日`
    : `自${from}起已过${note.elapsed}个工作日，尚未发布`;
  return (
    <div class={note.flag ? 'error-box timeliness' : 'timeliness'} id="timeliness">
      <p>
        <strong>公开时限（《条例》第二十六条，{PUBLICATION_WORKING_DAYS}个工作日）：</strong>
        {text}；期限至{chineseDate(note.deadline)}。 <TimelinessFlag note={note} />
      </p>
    </div>
  );
}
