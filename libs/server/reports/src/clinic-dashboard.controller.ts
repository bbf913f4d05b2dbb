import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { TenantContextService } from '@mend/server-tenancy';
import { ClinicDashboardDto } from './clinic-dashboard.dto';
import { ClinicDashboardService } from './clinic-dashboard.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('clinic-dashboard')
export class ClinicDashboardController {
  constructor(
    private readonly dashboard: ClinicDashboardService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiQuery({
    name: 'from',
    description: 'First day, in the clinic time zone',
    example: '2026-11-01',
  })
  @ApiQuery({ name: 'to', description: 'Last day, inclusive', example: '2026-11-30' })
  @ApiOkResponse({ type: ClinicDashboardDto })
  @ApiBadRequestResponse({ description: 'from or to missing, not a day, or out of order.' })
  read(@Query() query: { from?: unknown; to?: unknown }): Promise<ClinicDashboardDto> {
    return this.dashboard.read(this.tenant.current, query);
  }
}
