import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Public, TenantContextService } from '@mend/server-tenancy';
import { AuthAttempt } from './auth-attempt.decorator';
import { LoginDto, RefreshDto, SessionTokensDto, SignedInUserDto } from './auth.dto';
import { AuthService, type MfaChallenge, type RequestMeta } from './auth.service';

function meta(request: Request): RequestMeta {
  const id = (request as Request & { id?: unknown }).id;
  return { ip: request.ip ?? null, requestId: typeof id === 'string' ? id : null };
}

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
  @ApiOkResponse({
    type: SessionTokensDto,
    description: 'Signed in, or an MFA challenge to complete.',
  })
  @ApiUnauthorizedResponse({ description: 'Email or password is incorrect.' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts; see Retry-After.' })
  login(@Body() body: LoginDto, @Req() request: Request): Promise<SessionTokensDto | MfaChallenge> {
    return this.auth.login(body.email, body.password, meta(request));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @AuthAttempt()
  @ApiOkResponse({ type: SessionTokensDto })
  @ApiUnauthorizedResponse({ description: 'The session ended; sign in again.' })
  refresh(@Body() body: RefreshDto, @Req() request: Request): Promise<SessionTokensDto> {
    return this.auth.refresh(body.refreshToken, meta(request));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@Req() request: Request): Promise<void> {
    await this.auth.logout(this.tenant.current, meta(request));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: SignedInUserDto })
  me(): Promise<SignedInUserDto> {
    return this.auth.me(this.tenant.current);
  }
}
