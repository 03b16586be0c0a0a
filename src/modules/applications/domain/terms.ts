/** The time limits of the law, in working days (counted from the day after the start day, domain.md §5). */

/** Art. 33: the reply term, from receipt (or from the supplement's arrival, Art. 30). */
export const REPLY_TERM_WORKING_DAYS = 20;
/** Art. 33: the one extension, at most this long. */
export const MAX_EXTENSION_WORKING_DAYS = 20;
/** Art. 30: the one notice to supplement goes out within this many working days of receipt. */
export const SUPPLEMENT_NOTICE_WORKING_DAYS = 7;
/** Art. 32 (third party) and Art. 34 (other agency): the time to answer a consultation. */
export const CONSULTATION_WORKING_DAYS = 15;
/** 办法 (国办函〔2020〕109号): the fee is paid within this many working days from the day after the notice is received. */
export const FEE_PAYMENT_WORKING_DAYS = 20;
