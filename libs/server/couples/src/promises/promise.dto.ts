import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  PARTNER_SEATS,
  PROMISE_STATUSES,
  type PartnerSeat,
  type PromiseStatus,
} from '@mend/shared-contracts';

export const PROMISE_OUTCOMES = ['kept', 'partly', 'not_kept'] as const;
export type PromiseOutcome = (typeof PROMISE_OUTCOMES)[number];

export class PromiseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) coupleId!: string;
  @ApiProperty({ format: 'uuid' }) promiserId!: string;
  @ApiProperty() promiserName!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'date', example: '2026-03-20' }) dueDate!: string;
  @ApiProperty({ enum: PROMISE_STATUSES }) status!: PromiseStatus;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) confirmedById!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) confirmedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) confirmationNote!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CreatePromiseDto {
  @ApiProperty({ minLength: 5, maxLength: 500, example: 'Phone you when I leave work each day' })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  description!: string;

  @ApiProperty({ format: 'date', description: 'Today or later, in the couple’s time zone.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date such as 2026-03-20' })
  dueDate!: string;
}

export class ConfirmPromiseDto {
  @ApiProperty({ enum: PROMISE_OUTCOMES })
  @IsIn(PROMISE_OUTCOMES)
  status!: PromiseOutcome;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class StatusCountsDto {
  @ApiProperty() kept!: number;
  @ApiProperty() partly!: number;
  @ApiProperty() notKept!: number;
  @ApiProperty() open!: number;
}

export class WeekTrendDto extends StatusCountsDto {
  @ApiProperty({ example: '2026-W11' }) week!: string;
  @ApiProperty({ format: 'date', description: 'The Monday that starts the week.' })
  weekStart!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: '(kept + ½·partly) / confirmed, for promises due that week; null if none.',
  })
  keptRate!: number | null;
}

export class PartnerTrendDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: PARTNER_SEATS }) seat!: PartnerSeat;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: StatusCountsDto, description: 'All of the partner’s promises.' })
  totals!: StatusCountsDto;
  @ApiProperty({ type: [WeekTrendDto], description: 'The last 8 ISO weeks, oldest first.' })
  weeks!: WeekTrendDto[];
}

export class PromiseTrendDto {
  @ApiProperty({ format: 'uuid' }) coupleId!: string;
  @ApiProperty({ format: 'date', description: 'Today in the couple’s time zone.' })
  today!: string;
  @ApiProperty({ type: [PartnerTrendDto] }) partners!: PartnerTrendDto[];
}
