import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { UuidParam } from '@mend/server-platform';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { TenantContextService } from '@mend/server-tenancy';
import { CorrectPartnerEmailDto, InvitedPartnerDto } from './partner-invitation.dto';
import { PartnerInvitationsService } from './partner-invitations.service';

@ApiTags('couples')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Your role does not allow this.' })
@Controller('couples/:id/partners/:partnerId')
export class PartnerInvitationsController {
  constructor(
    private readonly invitations: PartnerInvitationsService,
    private readonly tenant: TenantContextService,
  ) {}

  @Post('resend-invitation')
  @HttpCode(200)
  @ApiOkResponse({
    type: InvitedPartnerDto,
    description: 'A new link; earlier links stop working.',
  })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The partner has already joined, or the couple is closed.' })
  resend(
    @Param('id', UuidParam) id: string,
    @Param('partnerId', UuidParam) partnerId: string,
  ): Promise<InvitedPartnerDto> {
    return this.invitations.resend(this.tenant.current, id, partnerId);
  }

  @Put('email')
  @ApiOkResponse({
    type: InvitedPartnerDto,
    description: 'The invitation goes to the corrected email; earlier links stop working.',
  })
  @ApiNotFoundResponse()
  @ApiConflictResponse({
    description: 'The partner has joined, the couple is closed, or the email is in use.',
  })
  correctEmail(
    @Param('id', UuidParam) id: string,
    @Param('partnerId', UuidParam) partnerId: string,
    @Body() body: CorrectPartnerEmailDto,
  ): Promise<InvitedPartnerDto> {
    return this.invitations.correctEmail(this.tenant.current, id, partnerId, body);
  }
}
