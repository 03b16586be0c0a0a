/**
 * Table types for Kysely: the shape of every table as created by `migrations/`. Both databases store the same
 * values (see docs/adr/0001-storage.md): dates are 'YYYY-MM-DD' text, timestamps ISO-8601 UTC text
 * ('2026-01-31T08:00:00.000Z'), JSON is text, ids are 32-bit integers the database assigns.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** 'YYYY-MM-DD', a calendar date with no time zone. */
export type DateText = string;
/** ISO-8601 UTC timestamp from `Date.prototype.toISOString()`. */
export type TimestampText = string;
/** A JSON document serialised as text. */
export type JsonText = string;

/** A column the database fills in on insert (a default) that may still be given explicitly. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type AgencyKind = 'government' | 'department';
/** Administrative level of the agency (行政级别). */
export type AgencyLevel = 'national' | 'provincial' | 'municipal' | 'county' | 'township';

export interface AgenciesTable {
  id: Generated<number>;
  /** Stable short code, unique (used in URLs and index numbers). */
  code: string;
  name: string;
  /** The supervising agency (Art. 49: reports go upward); null at the top. */
  parent_id: number | null;
  kind: AgencyKind;
  level: AgencyLevel;
  /** 6-digit 行政区划代码. */
  region_code: string | null;
  /** 政府信息公开工作机构 (Art. 20(2), Art. 24). */
  office_name: string | null;
  office_address: string | null;
  office_phone: string | null;
  office_hours: string | null;
  office_email: string | null;
  created_at: TimestampText;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  failed_logins: Defaulted<number>;
  locked_until: TimestampText | null;
  disabled_at: TimestampText | null;
  created_at: TimestampText;
}

export type Role = 'clerk' | 'reviewer' | 'admin' | 'supervisor';

export interface UserRolesTable {
  user_id: number;
  agency_id: number;
  role: Role;
}

export interface SessionsTable {
  id: Generated<number>;
  /** sha256 (hex) of the cookie token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  created_at: TimestampText;
  expires_at: TimestampText;
  last_seen_at: TimestampText | null;
  revoked_at: TimestampText | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  agency_id: number;
  name: string;
  /** The one role the token acts as in its agency (migration 2026-11-25-21); never 'admin'. */
  role: Defaulted<Exclude<Role, 'admin'>>;
  /** sha256 (hex) of the token; the token is shown once and never stored. */
  token_hash: string;
  created_at: TimestampText;
  expires_at: TimestampText | null;
  last_used_at: TimestampText | null;
  revoked_at: TimestampText | null;
}

export interface ApplicationsTable {
  id: Generated<number>;
  agency_id: number;
  /** Given to the applicant on receipt; unique across all agencies. */
  tracking_code: string;
  /** Hash of the secret that, with the tracking code, lets the applicant look up progress. */
  secret_hash: string;
  /** How it arrived (Art. 31 receipt rules depend on it): in person, post, online, fax... */
  channel: string;
  /** Art. 31 receipt date. */
  received_on: DateText;
  /** Table 三 column id: naturalPerson | business | research | publicInterest | legalService | otherOrg. */
  applicant_type: string;
  /** The person's name, or the organisation's name. */
  applicant_name: string;
  id_type: string | null;
  /** Stored in full (needed to answer the applicant); masked everywhere it is shown or logged. */
  id_number: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  /** 统一社会信用代码 for an organisation. */
  org_credit_code: string | null;
  org_legal_representative: string | null;
  org_contact_name: string | null;
  /** Art. 29: a description of the information sought. */
  description: string;
  purpose: string | null;
  /** Art. 29: form wanted (paper, electronic...) and delivery channel (post, e-mail, pick-up...). */
  form: string;
  delivery: string;
  state: string;
  /** Table 三 row id once closed, e.g. `withheld.thirdParty`. */
  outcome: string | null;
  due_on: DateText | null;
  closed_on: DateText | null;
  /** Report year the application is counted in. */
  year: number;
  created_at: TimestampText;
  updated_at: TimestampText;
}

export interface ApplicationEventsTable {
  id: Generated<number>;
  application_id: number;
  /** 1, 2, 3... per application. */
  seq: number;
  type: string;
  occurred_on: DateText;
  payload: JsonText;
  actor: string;
  created_at: TimestampText;
}

export interface AttachmentsTable {
  id: Generated<number>;
  agency_id: number;
  /** What it belongs to, e.g. 'application', 'applicationEvent', 'catalogueItem'. */
  owner_kind: string;
  owner_id: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  created_at: TimestampText;
}

export type CatalogueState = 'draft' | 'review' | 'published';
/** 有效 / 失效 / 废止. */
export type Validity = 'valid' | 'expired' | 'repealed';

export interface CatalogueItemsTable {
  id: Generated<number>;
  agency_id: number;
  /** Art. 12 索引号, unique within the agency. */
  index_number: string;
  title: string;
  /** Art. 12 内容概述. */
  summary: string | null;
  body: string;
  /** Art. 20 item 1..15. */
  category: number;
  issuing_body: string | null;
  written_on: DateText | null;
  published_on: DateText | null;
  doc_number: string | null;
  validity: Validity | null;
  state: CatalogueState;
  year: number;
  created_at: TimestampText;
  updated_at: TimestampText;
}

/** Art. 12 index numbers: the last sequence number handed out per agency and year. */
export interface CatalogueIndexCountersTable {
  agency_id: number;
  year: number;
  last_seq: number;
}

/** The catalogue search index: a Han character pair or a whole word, per item (modules/catalogue/domain/bigrams.ts). */
export interface CatalogueTermsTable {
  term: string;
  agency_id: number;
  item_id: number;
}

