import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsString, MaxLength, MinLength } from 'class-validator';
import { RESPONSE_STATUSES, type ResponseStatus } from '@mend/shared-contracts';
import { COMPLETION_MODES, EXERCISE_THEMES, type CompletionMode } from '@mend/shared-exercises';
import type { ShownAnswer } from './answer-visibility';

const ANSWERS_EXAMPLE = {
  how_was_today: { value: 7, visibility: 'partner' },
  what_i_need: { value: 'More time to talk.', visibility: 'therapist' },
};

export class AnswersDto {
  @ApiProperty({
    example: ANSWERS_EXAMPLE,
    description:
      'promptId → { value, visibility }. Visibility is one of the exercise’s visibilityOptions (its default when left out).',
  })
  @IsObject()
  answers!: Record<string, unknown>;
}

export class FeedbackBodyDto {
  @ApiProperty({ minLength: 1, maxLength: 4000 })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  body!: string;
}

export class FeedbackDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) occurrenceId!: string;
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ format: 'uuid' }) coupleId!: string;
  @ApiProperty({ format: 'uuid' }) exerciseId!: string;
  @ApiProperty() exerciseTitle!: string;
  @ApiProperty({ enum: EXERCISE_THEMES }) exerciseTheme!: string;
  @ApiProperty({ enum: COMPLETION_MODES }) completionMode!: CompletionMode;
  @ApiProperty() requiresTherapistReview!: boolean;
  @ApiProperty({ example: '2026-12-01' }) localDate!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty({ enum: RESPONSE_STATUSES }) status!: ResponseStatus;
  @ApiProperty({
    example: ANSWERS_EXAMPLE,
    description:
      'Only what the reader may see. A partner never receives therapist-only answers (they are left out); an admin receives { withheld: true } in their place unless the clinic grants access.',
  })
  answers!: Record<string, ShownAnswer>;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ description: 'Submitted after the due time.' }) late!: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) confirmedById!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) confirmedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) releasedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) reviewedAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) reviewedById!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: [FeedbackDto] }) feedback!: FeedbackDto[];
}

export class SubmitResultDto extends ResponseDto {
  @ApiPropertyOptional({ description: 'True when this repeats an earlier submission (200).' })
  replayed?: boolean;
}
