import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsAcceptablePassword } from '../password/acceptable-password.decorator';
import { SingleLine } from '@mend/server-platform';

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class ClinicDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'America/New_York' }) timeZone!: string;
  @ApiProperty() requireStaffMfa!: boolean;
  @ApiProperty({ minimum: 5, maximum: 240 }) inactivityTimeoutMinutes!: number;
  @ApiProperty({ example: '21:00' }) quietHoursStart!: string;
  @ApiProperty({ example: '08:00' }) quietHoursEnd!: string;
  @ApiProperty({ description: 'What the therapist may do with private answers.' })
  secretsPolicy!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The notice every message thread shows ("not monitored around the clock; in an emergency call …"); null: Mend’s wording, in each reader’s language.',
  })
  messagesNotice!: string | null;
  @ApiProperty({ minimum: 1, maximum: 3650, description: 'Days built reports are kept.' })
  reportRetentionDays!: number;
}

/** The settings a clinic admin may change; any other field is a 400. */
export class UpdateClinicDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  @SingleLine()
  name?: string;

  @ApiPropertyOptional({ example: 'Europe/Madrid' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Madrid' })
  timeZone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  requireStaffMfa?: boolean;

  @ApiPropertyOptional({ minimum: 5, maximum: 240 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(240)
  inactivityTimeoutMinutes?: number;

  @ApiPropertyOptional({ example: '21:00' })
  @IsOptional()
  @Matches(CLOCK_TIME, { message: 'quietHoursStart must be a time such as 21:00' })
  quietHoursStart?: string;

  @ApiPropertyOptional({ example: '08:00' })
  @IsOptional()
  @Matches(CLOCK_TIME, { message: 'quietHoursEnd must be a time such as 08:00' })
  quietHoursEnd?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  secretsPolicy?: string;

  @ApiPropertyOptional({
    maxLength: 1000,
    description: 'The clinic’s own notice for message threads; an empty text restores Mend’s.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  messagesNotice?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 3650 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  reportRetentionDays?: number;
}

export class ClinicSignupDto {
  @ApiProperty({ example: 'Riverside Couples Practice' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  @SingleLine()
  clinicName!: string;

  @ApiProperty({ example: 'America/Chicago' })
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as America/Chicago' })
  timeZone!: string;

  @ApiProperty({ example: 'Jordan Lee' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @SingleLine()
  adminName!: string;

  @ApiProperty({ example: 'jordan@riverside.example' })
  @IsEmail()
  @MaxLength(254)
  adminEmail!: string;

  @ApiProperty({ description: '8–128 characters, not a common password.' })
  @IsAcceptablePassword()
  password!: string;

  @ApiPropertyOptional({ enum: ['en', 'es'], default: 'en' })
  @IsOptional()
  @IsIn(['en', 'es'])
  locale?: 'en' | 'es';
}

export class ClinicSignupResultDto {
  @ApiProperty({ format: 'uuid' }) clinicId!: string;
  @ApiProperty({ format: 'uuid' }) adminUserId!: string;
  @ApiProperty({ description: 'New clinics require MFA: the first sign-in enrols it.' })
  mfaRequired!: boolean;
  @ApiProperty({
    description:
      'False until the admin follows the emailed link; until then the clinic cannot invite anyone or add couples.',
  })
  emailVerified!: boolean;
}
