import { Module, type DynamicModule } from '@nestjs/common';
import { MailModule } from '@mend/server-mail';
import { ClinicDashboardController } from './clinic-dashboard.controller';
import { ClinicDashboardService } from './clinic-dashboard.service';
import { ClinicMonthlyReport } from './clinic-monthly.report';
import { CoupleExportReport } from './couple-export.report';
import { ReportBuilder } from './report-builder.service';
import { ReportJobs } from './report.jobs';
import { CoupleReportsController, ReportsController } from './reports.controller';
import { DEFAULT_REPORTS_OPTIONS, REPORTS_OPTIONS, type ReportsOptions } from './reports.options';
import { ReportsService } from './reports.service';
import { SessionPrepReport } from './session-prep.report';

/** API side: asking for, listing and downloading reports. */
@Module({
  controllers: [ReportsController, CoupleReportsController, ClinicDashboardController],
  providers: [ReportsService, ClinicDashboardService],
})
export class ReportsModule {}

/** Worker side: building reports, the monthly schedule and the retention sweep. */
@Module({})
export class ReportJobsModule {
  static forWorker(options: Partial<ReportsOptions> = {}): DynamicModule {
    return {
      module: ReportJobsModule,
      imports: [MailModule],
      providers: [
        { provide: REPORTS_OPTIONS, useValue: { ...DEFAULT_REPORTS_OPTIONS, ...options } },
        ClinicMonthlyReport,
        SessionPrepReport,
        CoupleExportReport,
        ReportBuilder,
        ReportJobs,
      ],
      exports: [ReportBuilder],
    };
  }
}
