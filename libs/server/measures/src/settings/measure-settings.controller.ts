import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TenantContextService } from '@mend/server-tenancy';
import { MeasureSettingsDto, UpdateMeasureSettingsDto } from '../measures.dto';
import { MeasureSettingsService } from './measure-settings.service';

@ApiTags('measures')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Your role does not allow this.' })
@Controller('measure-settings')
export class MeasureSettingsController {
  constructor(
    private readonly settings: MeasureSettingsService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiOkResponse({ type: MeasureSettingsDto })
  get(): Promise<MeasureSettingsDto> {
    return this.settings.get(this.tenant.current);
  }

  @Put()
  @ApiOkResponse({ type: MeasureSettingsDto, description: 'Clinic admins.' })
  update(@Body() body: UpdateMeasureSettingsDto): Promise<MeasureSettingsDto> {
    return this.settings.update(this.tenant.current, body);
  }
}
