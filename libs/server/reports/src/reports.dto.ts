import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import {
  REPORT_FORMATS,
  REPORT_KINDS,
  REPORT_STATUSES,
  type ReportFormat,
  type ReportKind,
  type ReportStatus,
} from '@mend/shared-contracts';

export class CreateMonthlyReportDto {
  @ApiProperty({ description: 'The month, in the clinic time zone (YYYY-MM)', example: '2026-11' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month!: string;
}

export class CreateSessionPrepDto {
  @ApiProperty({
    format: 'date',
    description: 'What happened since this day (YYYY-MM-DD)',
    example: '2026-11-20',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'since must be YYYY-MM-DD' })
  since!: string;
}

export class ReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ description: '0–100' }) progress!: number;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) coupleId!: string | null;
  @ApiProperty({ enum: REPORT_FORMATS, isArray: true, description: 'Files to download' })
  formats!: ReportFormat[];
  @ApiProperty({ description: 'Asked for by the monthly schedule, not a person' })
  scheduled!: boolean;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  finishedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  expiresAt!: string | null;
}
