/** Errors of the calendar module: each has a stable `code` and a Chinese message for people. */

export class CalendarError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

/** A date in a year for which no State Council holiday arrangement is loaded: never guessed from weekends. */
export class CalendarYearUnknown extends CalendarError {
  readonly year: number;
  readonly known: { from: number; to: number } | null;
  constructor(year: number, known: { from: number; to: number } | null) {
    const knownText = known ? `（已有 ${known.from}—${known.to} 年的数据）` : '';
    super(
      'calendar.yearUnknown',
      `没有${year}年的法定节假日安排数据${knownText}，无法按工作日计算期限；请在国务院办公厅公布该年安排后补充该年的节假日数据`,
    );
    this.year = year;
    this.known = known;
  }
}

/** Holiday data that cannot make a calendar (gap between years, duplicate year, conflicting days, bad file). */
export class CalendarDataInvalid extends CalendarError {
  /** the data file and the field at fault, when the data came from a file */
  readonly file: string | undefined;
  readonly field: string | undefined;
  constructor(message: string, where: { file?: string; field?: string } = {}) {
    super('calendar.dataInvalid', message);
    this.file = where.file;
    this.field = where.field;
  }
}

/** A working-day count that is not a non-negative whole number. */
export class InvalidWorkingDayCount extends CalendarError {
  constructor(n: unknown) {
    super('calendar.invalidCount', `工作日天数“${String(n)}”无效：应为非负整数`);
  }
}
