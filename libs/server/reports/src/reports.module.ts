import { Module, type DynamicModule } from '@nestjs/common';
import { MailModule } from '@mend/server-mail';
import { ClinicMonthlyReport } from './clinic-monthly.report';
import { ReportBuilder } from './report-builder.service';
import { ReportJobs } from './report.jobs';
import { ReportsController } from './reports.controller';
import { DEFAULT_REPORTS_OPTIONS, REPORTS_OPTIONS, type ReportsOptions } from './reports.options';
import { ReportsService } from './reports.service';

/** API side: asking for, listing and downloading reports. */
@Module({
  controllers: [ReportsController],
  providers: [ReportsService],
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
        ReportBuilder,
        ReportJobs,
      ],
      exports: [ReportBuilder],
    };
  }
}
