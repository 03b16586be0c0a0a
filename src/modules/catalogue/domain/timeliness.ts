/**
 * Art. 26: proactive information is published within 20 working days of being created or changed. The day of
 * creation is the 成文日期 (written on); without one, the day the item was entered.
 */
import type { WorkingCalendar } from '../../calendar/domain/calendar.ts';

export const PUBLICATION_WORKING_DAYS = 20;

export interface Timeliness {
  /** the last day to publish */
  readonly deadline: string;
  /** published after the deadline, or still unpublished after it */
  readonly late: boolean;
}

export function timeliness(createdOn: string, publishedOn: string | null, today: string, calendar: WorkingCalendar): Timeliness {
  const deadline = calendar.addWorkingDays(createdOn, PUBLICATION_WORKING_DAYS);
  return { deadline, late: (publishedOn ?? today) > deadline };
}
