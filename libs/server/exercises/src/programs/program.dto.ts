import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPLETION_MODES,
  EXERCISE_THEMES,
  SUGGESTED_PARTNERS,
  type CompletionMode,
  type ExerciseTheme,
  type StepRecurrence,
  type SuggestedPartner,
} from '@mend/shared-exercises';
import { EXERCISE_SOURCES, type ExerciseSource } from '@mend/shared-contracts';

export class ProgramStepDto {
  @ApiProperty({ format: 'uuid' }) exerciseId!: string;
  @ApiProperty() exerciseKey!: string;
  @ApiProperty({ description: "The exercise's current title." }) exerciseTitle!: string;
  @ApiProperty({ enum: EXERCISE_THEMES }) exerciseTheme!: ExerciseTheme;
  @ApiProperty({ description: '1-based week the step starts in.' }) week!: number;
  @ApiPropertyOptional({ description: 'Last week (inclusive) a repeating step runs.' })
  untilWeek?: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '{ kind: once } | { kind: daily } | { kind: weekly, weekdays: [1..7] }',
  })
  recurrence!: StepRecurrence;
  @ApiProperty({ enum: COMPLETION_MODES }) completionMode!: CompletionMode;
  @ApiPropertyOptional({ enum: SUGGESTED_PARTNERS }) suggestedPartner?: SuggestedPartner;
}

export class ProgramDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() weeks!: number;
  @ApiProperty({ enum: EXERCISE_SOURCES }) source!: ExerciseSource;
  @ApiProperty() stepCount!: number;
  @ApiProperty({ type: ProgramStepDto, isArray: true }) steps!: ProgramStepDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
