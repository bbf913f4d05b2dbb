import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
} from 'class-validator';

const CLASSIFICATIONS = ['recovered', 'improved', 'unchanged', 'deteriorated'] as const;
const FIGURE_SOURCES = ['published_rci', 'published_norms', 'clinic_baselines'] as const;
const ADMINISTRATION_STATUSES = ['upcoming', 'open', 'answered', 'expired'] as const;
export type AdministrationStatus = (typeof ADMINISTRATION_STATUSES)[number];

export class MeasureLicenceDto {
  @ApiProperty() name!: string;
  @ApiProperty() holder!: string;
  @ApiProperty() terms!: string;
  @ApiProperty({ description: 'False only for Mend’s own check-ins.' })
  requiresAttestation!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  attestedAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  attestedById!: string | null;
}

export class MeasureDefinitionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'mend-trust' }) key!: string;
  @ApiProperty({ enum: ['mend', 'clinic'] }) source!: 'mend' | 'clinic';
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'In the reader’s language when the definition has it.' })
  title!: string;
  @ApiProperty({ description: 'False for Mend’s check-ins: not validated instruments.' })
  validated!: boolean;
  @ApiProperty() itemCount!: number;
  @ApiProperty({
    type: [String],
    description: 'Items whose wording the clinic has still to enter (import a new version).',
  })
  itemsWithoutPrompt!: string[];
  @ApiProperty({ type: MeasureLicenceDto }) licence!: MeasureLicenceDto;
  @ApiProperty({ description: 'Licence attested (or not needed) and every item worded.' })
  assignable!: boolean;
}

export class MeasureDefinitionDetailDto extends MeasureDefinitionDto {
  @ApiProperty({
    type: Object,
    description: 'The definition as data (see @mend/shared-measures).',
  })
  definition!: Record<string, unknown>;
}

export class ImportMeasureDefinitionDto {
  @ApiProperty({
    type: Object,
    example: { key: 'my-measure' },
    description:
      'A measure definition (JSON). A new key creates a definition; an existing key adds a version, whose licence must be attested again. Problems answer 400 naming the path, e.g. `definition.items[2].options`.',
  })
  @IsObject()
  definition!: Record<string, unknown>;
}

export class MeasureSettingsDto {
  @ApiProperty({ description: 'Each partner may see their own graph (never the other’s).' })
  partnersSeeOwnGraph!: boolean;
  @ApiProperty({
    minimum: 1,
    maximum: 100,
    description:
      'Alert when the gap between partners grows past this share of the measure’s range.',
  })
  gapAlertPercent!: number;
}

export class UpdateMeasureSettingsDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() partnersSeeOwnGraph?: boolean;
  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  gapAlertPercent?: number;
}

export class CreateMeasureScheduleDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() coupleId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() definitionId!: string;
  @ApiProperty({ example: '2026-12-01', description: 'YYYY-MM-DD in the couple’s time zone.' })
  @IsString()
  startDate!: string;
  @ApiPropertyOptional({ example: '2027-03-01', description: 'Inclusive.' })
  @IsOptional()
  @IsString()
  endDate?: string;
  @ApiProperty({ example: '09:00', description: 'When each round opens, on the couple’s clocks.' })
  @IsString()
  dueTime!: string;
  @ApiProperty({
    example: { kind: 'every_n_days', n: 14 },
    description: 'The recurrence rules of assignments: once | daily | weekdays | every_n_days.',
  })
  @IsObject()
  recurrence!: Record<string, unknown>;
  @ApiPropertyOptional({ minimum: 1, maximum: 30, default: 4, description: 'Days to answer.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  expiryDays?: number;
}

export class MeasureScheduleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) coupleId!: string;
  @ApiProperty({ format: 'uuid' }) definitionId!: string;
  @ApiProperty() definitionVersion!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: Object }) schedule!: Record<string, unknown>;
  @ApiProperty() expiryDays!: number;
  @ApiProperty({ description: 'Rounds planned, one per partner each.' }) administrations!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt!: string | null;
}

export class MeasureOptionDto {
  @ApiProperty() score!: number;
  @ApiProperty({ nullable: true, type: String }) label!: string | null;
}

