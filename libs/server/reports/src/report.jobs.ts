import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HandlesJob, QueueRegistry, type JobRunContext } from '@mend/server-jobs';
import { TenantDb } from '@mend/server-tenancy';
import { JOBS, type JobPayload } from '@mend/shared-contracts';
import { ReportBuilder } from './report-builder.service';
import { claimReport, enqueueBuild } from './reports.service';
import { REPORTS_OPTIONS, type ReportsOptions } from './reports.options';

/**
 * The reports queue's handlers. Two job schedulers (upsert is idempotent, so every worker may
 * register them): an hourly pass that asks for each clinic's monthly report once a month has
 * begun in that clinic's own time zone — one scheduler for every clinic, not a cron each — and
 * an hourly sweep of expired reports.
 */
@Injectable()
export class ReportJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportJobs.name);

  constructor(
    private readonly db: TenantDb,
    private readonly queues: QueueRegistry,
    private readonly builder: ReportBuilder,
    @Inject(REPORTS_OPTIONS) private readonly options: ReportsOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.scheduleEveryMs === null) return;
    const queue = this.queues.queue(JOBS['reports.monthly'].queue);
    await queue.upsertJobScheduler(
      'reports.monthly',
      { every: this.options.scheduleEveryMs },
      { name: 'reports.monthly', data: { scheduledBy: 'reports' } },
    );
    await queue.upsertJobScheduler(
      'reports.sweep',
      { every: this.options.scheduleEveryMs },
      { name: 'reports.sweep', data: { scheduledBy: 'reports' } },
    );
  }

  @HandlesJob('reports.build')
  async build(payload: JobPayload<'reports.build'>, context: JobRunContext): Promise<void> {
    await this.builder.build(payload.clinicId, payload.reportId, context);
  }

  /**
   * Clinics whose previous month's report is missing get it asked for, on behalf of nobody
   * (every admin of the clinic may read it). The unique key makes a repeated pass harmless.
   */
  @HandlesJob('reports.monthly')
  async monthly(payload: JobPayload<'reports.monthly'>): Promise<void> {
    const at = payload.at ? new Date(payload.at) : new Date();
    const due = await this.db.query<Array<{ clinic_id: string; period_start: string }>>(
      `SELECT clinic_id, period_start::text AS period_start FROM clinics_due_monthly_report($1)`,
      [at],
    );
    for (const { clinic_id: clinicId, period_start: periodStart } of due) {
      const report = await this.db.run({ clinicId }, async (manager) => {
        const [end] = await manager.query<Array<{ period_end: string }>>(
          `SELECT (($1::date + interval '1 month') - interval '1 day')::date::text AS period_end`,
          [periodStart],
        );
        return claimReport(
          manager,
          clinicId,
          'clinic_monthly',
          {
            subjectKey: 'clinic',
            periodStart,
            periodEnd: end?.period_end ?? periodStart,
            coupleId: null,
          },
          { requestedBy: null, locale: 'en' },
        );
      });
      await enqueueBuild(this.queues, report);
    }
  }

  @HandlesJob('reports.sweep')
  async sweep(payload: JobPayload<'reports.sweep'>): Promise<void> {
    const at = payload.at ? new Date(payload.at) : new Date();
    const deleted = await this.db.query<Array<{ clinic_id: string }>>(
      `SELECT clinic_id FROM delete_expired_reports($1)`,
      [at],
    );
    if (deleted.length > 0) this.logger.log(`deleted ${deleted.length} expired report(s)`);
  }
}
