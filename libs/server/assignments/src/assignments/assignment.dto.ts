import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '@mend/shared-contracts';
import { COMPLETION_MODES, EXERCISE_THEMES, type CompletionMode } from '@mend/shared-exercises';

const RECURRENCE_EXAMPLE = { kind: 'weekdays', weekdays: [1, 4] };
const REMINDER_EXAMPLE = {
  dueSoon: { kind: 'before_due', minutes: 120 },
  overdueAfterMinutes: 720,
};

/**
 * The JSON's shape only. What a schedule's parts mean (dates, times, recurrence, reminder
 * policy) is checked once, by @mend/shared-schedule's zod schemas in AssignmentsService, and
 * reported through the platform's `invalidRequest` (see there for where each kind of rule lives).
 */
export class CreateAssignmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  coupleId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Assign one exercise (its current version is pinned). Exactly one of exerciseId and programId.',
  })
  @IsOptional()
  @IsUUID()
  exerciseId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Assign a whole program: one assignment per step, sharing a programRunId. Mode, recurrence and end come from each step.',
  })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @ApiPropertyOptional({
    enum: COMPLETION_MODES,
    description: 'Required for an exercise, and allowed by it; not given for a program.',
  })
  @IsOptional()
  @IsIn(COMPLETION_MODES)
  completionMode?: CompletionMode;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The partner who answers, required exactly when the mode is "one". For a program: the partner who does the one-partner steps meant for the partner who broke trust; steps meant for the hurt partner go to the other partner.',
  })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiProperty({ example: '2026-12-01', description: 'YYYY-MM-DD in the couple’s time zone.' })
  @IsString()
  startDate!: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Inclusive; exercises only.' })
  @IsOptional()
  @IsString()
  endDate?: string;

  @ApiPropertyOptional({
    example: RECURRENCE_EXAMPLE,
    description:
      'once | daily | weekdays {weekdays: ISO 1–7} | every_n_days {n: 2–60}. Required for an exercise; not given for a program.',
  })
  @IsOptional()
  @IsObject()
  recurrence?: Record<string, unknown>;

  @ApiProperty({ example: '20:00', description: 'HH:mm on the couple’s clocks.' })
  @IsString()
  dueTime!: string;

  @ApiPropertyOptional({
    example: REMINDER_EXAMPLE,
    description:
      'Default: due-soon at the partners’ reminder time (when they share one) or 120 minutes before, overdue after 12 hours.',
  })
  @IsOptional()
  @IsObject()
  reminderPolicy?: Record<string, unknown>;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** What may change after assigning; anything else in the body is a 400. */
export class UpdateAssignmentDto {
  @ApiPropertyOptional({
    enum: ASSIGNMENT_STATUSES,
    description:
      'Pausing or ending cancels the open future occurrences (answers are kept); resuming plans again. Ended is final.',
  })
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES)
  status?: AssignmentStatus;

  @ApiPropertyOptional({ maxLength: 1000, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @ApiPropertyOptional({ example: '19:30' })
  @IsOptional()
  @IsString()
  dueTime?: string;

  @ApiPropertyOptional({ example: '2027-01-31', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  endDate?: string | null;

  @ApiPropertyOptional({
    example: REMINDER_EXAMPLE,
    description: 'Reminders already planned and not yet sent follow the new policy.',
  })
  @IsOptional()
  @IsObject()
  reminderPolicy?: Record<string, unknown>;
}

export class ScheduleDto {
  @ApiProperty({ example: 'America/New_York' }) timeZone!: string;
  @ApiProperty({ example: '2026-12-01' }) startDate!: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) endDate?: string;
  @ApiProperty({ example: '20:00' }) dueTime!: string;
  @ApiProperty({ example: RECURRENCE_EXAMPLE }) recurrence!: Record<string, unknown>;
}

export class AssignmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) coupleId!: string;
  @ApiProperty({ format: 'uuid' }) exerciseId!: string;
  @ApiProperty({ format: 'uuid' }) exerciseVersionId!: string;
  @ApiProperty() exerciseVersion!: number;
  @ApiProperty() exerciseTitle!: string;
  @ApiProperty({ enum: EXERCISE_THEMES }) exerciseTheme!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) programId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) programRunId!: string | null;
  @ApiProperty({ enum: COMPLETION_MODES }) completionMode!: CompletionMode;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeId!: string | null;
  @ApiProperty({ type: ScheduleDto }) schedule!: ScheduleDto;
  @ApiProperty({
    description: 'In the reader’s language, e.g. "Every Monday at 8 pm, from 1 Dec".',
  })
  scheduleDescription!: string;
  @ApiProperty({ example: REMINDER_EXAMPLE }) reminderPolicy!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status!: AssignmentStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Occurrences exist up to this date.' })
  plannedUntil!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) pausedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt!: string | null;
}

export class CreatedAssignmentDto extends AssignmentDto {
  @ApiProperty({
    type: [String],
    description: 'Every assignment created: one for an exercise, one per step for a program.',
  })
  assignmentIds!: string[];
}
