import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OCCURRENCE_STATUSES, type OccurrenceStatus } from '@mend/shared-contracts';
import {
  COMPLETION_MODES,
  CONTENT_LOCALES,
  EXERCISE_THEMES,
  VISIBILITIES,
  type CompletionMode,
  type ContentLocale,
  type Visibility,
} from '@mend/shared-exercises';
import { ResponseDto } from '../responses/response.dto';

export const CLIENT_STATES = ['due', 'overdue', 'done'] as const;
export type ClientState = (typeof CLIENT_STATES)[number];

export class OccurrenceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ format: 'uuid' }) coupleId!: string;
  @ApiProperty({ format: 'uuid' }) exerciseId!: string;
  @ApiProperty({ description: "In the reader's language when the version is translated into it." })
  exerciseTitle!: string;
  @ApiProperty({ enum: EXERCISE_THEMES }) exerciseTheme!: string;
  @ApiProperty() estimatedMinutes!: number;
  @ApiProperty({ example: '2026-12-01', description: 'The date on the couple’s clocks.' })
  localDate!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ enum: OCCURRENCE_STATUSES }) status!: OccurrenceStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({ enum: COMPLETION_MODES }) completionMode!: CompletionMode;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeId!: string | null;
  @ApiProperty({ description: 'The caller has a saved draft.' }) hasDraft!: boolean;
  @ApiProperty({ description: 'The caller has submitted an answer.' }) hasSubmitted!: boolean;
  @ApiPropertyOptional({ enum: CLIENT_STATES, description: 'Clients only.' })
  state?: ClientState;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Clients only: the partner’s joint answer waiting for the caller to confirm it.',
  })
  pendingConfirmationResponseId?: string | null;
}

export class PromptsDefinitionDto {
  @ApiProperty() summary!: string;
  @ApiProperty() whyItHelps!: string;
  @ApiProperty() instructions!: string;
  @ApiProperty({ description: 'The prompts of the pinned version, as @mend/shared-exercises.' })
  prompts!: unknown[];
  @ApiProperty({ enum: VISIBILITIES, isArray: true }) visibilityOptions!: Visibility[];
  @ApiProperty({ enum: VISIBILITIES }) defaultVisibility!: Visibility;
  @ApiProperty() requiresTherapistReview!: boolean;
}

export class OccurrenceDetailDto extends OccurrenceDto {
  @ApiProperty({
    type: PromptsDefinitionDto,
    description: "In the reader's language when the version is translated into it.",
  })
  definition!: PromptsDefinitionDto;
  @ApiProperty({
    enum: CONTENT_LOCALES,
    nullable: true,
    type: String,
    description: 'The translation the definition is shown in, or null when shown as written.',
  })
  translation!: ContentLocale | null;
  @ApiProperty({
    type: ResponseDto,
    nullable: true,
    description: 'Clients: the caller’s own draft or answer.',
  })
  myResponse!: ResponseDto | null;
  @ApiProperty({
    type: [ResponseDto],
    description: 'Other answers to this occurrence, as far as the caller may see them.',
  })
  responses!: ResponseDto[];
}
