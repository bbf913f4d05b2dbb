import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public, TenantContextService } from '@mend/server-tenancy';
import { AuthAttempt } from '../auth/auth-attempt.decorator';
import { ClinicDto, ClinicSignupDto, ClinicSignupResultDto, UpdateClinicDto } from './clinic.dto';
import { ClinicsService } from './clinics.service';

@ApiTags('clinic')
@Controller()
export class ClinicsController {
  constructor(
    private readonly clinics: ClinicsService,
    private readonly tenant: TenantContextService,
  ) {}

  @Public()
  @Post('clinics')
  @AuthAttempt()
  @ApiCreatedResponse({ type: ClinicSignupResultDto, description: 'Sign in next (MFA enrols).' })
  signUp(@Body() body: ClinicSignupDto): Promise<ClinicSignupResultDto> {
    return this.clinics.signUp(body);
  }

  @Get('clinic')
  @ApiBearerAuth()
  @ApiOkResponse({ type: ClinicDto, description: 'The signed-in user’s clinic.' })
  get(): Promise<ClinicDto> {
    return this.clinics.get(this.tenant.current);
  }

  @Put('clinic')
  @ApiBearerAuth()
  @ApiOkResponse({ type: ClinicDto })
  @ApiForbiddenResponse({ description: 'Clinic admins only.' })
  update(@Body() body: UpdateClinicDto): Promise<ClinicDto> {
    return this.clinics.update(this.tenant.current, body);
  }
}
