import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { USER_ROLES, type UserRole } from '@mend/shared-contracts';

export class LoginDto {
  @ApiProperty({ example: 'therapist1@harbor.test' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'MendDemo!2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
}

export class SignedInUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty({ format: 'uuid' }) clinicId!: string;
  @ApiProperty() clinicName!: string;
  @ApiProperty({ enum: ['en', 'es'] }) locale!: string;
  @ApiProperty({
    minimum: 5,
    maximum: 240,
    description: "The clinic's idle limit; the web app signs out after this long without use.",
  })
  inactivityTimeoutMinutes!: number;
}

export class SessionTokensDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ type: SignedInUserDto }) user!: SignedInUserDto;
}
