import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { USER_ROLES, type UserRole } from '@mend/shared-contracts';
import { IsAcceptablePassword } from '../password/acceptable-password.decorator';
import { SingleLine } from '@mend/server-platform';

export class TokenDto {
  @ApiProperty({ description: 'The token from the emailed link.' })
  @IsString()
  @MaxLength(200)
  token!: string;
}

export class InvitationDto {
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() clinicName!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class AcceptInvitationDto extends TokenDto {
  @ApiProperty({ description: '8–128 characters, not a common password.' })
  @IsAcceptablePassword()
  password!: string;

  @ApiPropertyOptional({ description: 'How the person wants to be called, if not as invited.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @SingleLine()
  displayName?: string;
}

export class PasswordResetRequestDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class CompletePasswordResetDto extends TokenDto {
  @ApiProperty({ description: '8–128 characters, not a common password.' })
  @IsAcceptablePassword()
  password!: string;
}
