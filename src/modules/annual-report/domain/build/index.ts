/** The annual report built from the agency's data (pure): classify applications into table 三 counts, build a Report. */
export { buildReport } from './build-report.ts';
export { classifyApplicationsForYear, yearBounds, yearRowsFor, type YearRows } from './classify-applications.ts';
export * from './types.ts';
