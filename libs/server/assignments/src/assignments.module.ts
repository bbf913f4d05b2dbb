import { Module } from '@nestjs/common';
import { AssignmentsController } from './assignments/assignments.controller';
import { AssignmentsService } from './assignments/assignments.service';
import { OccurrencePlanner } from './occurrences/occurrence-planner.service';
import { OccurrencePlanningJobs } from './occurrences/occurrence-planning.jobs';
import { OccurrencesController } from './occurrences/occurrences.controller';
import { OccurrencesService } from './occurrences/occurrences.service';
import { ResponseReader } from './responses/response-reader.service';
import { ResponsesController } from './responses/responses.controller';
import { ResponsesService } from './responses/responses.service';

/** Assignments, their occurrences, and the partners' responses with their visibility rules. */
@Module({
  controllers: [AssignmentsController, OccurrencesController, ResponsesController],
  providers: [
    AssignmentsService,
    OccurrencePlanner,
    OccurrencesService,
    ResponseReader,
    ResponsesService,
  ],
  exports: [OccurrencePlanner],
})
export class AssignmentsModule {}

/** Worker side: keeps occurrences a rolling window ahead. */
@Module({ providers: [OccurrencePlanner, OccurrencePlanningJobs] })
export class AssignmentJobsModule {}
