/** The annual report checker: one report, a series of years, a consolidated report against its parts. */
export { checkReport, type CheckOptions } from './check-report.ts';
export { checkSeries } from './series.ts';
export { checkConsolidated } from './consolidated.ts';
export { describeCell, describeColumn, describeRow } from './describe.ts';
export { FINDING_CODES, type FindingCode } from './codes.ts';
