import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '@mend/server-tenancy';
import { AuthAttempt } from '../auth/auth-attempt.decorator';
import {
  AcceptInvitationDto,
  CompletePasswordResetDto,
  InvitationDto,
  PasswordResetRequestDto,
  TokenDto,
} from './account-links.dto';
import { AccountLinksService } from './account-links.service';

@ApiTags('auth')
@Controller('auth')
export class AccountLinksController {
  constructor(private readonly links: AccountLinksService) {}

  @Public()
  @Post('invitations/inspect')
  @HttpCode(200)
  @AuthAttempt()
  @ApiOkResponse({ type: InvitationDto, description: 'Who the invitation is for.' })
  @ApiBadRequestResponse({ description: 'Expired or used link.' })
  inspect(@Body() body: TokenDto): Promise<InvitationDto> {
    return this.links.inspectInvitation(body.token);
  }

  @Public()
  @Post('invitations/accept')
  @HttpCode(204)
  @AuthAttempt()
  @ApiNoContentResponse({ description: 'Password set; the account is active.' })
  @ApiBadRequestResponse({ description: 'Expired or used link, or a weak password.' })
  accept(@Body() body: AcceptInvitationDto): Promise<void> {
    return this.links.acceptInvitation(body.token, body.password, body.displayName);
  }

  @Public()
  @Post('verify-email')
  @HttpCode(204)
  @AuthAttempt()
  @ApiNoContentResponse({ description: 'The clinic may now invite people and add couples.' })
  @ApiBadRequestResponse({ description: 'Expired or used link.' })
  verifyEmail(@Body() body: TokenDto): Promise<void> {
    return this.links.verifyEmail(body.token);
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @AuthAttempt()
  @ApiAcceptedResponse({ description: 'If the email has an account, a link is on its way.' })
  requestReset(@Body() body: PasswordResetRequestDto): Promise<void> {
    return this.links.requestPasswordReset(body.email);
  }

  @Public()
  @Post('password-reset/complete')
  @HttpCode(204)
  @AuthAttempt()
  @ApiNoContentResponse({ description: 'New password set; every session ended.' })
  @ApiBadRequestResponse({ description: 'Expired or used link, or a weak password.' })
  completeReset(@Body() body: CompletePasswordResetDto): Promise<void> {
    return this.links.completePasswordReset(body.token, body.password);
  }
}