export interface YearlyCountsTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  /** Table 二 stable ids (domain.md §7), e.g. row 'licensing', column 'decisions'. */
  row_id: string;
  column_id: string;
  /** Exact decimal as text ('12', '-8', '26158.97'); see ADR 0001 on money. */
  value: string;
}

export type RemedyKind = 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration';
export type RemedyResult = 'upheld' | 'corrected' | 'other' | 'pending';

export interface RemedyCasesTable {
  id: Generated<number>;
  agency_id: number;
  application_id: number | null;
  kind: RemedyKind;
  reference: string | null;
  filed_on: DateText;
  result: Defaulted<RemedyResult>;
  closed_on: DateText | null;
  created_at: TimestampText;
}

export type ReportStatus = 'generated' | 'published';

export interface AnnualReportsTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  /** '2019' | '2021'. */
  format: string;
  /** 1, 2, 3... per agency and year. */
  version: number;
  status: ReportStatus;
  report_json: JsonText;
  published_at: TimestampText | null;
  created_at: TimestampText;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** The chain this entry belongs to: an agency id, or 0 for the system-wide chain. No foreign key on purpose. */
  agency_id: number;
  /** 1, 2, 3... within the chain; unique with agency_id. */
  seq: number;
  at: TimestampText;
  actor: string;
  action: string;
  subject: string;
  /** Canonical JSON, personal data masked. */
  details: JsonText;
  prev_hash: string;
  hash: string;
}

/** The last entry of each audit chain: lets appends serialise per agency and lets verification see a cut tail. */
export interface AuditChainHeadsTable {
  agency_id: number;
  seq: number;
  hash: string;
}

/** An agency's own wording of one kind of letter (告知书); without a row the shipped default applies. */
export interface LetterTemplatesTable {
  id: Generated<number>;
  agency_id: number;
  kind: string;
  body: string;
  updated_by: string;
  updated_at: TimestampText;
}

/** A letter as issued to the applicant: the text is frozen at issue, whatever the template says later. */
export interface LettersTable {
  id: Generated<number>;
  agency_id: number;
  application_id: number;
  event_id: number | null;
  kind: string;
  title: string;
  body: string;
  issued_on: DateText;
  issued_by: string;
  created_at: TimestampText;
}

export type FindingDecision = 'confirmed' | 'dismissed';

/** A person's decision on one finding of one checked report, kept for the next check of the same report. */
export interface FindingReviewsTable {
  id: Generated<number>;
  /** The reviewing agency (a supervisor's own), not the agency whose report it is. */
  agency_id: number;
  /** Identifies the report across uploads (e.g. a hash of its cells and identity). */
  report_key: string;
  /** Identifies the finding within that report (e.g. its code and cells). */
  finding_key: string;
  decision: FindingDecision;
  note: string;
  reviewed_by: string;
  reviewed_at: TimestampText;
}

/** One narrative section of an agency's annual report for a year, as edited before publishing. */
export interface ReportSectionsTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  /** A SectionId of the report formats, e.g. 'overview'. */
  section_id: string;
  text: string;
  updated_by: string;
  updated_at: TimestampText;
}

/** Raised with every change the public can see in an agency's catalogue (what the portal's caches are keyed by). */
export interface CataloguePublicVersionsTable {
  agency_id: number;
  version: number;
}

export interface Database {
  agencies: AgenciesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  attachments: AttachmentsTable;
  catalogue_items: CatalogueItemsTable;
  catalogue_index_counters: CatalogueIndexCountersTable;
  catalogue_terms: CatalogueTermsTable;
  catalogue_public_versions: CataloguePublicVersionsTable;
  yearly_counts: YearlyCountsTable;
  remedy_cases: RemedyCasesTable;
  annual_reports: AnnualReportsTable;
  audit_log: AuditLogTable;
  audit_chain_heads: AuditChainHeadsTable;
  letter_templates: LetterTemplatesTable;
  letters: LettersTable;
  finding_reviews: FindingReviewsTable;
  report_sections: ReportSectionsTable;
}

export type Agency = Selectable<AgenciesTable>;
export type NewAgency = Insertable<AgenciesTable>;
export type AgencyUpdate = Updateable<AgenciesTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserRole = Selectable<UserRolesTable>;
export type Session = Selectable<SessionsTable>;
export type NewSession = Insertable<SessionsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type NewApiToken = Insertable<ApiTokensTable>;
export type ApplicationRow = Selectable<ApplicationsTable>;
export type NewApplicationRow = Insertable<ApplicationsTable>;
export type ApplicationRowUpdate = Updateable<ApplicationsTable>;
export type ApplicationEventRow = Selectable<ApplicationEventsTable>;
export type NewApplicationEventRow = Insertable<ApplicationEventsTable>;
export type Attachment = Selectable<AttachmentsTable>;
export type NewAttachment = Insertable<AttachmentsTable>;
export type CatalogueItemRow = Selectable<CatalogueItemsTable>;
export type NewCatalogueItemRow = Insertable<CatalogueItemsTable>;
export type CatalogueItemRowUpdate = Updateable<CatalogueItemsTable>;
export type YearlyCount = Selectable<YearlyCountsTable>;
export type NewYearlyCount = Insertable<YearlyCountsTable>;
export type RemedyCase = Selectable<RemedyCasesTable>;
export type NewRemedyCase = Insertable<RemedyCasesTable>;
export type AnnualReportRow = Selectable<AnnualReportsTable>;
export type NewAnnualReportRow = Insertable<AnnualReportsTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
