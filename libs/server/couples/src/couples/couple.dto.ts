import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  COUPLE_STATUSES,
  PARTNER_SEATS,
  USER_STATUSES,
  type CoupleStatus,
  type PartnerSeat,
  type UserStatus,
} from '@mend/shared-contracts';
import { SingleLine } from '@mend/server-platform';

/** The most therapists one couple may have; more is a data-entry mistake. */
export const MAX_THERAPISTS_PER_COUPLE = 10;

export class CouplePartnerDto {
  @ApiProperty({ format: 'uuid', description: 'The partner’s user id.' }) id!: string;
  @ApiProperty({ enum: PARTNER_SEATS }) seat!: PartnerSeat;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: USER_STATUSES, description: 'invited until the invitation is accepted.' })
  status!: UserStatus;
  @ApiProperty({ description: 'Has read and accepted the clinic’s secrets policy.' })
  policyAcknowledged!: boolean;
}

export class CoupleTherapistDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

export class CoupleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Alex & Sam' }) label!: string;
  @ApiProperty({ enum: COUPLE_STATUSES }) status!: CoupleStatus;
  @ApiProperty({ example: 'America/New_York' }) timeZone!: string;
  @ApiProperty({ type: [CouplePartnerDto] }) partners!: CouplePartnerDto[];
  @ApiProperty({ type: [CoupleTherapistDto] }) therapists!: CoupleTherapistDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt!: string | null;
  @ApiPropertyOptional({
    description:
      'Staff only: joint exercises are paused (a private safety check is open). Never sent to clients.',
  })
  jointWorkPaused?: boolean;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Staff only: why the work ended, written when closing. Never sent to clients.',
  })
  closingNote?: string | null;
  @ApiPropertyOptional({
    description: 'Clients only: whether you have accepted the clinic’s secrets policy.',
  })
  policyAcknowledged?: boolean;
}

export class CreatedCoupleDto extends CoupleDto {
  @ApiProperty({ description: 'False when an invitation email could not be sent; resend it.' })
  invitationsSent!: boolean;
}

export class NewPartnerDto {
  @ApiProperty({ example: 'Alex Rivera' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @SingleLine()
  displayName!: string;

  @ApiProperty({ example: 'alex@example.com' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'America/New_York' })
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as America/New_York' })
  timeZone!: string;

  @ApiPropertyOptional({ enum: ['en', 'es'], default: 'en' })
  @IsOptional()
  @IsIn(['en', 'es'])
  locale?: 'en' | 'es';
}

export class CreateCoupleDto {
  @ApiProperty({ type: NewPartnerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => NewPartnerDto)
  partnerA!: NewPartnerDto;

  @ApiProperty({ type: NewPartnerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => NewPartnerDto)
  partnerB!: NewPartnerDto;

  @ApiPropertyOptional({ description: 'Defaults to "A & B" from the partners’ first names.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @SingleLine()
  label?: string;

  @ApiPropertyOptional({ description: 'Defaults to partner A’s time zone.' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as America/New_York' })
  timeZone?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'Active therapists of the clinic. Required for admins; a therapist who creates a couple is always assigned.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_THERAPISTS_PER_COUPLE)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  therapistIds?: string[];
}

/** What staff may change on a couple; anything else in the body is a 400. */
export class UpdateCoupleDto {
  @ApiPropertyOptional({
    enum: ['active', 'paused', 'closed'],
    description:
      'active ↔ paused; any open couple → closed; closed → active reopens it (invited while a partner has not yet joined and accepted the policy).',
  })
  @IsOptional()
  @IsIn(COUPLE_STATUSES)
  status?: CoupleStatus;

  @ApiPropertyOptional({
    description: 'Only with status closed: why the work ended. Staff read it; clients never do.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  closingNote?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @SingleLine()
  label?: string;
}

export class ReassignTherapistsDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The complete new set.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_THERAPISTS_PER_COUPLE)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  therapistIds!: string[];
}

export class PolicyAcknowledgementDto {
  @ApiProperty({ format: 'date-time' }) acknowledgedAt!: string;
  @ApiProperty({ description: 'The clinic’s secrets policy as it read when accepted.' })
  policyText!: string;
  @ApiProperty({
    description: 'SHA-256 (hex) of the policy text, naming the exact version accepted.',
  })
  policyVersion!: string;
}
