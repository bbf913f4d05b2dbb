import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  ALERT_KINDS,
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  COUPLE_STATUSES,
} from '@mend/shared-contracts';
import type { AlertKind, AlertSeverity, AlertStatus, CoupleStatus } from '@mend/shared-contracts';

export class PartnerProgressDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: ['a', 'b'] }) seat!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: Number, description: '0–1; null when nothing was due' })
  completion7!: number | null;
  @ApiProperty({ nullable: true, type: Number }) completion30!: number | null;
  @ApiProperty() streak!: number;
  @ApiProperty() missedInARow!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastActivityAt!: string | null;
}

export class CoupleProgressDto {
  @ApiProperty({ format: 'uuid' }) coupleId!: string;
  @ApiProperty({ type: [PartnerProgressDto] }) partners!: PartnerProgressDto[];
  @ApiProperty({ nullable: true, type: Number, description: "Partner A's share of answers" })
  asymmetryShareA!: number | null;
  @ApiProperty() asymmetryFlagged!: boolean;
  @ApiProperty({ type: [Number], description: 'Completion per week, 8 weeks, oldest first' })
  weekly!: Array<number | null>;
  @ApiProperty() openAlerts!: number;
}

export class CaseloadRowDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: COUPLE_STATUSES }) status!: CoupleStatus;
  @ApiProperty() urgentAlerts!: number;
  @ApiProperty() openAlerts!: number;
  @ApiProperty() missedInARow!: number;
  @ApiProperty() asymmetryFlagged!: boolean;
  @ApiProperty({ nullable: true, type: Number }) completion30!: number | null;
  @ApiProperty({ type: [Number] }) weekly!: Array<number | null>;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastActivityAt!: string | null;
}

export class AlertDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) coupleId!: string;
  @ApiProperty() coupleLabel!: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind!: AlertKind;
  @ApiProperty({ enum: ALERT_SEVERITIES }) severity!: AlertSeverity;
  @ApiProperty({ enum: ALERT_STATUSES }) status!: AlertStatus;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) subjectUserId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true })
  detail!: Record<string, string | number | boolean | null>;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  acknowledgedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt!: string | null;
}

export class UpdateAlertDto {
  @ApiProperty({ enum: ['acknowledged', 'resolved'], example: 'acknowledged' })
  @IsIn(['acknowledged', 'resolved'])
  status!: 'acknowledged' | 'resolved';
}

export class TimelineEventDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({
    enum: [
      'assignment_created',
      'response_submitted',
      'feedback_given',
      'promise_made',
      'promise_confirmed',
      'alert_raised',
    ],
  })
  kind!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorUserId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty({ description: 'What it concerns, e.g. the exercise title; never answer text.' })
  summary!: string;
  @ApiProperty({ format: 'uuid' }) recordId!: string;
}
