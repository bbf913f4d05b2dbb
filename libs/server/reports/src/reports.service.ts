import { once } from 'node:events';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { Response } from 'express';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '@mend/server-audit';
import type { Report } from '@mend/server-db';
import { QueueRegistry } from '@mend/server-jobs';
import { asArray, idOrIds, type ListQuery, invalidRequest } from '@mend/server-platform';
import { AccessService, TenantDb, type TenantContext } from '@mend/server-tenancy';
import {
  REPORT_KIND_FORMATS,
  REPORT_KINDS,
  REPORT_STATUSES,
  type ReportFormat,
  type ReportKind,
} from '@mend/shared-contracts';
import type { CreateMonthlyReportDto, CreateSessionPrepDto, ReportDto } from './reports.dto';
import {
  mapReport,
  READABLE_REPORT,
  REPORT_COLUMNS,
  selectReport,
  type ReportRow,
} from './reports.queries';
import { readReportFile } from './report-files';

export const REPORT_LIST = {
  sortable: ['requestedAt', 'periodStart', 'kind', 'status', 'id'] as const,
  defaultSort: ['requestedAt', 'DESC'] as const,
  filter: z.strictObject({
    id: idOrIds.optional(),
    kind: z.enum(REPORT_KINDS).optional(),
    status: z.enum(REPORT_STATUSES).optional(),
    coupleId: z.uuid().optional(),
  }),
};
type ReportListQuery = ListQuery<
  (typeof REPORT_LIST.sortable)[number],
  z.infer<typeof REPORT_LIST.filter>
>;

const SORT_COLUMNS = {
  requestedAt: 'r.requested_at',
  periodStart: 'r.period_start',
  kind: 'r.kind',
  status: 'r.status',
  id: 'r.id',
};

const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  zip: 'application/zip',
};

/** What a request names: the unique key's subject and period, and the couple if any. */
interface ReportKey {
  subjectKey: string;
  periodStart: string;
  periodEnd: string;
  coupleId: string | null;
}

