/**
 * The staff API's response shapes (staff-response-schemas.ts), built field by field so that nothing a use case adds
 * to its view later leaves the server unnoticed.
 */
import type { Finding } from '../../modules/annual-report/domain/finding.ts';
import type { FormatId } from '../../modules/annual-report/domain/formats/index.ts';
import type { Report } from '../../modules/annual-report/domain/report.ts';
import { reportToJson } from '../../modules/annual-report/render/json.ts';
import { countBySeverity } from '../../modules/annual-report/use-cases/check-reports.ts';
import type { PublishedVersion } from '../../modules/annual-report/use-cases/publish-annual-report.ts';
import type { ApplicationDetail, ApplicationListItem, ApplicantView } from '../../modules/applications/use-cases/application-views.ts';
import type { ApplicationPage } from '../../modules/applications/use-cases/list-applications.ts';
import type { Registered } from '../../modules/applications/use-cases/register-application.ts';
import type { CatalogueItemSummary, CatalogueItemView } from '../../modules/catalogue/use-cases/catalogue-views.ts';
import type { CataloguePage } from '../../modules/catalogue/use-cases/list-catalogue-items.ts';

function presentApplicant(a: ApplicantView) {
  return {
    type: a.type,
    name: a.name,
    idType: a.idType,
    idNumber: a.idNumber,
    creditCode: a.creditCode,
    legalRepresentative: a.legalRepresentative,
    contactName: a.contactName,
    phone: a.phone,
    email: a.email,
    address: a.address,
  };
}

/** A list row: the use case has masked the ID number and the phone already. */
export function presentApplicationItem(i: ApplicationListItem) {
  return {
    id: i.id,
    agencyId: i.agencyId,
    trackingCode: i.trackingCode,
    status: i.status,
    statusLabel: i.statusLabel,
    channel: i.channel,
    receivedOn: i.receivedOn,
    dueOn: i.dueOn,
    outcome: i.outcome,
    closedOn: i.closedOn,
    overdue: i.overdue,
    dueSoon: i.dueSoon,
    applicant: presentApplicant(i.applicant),
    description: i.description,
  };
}

export function presentApplicationPage(p: ApplicationPage) {
  return { items: p.items.map(presentApplicationItem), total: p.total, page: p.page, pageSize: p.pageSize };
}

/** One application in full, as the office's application page shows it to staff who may read it. */
export function presentApplicationDetail(d: ApplicationDetail) {
  return {
    ...presentApplicationItem(d),
    purpose: d.purpose,
    wanted: d.wanted ? { form: d.wanted.form, delivery: d.wanted.delivery } : null,
    legalBasis: d.legalBasis,
    supplement: d.supplement ? { requestedOn: d.supplement.requestedOn, termEnds: d.supplement.termEnds, suppliedOn: d.supplement.suppliedOn } : null,
    consultations: d.consultations.map((c) => ({ party: c.party, startedOn: c.startedOn, endedOn: c.endedOn, lapsed: c.lapsed })),
    extension: d.extension ? { approvedOn: d.extension.approvedOn, workingDays: d.extension.workingDays, approverRole: d.extension.approverRole } : null,
    fee: d.fee ? { issuedOn: d.fee.issuedOn, noticeReceivedOn: d.fee.noticeReceivedOn, charge: { ...d.fee.charge }, amount: d.fee.amount, paidOn: d.fee.paidOn } : null,
    deliveredOn: d.deliveredOn,
    archivedOn: d.archivedOn,
    nextSteps: [...d.nextSteps],
    history: d.history.map((h) => ({ seq: h.seq, type: h.type, label: h.label, on: h.on, actor: h.actor, details: h.details })),
  };
}

/** 201 of a registration: the secret appears here once, for the applicant's receipt. */
export function presentStaffRegistered(r: Registered) {
  return { applicationId: r.applicationId, trackingCode: r.trackingCode, secret: r.secret, receivedOn: r.receivedOn, dueOn: r.dueOn };
}

export function presentCatalogueItem(i: CatalogueItemView) {
  return { ...presentCatalogueSummary(i), body: i.body };
}

/** An item in a list: everything but its text (GET the item for that). */
export function presentCatalogueSummary(i: CatalogueItemSummary) {
  return {
    id: i.id,
    agencyId: i.agencyId,
    indexNumber: i.indexNumber,
    title: i.title,
    summary: i.summary,
    category: i.category,
    categoryLabel: i.categoryLabel,
    issuingBody: i.issuingBody,
    writtenOn: i.writtenOn,
    publishedOn: i.publishedOn,
    docNumber: i.docNumber,
    validity: i.validity,
    validityLabel: i.validityLabel,
    state: i.state,
    stateLabel: i.stateLabel,
    timeliness: i.timeliness.known ? { deadline: i.timeliness.deadline, late: i.timeliness.late } : { deadline: null, late: null, unknownBecause: i.timeliness.reason },
  };
}

export function presentCataloguePage(p: CataloguePage) {
  return { items: p.items.map(presentCatalogueSummary), total: p.total, page: p.page, pageSize: p.pageSize };
}

export function presentReportBuild(agencyId: number, year: number, format: FormatId, report: Report, findings: readonly Finding[]) {
  const counts = countBySeverity(findings);
  return {
    agencyId,
    year,
    format,
    report: reportToJson(report) as Record<string, unknown>,
    findings: findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      cells: f.cells.map((c) => ({ table: c.table, row: c.row, column: c.column })),
      expected: f.expected,
      found: f.found,
      message: f.message,
    })),
    counts,
    publishable: counts.error === 0,
  };
}

export function presentPublished(p: PublishedVersion) {
  return { agencyId: p.agencyId, year: p.year, version: p.version, publishedAt: p.publishedAt };
}
