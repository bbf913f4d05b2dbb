import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';
import { CouplePartnerDto } from '../couples/couple.dto';

export class InvitedPartnerDto extends CouplePartnerDto {
  @ApiProperty({ description: 'False when the email could not be sent; resend it later.' })
  invitationSent!: boolean;
}

export class CorrectPartnerEmailDto {
  @ApiProperty({ example: 'alex.rivera@example.com' })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}