/**
 * Asking for, listing and downloading reports. Asking twice for the same report (same kind,
 * subject and period) answers the same row and queues one build: the unique key decides, and
 * the job id is the report's. A report the caller may not read is not found, whoever they are.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly queues: QueueRegistry,
  ) {}

  /** The clinic's report of one month that has ended, in the clinic's time zone. */
  async requestMonthly(ctx: TenantContext, body: CreateMonthlyReportDto): Promise<ReportDto> {
    return this.request(ctx, 'clinic_monthly', async (manager) => {
      await this.access.requireAccess(manager, ctx, 'report.clinic');
      const today = await clinicToday(manager, ctx.clinicId);
      // The DTO holds `month` to YYYY-MM with a real month number, so these are dates.
      const periodStart = `${body.month}-01`;
      if (periodStart >= `${today.slice(0, 7)}-01`) {
        throw fieldError('month', 'only a month that has ended can be reported');
      }
      const periodEnd = DateTime.fromISO(periodStart, { zone: 'UTC' }).endOf('month');
      return {
        subjectKey: 'clinic',
        periodStart,
        periodEnd: periodEnd.toISODate() ?? periodStart,
        coupleId: null,
      };
    });
  }

  /** A couple's session summary since a day, for its therapists. */
  async requestSessionPrep(
    ctx: TenantContext,
    coupleId: string,
    body: CreateSessionPrepDto,
  ): Promise<ReportDto> {
    return this.request(ctx, 'session_prep', async (manager) => {
      await this.access.requireAccess(manager, ctx, 'report.session_prep', [coupleId]);
      const today = await clinicToday(manager, ctx.clinicId);
      if (!DateTime.fromISO(body.since).isValid) throw fieldError('since', 'not a real day');
      if (body.since > today) throw fieldError('since', 'the day must not be in the future');
      return { subjectKey: coupleId, periodStart: body.since, periodEnd: today, coupleId };
    });
  }

  /** Everything about a couple that the caller may see, as of today. */
  async requestExport(ctx: TenantContext, coupleId: string): Promise<ReportDto> {
    return this.request(ctx, 'couple_export', async (manager) => {
      await this.access.requireAccess(manager, ctx, 'report.export', [coupleId]);
      const today = await clinicToday(manager, ctx.clinicId);
      // An export holds what its requester may see, so the requester is part of its subject.
      return {
        subjectKey: `${coupleId}:${ctx.userId}`,
        periodStart: today,
        periodEnd: today,
        coupleId,
      };
    });
  }

  private async request(
    ctx: TenantContext,
    kind: ReportKind,
    keyOf: (manager: EntityManager) => Promise<ReportKey>,
  ): Promise<ReportDto> {
    const report = await this.db.run(ctx, async (manager) => {
      const key = await keyOf(manager);
      const [user] = await manager.query<Array<{ locale: string }>>(
        `SELECT locale FROM users WHERE clinic_id = $1 AND id = $2`,
        [ctx.clinicId, ctx.userId],
      );
      const claimed = await claimReport(manager, ctx.clinicId, kind, key, {
        requestedBy: ctx.userId,
        locale: user?.locale ?? 'en',
      });
      await this.audit.record(manager, ctx, {
        action: 'report.request',
        recordType: 'report',
        recordId: claimed.id,
        detail: { kind },
      });
      return claimed;
    });
    await enqueueBuild(this.queues, report);
    return toDto(report);
  }

  async list(
    ctx: TenantContext,
    query: ReportListQuery,
  ): Promise<{ rows: ReportDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      const parameters: unknown[] = [ctx.clinicId, ctx.userId, ctx.role];
      const where = [READABLE_REPORT];
      const add = (sql: (p: string) => string, value: unknown) => {
        parameters.push(value);
        where.push(sql(`$${parameters.length}`));
      };
      const { id, kind, status, coupleId } = query.filter;
      if (id) add((p) => `r.id = ANY(${p}::uuid[])`, asArray(id));
      if (kind) add((p) => `r.kind = ${p}`, kind);
      if (status) add((p) => `r.status = ${p}`, status);
      if (coupleId) add((p) => `r.couple_id = ${p}`, coupleId);
      const rows = await manager.query<Array<ReportRow & { total: string }>>(
        `SELECT ${REPORT_COLUMNS}, count(*) OVER () AS total
           FROM reports r WHERE ${where.join(' AND ')}
          ORDER BY ${SORT_COLUMNS[query.sort]} ${query.order === 'DESC' ? 'DESC' : 'ASC'}, r.id
          LIMIT ${query.limit} OFFSET ${query.offset}`,
        parameters,
      );
      await this.audit.record(manager, ctx, {
        action: 'report.list_read',
        recordType: 'report',
        detail: { count: rows.length },
      });
      return { rows: rows.map((row) => toDto(mapReport(row))), total: Number(rows[0]?.total ?? 0) };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<ReportDto> {
    return this.db.run(ctx, async (manager) => toDto(await this.readable(manager, ctx, id)));
  }

  /**
   * Streams a ready report's file to the response, chunk by chunk, inside the reader's tenant
   * transaction, after writing the audit row. Not readable, not ready, or no such file: 404.
   */
  async download(
    ctx: TenantContext,
    id: string,
    format: ReportFormat,
    response: Response,
  ): Promise<void> {
    await this.db.run(ctx, async (manager) => {
      const report = await this.readable(manager, ctx, id);
      if (report.status !== 'ready' || !REPORT_KIND_FORMATS[report.kind].includes(format)) {
        throw new NotFoundException('Not found');
      }
      await this.audit.record(manager, ctx, {
        action: 'report.download',
        recordType: 'report',
        recordId: id,
        detail: { kind: report.kind, format },
      });
      response.status(200);
      response.setHeader('Content-Type', CONTENT_TYPES[format]);
      response.setHeader(
        'Content-Disposition',
        `attachment; filename="${fileName(report, format)}"`,
      );
      response.setHeader('Cache-Control', 'no-store');
      for await (const chunk of readReportFile(manager, ctx.clinicId, id, format)) {
        if (!response.write(chunk)) await once(response, 'drain');
      }
      response.end();
    });
  }

  private async readable(manager: EntityManager, ctx: TenantContext, id: string): Promise<Report> {
    const report = await selectReport(
      manager,
      `SELECT ${REPORT_COLUMNS} FROM reports r WHERE r.id = $4 AND ${READABLE_REPORT}`,
      [ctx.clinicId, ctx.userId, ctx.role, id],
    );
    if (!report) throw new NotFoundException('Not found');
    return report;
  }
}

