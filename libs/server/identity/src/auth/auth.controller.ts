import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Public, TenantContextService } from '@mend/server-tenancy';
import { AuthAttempt } from './auth-attempt.decorator';
import { requestMeta } from './request-meta';
import { LoginDto, RefreshDto, SessionTokensDto, SignedInUserDto } from './auth.dto';
import { AuthService } from './auth.service';
import { MfaChallengeDto } from '../mfa/mfa.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tenant: TenantContextService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @AuthAttempt()
  @ApiExtraModels(SessionTokensDto, MfaChallengeDto)
  @ApiOkResponse({
    description: 'Signed in, or an MFA challenge to complete with /auth/mfa/verify.',
    schema: {
      oneOf: [{ $ref: getSchemaPath(SessionTokensDto) }, { $ref: getSchemaPath(MfaChallengeDto) }],
    },
  })
  @ApiUnauthorizedResponse({ description: 'Email or password is incorrect.' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts; see Retry-After.' })
  login(
    @Body() body: LoginDto,
    @Req() request: Request,
  ): Promise<SessionTokensDto | MfaChallengeDto> {
    return this.auth.login(body.email, body.password, requestMeta(request));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @AuthAttempt()
  @ApiOkResponse({ type: SessionTokensDto })
  @ApiUnauthorizedResponse({ description: 'The session ended; sign in again.' })
  refresh(@Body() body: RefreshDto, @Req() request: Request): Promise<SessionTokensDto> {
    return this.auth.refresh(body.refreshToken, requestMeta(request));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@Req() request: Request): Promise<void> {
    await this.auth.logout(this.tenant.current, requestMeta(request));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: SignedInUserDto })
  me(): Promise<SignedInUserDto> {
    return this.auth.me(this.tenant.current);
  }
}
