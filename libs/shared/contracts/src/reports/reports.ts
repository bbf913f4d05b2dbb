/**
 * Reports built by the reports queue. A report is one row per (clinic, kind, subject, period):
 * asking again for the same report finds the same row, so a retried or duplicated request builds
 * it once.
 */
export const REPORT_KINDS = ['clinic_monthly', 'session_prep', 'couple_export'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** queued → building → ready | failed. Expired reports are deleted with their files. */
export const REPORT_STATUSES = ['queued', 'building', 'ready', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_FORMATS = ['csv', 'pdf', 'zip'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The files each kind of report is built as. */
export const REPORT_KIND_FORMATS: { readonly [K in ReportKind]: readonly ReportFormat[] } = {
  clinic_monthly: ['csv', 'pdf'],
  session_prep: ['pdf'],
  couple_export: ['zip'],
};

/** How long a clinic keeps built reports unless it says otherwise, and the bounds it may set. */
export const REPORT_RETENTION_DAYS = { default: 90, min: 1, max: 3650 } as const;
