import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Public, TenantContextService } from '@mend/server-tenancy';
import { AuthAttempt } from '../auth/auth-attempt.decorator';
import { requestMeta } from '../auth/request-meta';
import {
  MfaCodeDto,
  MfaEnrolStartDto,
  MfaEnrolmentDto,
  MfaSignedInDto,
  MfaVerifyDto,
  RecoveryCodesDto,
} from './mfa.dto';
import { MfaService } from './mfa.service';

@ApiTags('auth')
@Controller()
export class MfaController {
  constructor(
    private readonly mfa: MfaService,
    private readonly tenant: TenantContextService,
  ) {}

  @Public()
  @Post('auth/mfa/enrol')
  @HttpCode(200)
  @AuthAttempt()
  @ApiOkResponse({ type: MfaEnrolmentDto, description: 'A secret to add to an authenticator.' })
  @ApiUnauthorizedResponse({ description: 'The challenge expired.' })
  enrol(@Body() body: MfaEnrolStartDto, @Req() request: Request): Promise<MfaEnrolmentDto> {
    return this.mfa.startEnrolment(body.challengeToken, requestMeta(request));
  }

  @Public()
  @Post('auth/mfa/verify')
  @HttpCode(200)
  @AuthAttempt()
  @ApiOkResponse({ type: MfaSignedInDto })
  @ApiUnauthorizedResponse({ description: 'Wrong, reused or expired code.' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts; see Retry-After.' })
  verify(@Body() body: MfaVerifyDto, @Req() request: Request): Promise<MfaSignedInDto> {
    return this.mfa.verify(body, requestMeta(request));
  }

  @Post('account/mfa')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: MfaEnrolmentDto })
  enrolAccount(@Req() request: Request): Promise<MfaEnrolmentDto> {
    return this.mfa.startEnrolmentForAccount(this.tenant.current, requestMeta(request));
  }

  @Post('account/mfa/confirm')
  @HttpCode(200)
  @AuthAttempt()
  @ApiBearerAuth()
  @ApiOkResponse({ type: RecoveryCodesDto })
  confirmAccount(@Body() body: MfaCodeDto, @Req() request: Request): Promise<RecoveryCodesDto> {
    return this.mfa.confirmEnrolmentForAccount(
      this.tenant.current,
      body.code,
      requestMeta(request),
    );
  }
}
