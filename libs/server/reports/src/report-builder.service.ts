import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import type { Report } from '@mend/server-db';
import { DEFAULT_JOB_OPTIONS, type JobRunContext } from '@mend/server-jobs';
import { Mailer } from '@mend/server-mail';
import { TenantDb } from '@mend/server-tenancy';
import { WEB_PATHS, webUrl, type ReportFormat, type ReportKind } from '@mend/shared-contracts';
import { ClinicMonthlyReport } from './clinic-monthly.report';
import { CoupleExportReport } from './couple-export.report';
import type { ReportBuildContext } from './report-build-context';
import { ReportFileWriter } from './report-files';
import { REPORT_COLUMNS, selectReport } from './reports.queries';
import { SessionPrepReport } from './session-prep.report';

const MAX_ATTEMPTS = DEFAULT_JOB_OPTIONS.attempts ?? 1;

/** A kind of report that knows how to build its files. */
interface ReportKindBuilder {
  build(context: ReportBuildContext): Promise<void>;
}

/**
 * Builds one report, exactly once whatever the queue does:
 * - the row's status decides: a ready or failed report is not built again;
 * - the files and the 'ready' status are written in one transaction, so a worker killed
 *   mid-build (SIGKILL) leaves no file, and the stalled job built again leaves one;
 * - a transaction-scoped advisory lock on the report keeps two workers (a stalled job handed
 *   on while its first worker still runs) from building it side by side;
 * - the requester's in-app notification is written in the same transaction; the email is sent
 *   after it, once (`notified_at`), with a Message-ID fixed by the report.
 */
@Injectable()
export class ReportBuilder {
  private readonly logger = new Logger(ReportBuilder.name);
  private readonly kinds: { [K in ReportKind]: ReportKindBuilder };

  constructor(
    private readonly db: TenantDb,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    monthly: ClinicMonthlyReport,
    sessionPrep: SessionPrepReport,
    coupleExport: CoupleExportReport,
  ) {
    this.kinds = {
      clinic_monthly: monthly,
      session_prep: sessionPrep,
      couple_export: coupleExport,
    };
  }

  async build(clinicId: string, reportId: string, run: JobRunContext): Promise<void> {
    const scope = { clinicId };
    const claimed = await this.db.run(scope, (manager) =>
      selectReport(
        manager,
        `UPDATE reports r SET status = 'building', started_at = COALESCE(r.started_at, now())
          WHERE r.clinic_id = $1 AND r.id = $2 AND r.status IN ('queued', 'building')
          RETURNING ${REPORT_COLUMNS}`,
        [clinicId, reportId],
      ),
    );
    if (claimed) {
      try {
        await this.db.run(scope, (manager) => this.buildFiles(manager, claimed));
      } catch (error) {
        if (run.attempt >= MAX_ATTEMPTS) await this.fail(clinicId, reportId, error);
        throw error;
      }
    }
    await this.mailRequester(clinicId, reportId);
  }

  private async buildFiles(manager: EntityManager, claimed: Report): Promise<void> {
    const { clinicId, id } = claimed;
    const [lock] = await manager.query<Array<{ locked: boolean }>>(
      `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`,
      [`report:${id}`],
    );
    if (!lock?.locked) throw new Error(`report ${id} is being built by another worker`);
    const report = await selectReport(
      manager,
      `SELECT ${REPORT_COLUMNS} FROM reports r
        WHERE r.clinic_id = $1 AND r.id = $2 AND r.status = 'building'`,
      [clinicId, id],
    );
    if (!report) return;
    const builder = this.kinds[report.kind];
    const [clinic] = await manager.query<Array<{ time_zone: string }>>(
      `SELECT time_zone FROM clinics WHERE id = $1`,
      [clinicId],
    );
    const writers = new Map<ReportFormat, ReportFileWriter>();
    await builder.build({
      manager,
      report,
      timeZone: clinic?.time_zone ?? 'UTC',
      file: (format) => {
        let writer = writers.get(format);
        if (!writer) {
          writer = new ReportFileWriter(manager, clinicId, id, format);
          writers.set(format, writer);
        }
        return writer;
      },
      progress: (percent) => this.progress(clinicId, id, percent),
    });
    await manager.query(
      `UPDATE reports r SET status = 'ready', progress = 100, finished_at = now(), error = NULL,
              expires_at = now() + make_interval(days => c.report_retention_days)
         FROM clinics c
        WHERE c.id = r.clinic_id AND r.clinic_id = $1 AND r.id = $2`,
      [clinicId, id],
    );
    if (report.requestedByUserId) {
      await manager.query(
        `INSERT INTO notifications (clinic_id, user_id, kind, report_id, couple_id, detail)
         VALUES ($1, $2, 'report_ready', $3, $4, $5)`,
        [clinicId, report.requestedByUserId, id, report.coupleId, { reportKind: report.kind }],
      );
    }
  }

  private async progress(clinicId: string, reportId: string, percent: number): Promise<void> {
    await this.db.run({ clinicId }, (manager) =>
      manager.query(
        `UPDATE reports SET progress = $3
          WHERE clinic_id = $1 AND id = $2 AND status = 'building' AND progress < $3`,
        [clinicId, reportId, Math.min(99, Math.max(0, Math.round(percent)))],
      ),
    );
  }

  private async fail(clinicId: string, reportId: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error(`report ${reportId} failed: ${message}`);
    await this.db.run({ clinicId }, (manager) =>
      manager.query(
        `UPDATE reports SET status = 'failed', error = $3, finished_at = now()
          WHERE clinic_id = $1 AND id = $2 AND status IN ('queued', 'building')`,
        [clinicId, reportId, message.slice(0, 500)],
      ),
    );
  }

  /** The email says only that a report of a kind is ready; the link leads to sign-in. */
  private async mailRequester(clinicId: string, reportId: string): Promise<void> {
    await this.db.run({ clinicId }, async (manager) => {
      const [row] = await manager.query<
        Array<{ kind: ReportKind; email: string; locale: string; status: string }>
      >(
        `SELECT r.kind, u.email, u.locale, u.status::text AS status FROM reports r
           JOIN users u ON u.clinic_id = r.clinic_id AND u.id = r.requested_by_user_id
          WHERE r.clinic_id = $1 AND r.id = $2 AND r.status = 'ready' AND r.notified_at IS NULL
          FOR UPDATE OF r`,
        [clinicId, reportId],
      );
      if (!row) return;
      if (row.status === 'active') {
        await this.mailer.send({
          to: row.email,
          template: 'report_ready',
          locale: row.locale === 'es' ? 'es' : 'en',
          data: {
            reportKind: row.kind,
            reportsUrl: webUrl(this.config.WEB_ORIGIN, WEB_PATHS.reports),
          },
          messageId: this.mailer.messageIdFor(`report-${reportId}`),
        });
      }
      await manager.query(
        `UPDATE reports SET notified_at = now() WHERE clinic_id = $1 AND id = $2`,
        [clinicId, reportId],
      );
    });
  }
}