function fieldError(field: string, problem: string): BadRequestException {
  return invalidRequest({ [field]: problem }, 'Invalid report request');
}

/** The clinic's civil date now: periods are the clinic's days, not UTC's. */
async function clinicToday(manager: EntityManager, clinicId: string): Promise<string> {
  const [row] = await manager.query<Array<{ today: string }>>(
    `SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM clinics WHERE id = $1`,
    [clinicId],
  );
  if (!row) throw new NotFoundException('Not found');
  return row.today;
}

/**
 * Finds or creates the report with this key. Concurrent requests race on the unique key: one
 * inserts, the other finds its row. A failed report asked for again goes back to the queue
 * with a new generation (so its job id is new).
 */
export async function claimReport(
  manager: EntityManager,
  clinicId: string,
  kind: ReportKind,
  key: ReportKey,
  options: { requestedBy: string | null; locale: string },
): Promise<Report> {
  const inserted = await selectReport(
    manager,
    `INSERT INTO reports AS r (clinic_id, kind, subject_key, period_start, period_end, couple_id,
                              requested_by_user_id, locale)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (clinic_id, kind, subject_key, period_start, period_end)
       DO UPDATE SET status = 'queued', progress = 0, error = NULL, started_at = NULL,
                     finished_at = NULL, generation = r.generation + 1
       WHERE r.status = 'failed'
     RETURNING ${REPORT_COLUMNS}`,
    [
      clinicId,
      kind,
      key.subjectKey,
      key.periodStart,
      key.periodEnd,
      key.coupleId,
      options.requestedBy,
      options.locale,
    ],
  );
  if (inserted) return inserted;
  const existing = await selectReport(
    manager,
    `SELECT ${REPORT_COLUMNS} FROM reports r
      WHERE r.clinic_id = $1 AND r.kind = $2 AND r.subject_key = $3
        AND r.period_start = $4 AND r.period_end = $5`,
    [clinicId, kind, key.subjectKey, key.periodStart, key.periodEnd],
  );
  if (!existing) throw new Error('report key claimed but not found');
  return existing;
}

/** One job per report generation: a second enqueue of the same report adds nothing. */
export async function enqueueBuild(queues: QueueRegistry, report: Report): Promise<void> {
  if (report.status !== 'queued' && report.status !== 'building') return;
  await queues.enqueue(
    'reports.build',
    { clinicId: report.clinicId, reportId: report.id },
    { jobId: `report:${report.id}:${report.generation}` },
  );
}

function fileName(report: Report, format: ReportFormat): string {
  const period =
    report.periodStart === report.periodEnd
      ? report.periodStart
      : `${report.periodStart}_${report.periodEnd}`;
  return `mend-${report.kind.replace(/_/g, '-')}-${period}.${format}`;
}

export function toDto(report: Report): ReportDto {
  return {
    id: report.id,
    kind: report.kind,
    status: report.status,
    progress: report.progress,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    coupleId: report.coupleId,
    formats: report.status === 'ready' ? [...REPORT_KIND_FORMATS[report.kind]] : [],
    scheduled: report.requestedByUserId === null,
    requestedAt: report.requestedAt.toISOString(),
    finishedAt: report.finishedAt ? report.finishedAt.toISOString() : null,
    expiresAt: report.expiresAt ? report.expiresAt.toISOString() : null,
  };
}