export class MeasureItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() prompt!: string;
  @ApiProperty({ type: [MeasureOptionDto] }) options!: MeasureOptionDto[];
}

export class MeasureAdministrationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) scheduleId!: string;
  @ApiProperty({ format: 'uuid' }) coupleId!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty({ format: 'uuid' }) definitionId!: string;
  @ApiProperty() definitionVersion!: number;
  @ApiProperty() title!: string;
  @ApiProperty() validated!: boolean;
  @ApiProperty({ example: '2026-12-01' }) localDate!: string;
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ enum: ADMINISTRATION_STATUSES }) status!: AdministrationStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) answeredAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Staff; the partner themself only when the clinic lets partners see their own.',
  })
  total!: number | null;
}

export class MeasureAdministrationDetailDto extends MeasureAdministrationDto {
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ type: [MeasureItemDto] }) items!: MeasureItemDto[];
  @ApiProperty({
    type: Object,
    nullable: true,
    description: 'Item answers: staff, or the partner themself when the clinic allows.',
  })
  answers!: Record<string, number | null> | null;
}

export class AnswerMeasureDto {
  @ApiProperty({
    type: Object,
    example: { can_rely: 4 },
    description: 'Item id → the chosen option’s score; null or absent for a skipped item.',
  })
  @IsObject()
  answers!: Record<string, unknown>;
}

export class ChangeFiguresDto {
  @ApiProperty({ enum: FIGURE_SOURCES }) source!: (typeof FIGURE_SOURCES)[number];
  @ApiProperty({ description: 'Whether reliable change can be judged.' }) ready!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'Points of reliable change.' })
  threshold!: number | null;
  @ApiProperty({ nullable: true, type: Number }) baselineSd!: number | null;
  @ApiProperty({ nullable: true, type: Number }) reliability!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Clinic baselines counted.' })
  baselines!: number | null;
  @ApiProperty({ nullable: true, enum: ['too_few_baselines', 'no_spread'], type: String })
  reason!: 'too_few_baselines' | 'no_spread' | null;
  @ApiProperty({ description: 'Why, in words, when change is shown raw.' }) explanation!: string;
}

export class MeasurePointDto {
  @ApiProperty({ format: 'uuid' }) administrationId!: string;
  @ApiProperty({ example: '2026-12-01' }) localDate!: string;
  @ApiProperty({ format: 'date-time' }) answeredAt!: string;
  @ApiProperty() definitionVersion!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'From this partner’s baseline (first administration).' })
  change!: number;
  @ApiProperty({ enum: CLASSIFICATIONS, nullable: true, type: String })
  classification!: (typeof CLASSIFICATIONS)[number] | null;
}

export class PartnerSeriesDto {
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [MeasurePointDto] }) points!: MeasurePointDto[];
  @ApiProperty({ type: MeasurePointDto, nullable: true }) latest!: MeasurePointDto | null;
}

export class GapPointDto {
  @ApiProperty({ example: '2026-12-01' }) localDate!: string;
  @ApiProperty() gap!: number;
}

export class CoupleMeasureSummaryDto {
  @ApiProperty({ format: 'uuid' }) definitionId!: string;
  @ApiProperty() key!: string;
  @ApiProperty() title!: string;
  @ApiProperty() validated!: boolean;
  @ApiProperty({ enum: ['higher_is_better', 'higher_is_worse'] })
  direction!: 'higher_is_better' | 'higher_is_worse';
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
  @ApiProperty({ nullable: true, type: Number }) cutoff!: number | null;
  @ApiProperty({ type: ChangeFiguresDto }) figures!: ChangeFiguresDto;
  @ApiProperty({ type: [PartnerSeriesDto], description: 'A partner reads only their own.' })
  partners!: PartnerSeriesDto[];
  @ApiProperty({ type: [GapPointDto], description: 'Staff only: empty for a partner.' })
  gaps!: GapPointDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Staff only: points.' })
  gapThreshold!: number | null;
}

export class MeasureSummaryQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() definitionId?: string;
}
