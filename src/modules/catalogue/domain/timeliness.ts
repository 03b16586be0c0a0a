/**
 * Art. 26: proactive information is published within 20 working days of being created or changed. The day of
 * creation is the 成文日期 (written on); without one, the day the item was entered.
 */
import { CalendarYearUnknown, type WorkingCalendar } from '../../calendar/domain/calendar.ts';

export const PUBLICATION_WORKING_DAYS = 20;

/**
 * Known when the holiday data covers the days in question; otherwise (a 成文日期 before 2019, or a deadline in a year
 * whose arrangement the State Council has not yet announced) the check cannot be made and says why, instead of
 * failing the page that shows the item.
 */
export type Timeliness =
  | {
      readonly known: true;
      /** the last day to publish */
      readonly deadline: string;
      /** published after the deadline, or still unpublished after it */
      readonly late: boolean;
    }
  | { readonly known: false; readonly reason: string };

export function timeliness(createdOn: string, publishedOn: string | null, today: string, calendar: WorkingCalendar): Timeliness {
  let deadline: string;
  try {
    deadline = calendar.addWorkingDays(createdOn, PUBLICATION_WORKING_DAYS);
  } catch (error) {
    if (error instanceof CalendarYearUnknown) return { known: false, reason: error.message };
    throw error;
  }
  return { known: true, deadline, late: (publishedOn ?? today) > deadline };
}
