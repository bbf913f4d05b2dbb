import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { USER_ROLES, USER_STATUSES, type UserRole, type UserStatus } from '@mend/shared-contracts';
import { SingleLine } from '@mend/server-platform';

export const STAFF_ROLES = ['clinic_admin', 'therapist'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty({ enum: USER_STATUSES }) status!: UserStatus;
  @ApiProperty({ enum: ['en', 'es'] }) locale!: string;
  @ApiProperty({ example: 'America/New_York' }) timeZone!: string;
  @ApiProperty() mfaEnabled!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class InvitedUserDto extends UserDto {
  @ApiProperty({ description: 'False when the email could not be sent; resend it later.' })
  invitationSent!: boolean;
}

export class InviteStaffDto {
  @ApiProperty({ example: 'new.therapist@harbor.test' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Dr. Sam Okafor' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @SingleLine()
  displayName!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;

  @ApiPropertyOptional({ enum: ['en', 'es'], default: 'en' })
  @IsOptional()
  @IsIn(['en', 'es'])
  locale?: 'en' | 'es';
}

/** What an admin may change about a person; anything else in the body is a 400. */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @SingleLine()
  displayName?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES, description: 'Staff only; clients stay clients.' })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;
}
