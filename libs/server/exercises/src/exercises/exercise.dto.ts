import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  COMPLETION_MODES,
  CONTENT_LOCALES,
  EXERCISE_THEMES,
  VISIBILITIES,
  type CompletionMode,
  type ContentLocale,
  type ExerciseForm,
  type ExerciseTheme,
  type Visibility,
} from '@mend/shared-exercises';
import { EXERCISE_SOURCES, type ExerciseSource } from '@mend/shared-contracts';
import { SingleLine } from '@mend/server-platform';

const FORM_SCHEMA_DESCRIPTION =
  'The form: { prompts: [...] }. Each prompt has id, kind (long_text, short_text, scale, ' +
  'single_choice, multiple_choice, checklist, date, yes_no), label, required and the settings ' +
  'of its kind (options, minSelections, maxLength, …).';

/** One exercise as the library list shows it: the exercise and its current version's summary. */
export class ExerciseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'daily-check-in', description: 'Unique in the clinic; never changes.' })
  key!: string;
  @ApiProperty({ enum: EXERCISE_THEMES }) theme!: ExerciseTheme;
  @ApiProperty({ enum: EXERCISE_SOURCES, description: 'library exercises are read-only' })
  source!: ExerciseSource;
  @ApiProperty() currentVersion!: number;
  @ApiProperty() title!: string;
  @ApiProperty({
    enum: CONTENT_LOCALES,
    nullable: true,
    type: String,
    description:
      "The translation the text is shown in (the reader's language), or null when shown as written.",
  })
  translation!: ContentLocale | null;
  @ApiProperty({
    enum: CONTENT_LOCALES,
    isArray: true,
    description: 'The languages this version is translated into, besides its own.',
  })
  languages!: ContentLocale[];
  @ApiProperty() summary!: string;
  @ApiProperty() whyItHelps!: string;
  @ApiProperty() estimatedMinutes!: number;
  @ApiProperty({ enum: COMPLETION_MODES, isArray: true }) completionModes!: CompletionMode[];
  @ApiProperty({ enum: VISIBILITIES, isArray: true }) visibilityOptions!: Visibility[];
  @ApiProperty() requiresTherapistReview!: boolean;
  @ApiProperty() promptCount!: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) copiedFromId!: string | null;
  @ApiProperty() archived!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ExerciseVersionSummaryDto {
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** The exercise with its current definition: what a client will see when it is assigned. */
export class ExerciseDetailDto extends ExerciseDto {
  @ApiProperty() instructions!: string;
  @ApiProperty({ enum: VISIBILITIES }) defaultVisibility!: Visibility;
  @ApiProperty({ type: 'object', additionalProperties: true, description: FORM_SCHEMA_DESCRIPTION })
  form!: ExerciseForm;
  @ApiProperty({ type: ExerciseVersionSummaryDto, isArray: true, description: 'Oldest first.' })
  versions!: ExerciseVersionSummaryDto[];
}

/** One version's whole definition, as stored and as assignments of that version use it. */
export class ExerciseVersionDto {
  @ApiProperty({ format: 'uuid' }) exerciseId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() current!: boolean;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The whole template: key, title, theme, …, form.',
  })
  definition!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The shown text in other languages: { es: { title, summary, …, prompts } }.',
  })
  translations!: Record<string, unknown>;
}

/**
 * An exercise definition as an author writes it. The fields are only whitelisted here (unknown
 * ones are a 400); their content is checked as a whole by @mend/shared-exercises, so every
 * problem, down to `form.prompts[2].options`, is reported at once.
 */
export class ExerciseDefinitionDto {
  @ApiProperty({ example: 'Evening gratitude note', maxLength: 120 }) @Allow() title!: unknown;
  @ApiProperty({ enum: EXERCISE_THEMES }) @Allow() theme!: unknown;
  @ApiProperty({ maxLength: 300 }) @Allow() summary!: unknown;
  @ApiProperty({ maxLength: 500, description: 'One to three complete sentences.' })
  @Allow()
  whyItHelps!: unknown;
  @ApiProperty({ maxLength: 4000, description: 'Blank lines separate paragraphs.' })
  @Allow()
  instructions!: unknown;
  @ApiProperty({ minimum: 1, maximum: 240 }) @Allow() estimatedMinutes!: unknown;
  @ApiProperty({ enum: COMPLETION_MODES, isArray: true }) @Allow() completionModes!: unknown;
  @ApiProperty({ enum: VISIBILITIES, isArray: true }) @Allow() visibilityOptions!: unknown;
  @ApiProperty({ enum: VISIBILITIES, description: 'One of visibilityOptions.' })
  @Allow()
  defaultVisibility!: unknown;
  @ApiProperty() @Allow() requiresTherapistReview!: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, description: FORM_SCHEMA_DESCRIPTION })
  @Allow()
  form!: unknown;
}

export class CopyExerciseDto {
  @ApiPropertyOptional({
    maxLength: 120,
    description: 'The copy\'s title; default: the source\'s title followed by "(copy)".',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @SingleLine()
  title?: string;
}
