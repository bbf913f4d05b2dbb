import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SessionTokensDto } from '../auth/auth.dto';

export class MfaChallengeDto {
  @ApiProperty({ enum: [true] }) mfaRequired!: true;
  @ApiProperty({ description: 'True when the user must first enrol an authenticator app.' })
  enrolmentRequired!: boolean;
  @ApiProperty({ description: 'Good for five minutes; send it back with the code.' })
  challengeToken!: string;
}

export class MfaEnrolStartDto {
  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  challengeToken!: string;
}

export class MfaEnrolmentDto {
  @ApiProperty({ description: 'Base32 secret, for typing into an app by hand.' })
  secret!: string;
  @ApiProperty({ description: 'otpauth:// URI for authenticator apps.' })
  otpauthUri!: string;
  @ApiProperty({ description: 'The same URI as a QR code (PNG data URL).' })
  qrCodeDataUrl!: string;
}

export class MfaVerifyDto {
  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  challengeToken!: string;

  @ApiPropertyOptional({ example: '123456', description: 'Six digits from the app.' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be the six digits your app shows' })
  code?: string;

  @ApiPropertyOptional({ example: 'ABCDE-FGHJK', description: 'Instead of a code, once.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  recoveryCode?: string;
}

export class MfaCodeDto {
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'code must be the six digits your app shows' })
  code!: string;
}

export class RecoveryCodesDto {
  @ApiProperty({
    type: [String],
    description: 'Shown once. Each works a single time if the phone is lost.',
  })
  recoveryCodes!: string[];
}

export class MfaSignedInDto extends SessionTokensDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'Present only when this sign-in completed enrolment. Shown once.',
  })
  recoveryCodes?: string[];
}
