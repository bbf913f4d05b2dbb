import { getFile, getJson, listQuery, sendJson } from '@mend/web-auth';
import type { ReportFormat, ReportKind, ReportStatus } from '@mend/shared-contracts';

/** A report as the API lists it (see ReportDto in /api/docs-json). */
export interface ReportRecord {
  id: string;
  kind: ReportKind;
  status: ReportStatus;
  progress: number;
  periodStart: string;
  periodEnd: string;
  coupleId: string | null;
  formats: ReportFormat[];
  scheduled: boolean;
  requestedAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
}

export const reportsApi = {
  list: () =>
    getJson<ReportRecord[]>(
      `/reports?${listQuery({ sort: ['requestedAt', 'DESC'], range: [0, 49] })}`,
    ),
  requestMonthly: (month: string) => sendJson<ReportRecord>('POST', '/reports/monthly', { month }),
  requestSessionPrep: (coupleId: string, since: string) =>
    sendJson<ReportRecord>('POST', `/couples/${encodeURIComponent(coupleId)}/session-prep`, {
      since,
    }),
  requestExport: (coupleId: string) =>
    sendJson<ReportRecord>('POST', `/couples/${encodeURIComponent(coupleId)}/export`),
  /** The partner's own couple (a partner sees exactly one). */
  ownCoupleId: async () =>
    (await getJson<Array<{ id: string }>>(`/couples?${listQuery({ range: [0, 0] })}`))[0]?.id ??
    null,
  /** Saves a ready report's file through the browser's download. */
  download: async (report: ReportRecord, format: ReportFormat) => {
    const blob = await getFile(`/reports/${encodeURIComponent(report.id)}/files/${format}`);
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `mend-${report.kind.replace(/_/g, '-')}-${report.periodStart}.${format}`;
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  },
};
