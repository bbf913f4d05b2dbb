import { Module } from '@nestjs/common';
import { AlertEvaluator } from './alert-evaluator.service';
import { AlertsService } from './alerts.service';
import { CoupleProgressCalculator } from './couple-progress.calculator';
import { EngagementRepository } from './engagement.repository';
import { OccurrenceCloser } from './occurrence-closer.service';
import { OccurrenceSweepJobs } from './occurrence-sweep.jobs';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

const SHARED = [EngagementRepository, CoupleProgressCalculator, AlertEvaluator, OccurrenceCloser];

/** API side: progress, caseload, timeline and alerts for staff. */
@Module({
  controllers: [ProgressController],
  providers: [...SHARED, ProgressService, AlertsService],
  exports: [AlertEvaluator],
})
export class ProgressModule {}

/** Worker side: the sweep that settles overdue occurrences and keeps alerts current. */
@Module({ providers: [...SHARED, OccurrenceSweepJobs] })
export class ProgressJobsModule {}
