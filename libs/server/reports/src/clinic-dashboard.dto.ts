import { ApiProperty } from '@nestjs/swagger';
import { ALERT_KINDS, type AlertKind } from '@mend/shared-contracts';

/** A count and the couples behind it, so every figure can link to its couples (never answers). */
export class FigureDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [String], format: 'uuid' }) coupleIds!: string[];
}

export class DashboardCouplesDto {
  @ApiProperty({ type: FigureDto, description: 'With the clinic at any time in the period' })
  active!: FigureDto;
  @ApiProperty({ type: FigureDto }) new!: FigureDto;
  @ApiProperty({ type: FigureDto }) closed!: FigureDto;
}

export class DashboardEngagementDto {
  @ApiProperty({ type: FigureDto, description: 'Occurrences due; couples that had any' })
  due!: FigureDto;
  @ApiProperty({ description: 'Answers expected from partners' }) expectedAnswers!: number;
  @ApiProperty({ description: 'Answers given' }) answers!: number;
  @ApiProperty({ type: FigureDto, description: 'Occurrences for both that both answered' })
  bothAnswered!: FigureDto;
  @ApiProperty({ type: FigureDto, description: 'Occurrences for both that one answered' })
  oneAnswered!: FigureDto;
  @ApiProperty({ type: FigureDto, description: 'Occurrences nobody answered' })
  noneAnswered!: FigureDto;
}

export class DashboardTherapistDto extends DashboardEngagementDto {
  @ApiProperty({ format: 'uuid' }) therapistId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: FigureDto, description: 'Caseload: couples active in the period' })
  couples!: FigureDto;
}

export class DashboardRemindersDto {
  @ApiProperty({ type: FigureDto }) sent!: FigureDto;
  @ApiProperty({ type: FigureDto }) failed!: FigureDto;
}

export class DashboardAlertDto extends FigureDto {
  @ApiProperty({ enum: ALERT_KINDS }) kind!: AlertKind;
}

export class CoupleOutcomesDto {
  @ApiProperty({ type: FigureDto }) bothImproved!: FigureDto;
  @ApiProperty({ type: FigureDto }) oneImproved!: FigureDto;
  @ApiProperty({ type: FigureDto }) neitherImproved!: FigureDto;
  @ApiProperty({ type: FigureDto }) anyDeteriorated!: FigureDto;
}

/** Partners counted once each, by their class (counts are partners; ids are their couples). */
export class PartnerOutcomesDto {
  @ApiProperty({ type: FigureDto }) improved!: FigureDto;
  @ApiProperty({ type: FigureDto }) recovered!: FigureDto;
  @ApiProperty({ type: FigureDto }) unchanged!: FigureDto;
  @ApiProperty({ type: FigureDto }) deteriorated!: FigureDto;
}

export class DashboardOutcomesDto {
  @ApiProperty({ type: CoupleOutcomesDto }) couples!: CoupleOutcomesDto;
  @ApiProperty({ type: PartnerOutcomesDto }) partners!: PartnerOutcomesDto;
}

export class ClinicDashboardDto {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: DashboardCouplesDto }) couples!: DashboardCouplesDto;
  @ApiProperty({ type: DashboardEngagementDto }) engagement!: DashboardEngagementDto;
  @ApiProperty({ type: [DashboardTherapistDto] }) therapists!: DashboardTherapistDto[];
  @ApiProperty({ type: DashboardRemindersDto }) reminders!: DashboardRemindersDto;
  @ApiProperty({ type: [DashboardAlertDto] }) alerts!: DashboardAlertDto[];
  @ApiProperty({ type: DashboardOutcomesDto }) outcomes!: DashboardOutcomesDto;
}
