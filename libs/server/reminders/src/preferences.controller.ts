import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TenantContextService } from '@mend/server-tenancy';
import { PreferencesDto, UpdatePreferencesDto } from './preferences.dto';
import { PreferencesService } from './preferences.service';

@ApiTags('account')
@ApiBearerAuth()
@Controller('account/preferences')
export class PreferencesController {
  constructor(
    private readonly preferences: PreferencesService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiOkResponse({ type: PreferencesDto })
  get(): Promise<PreferencesDto> {
    return this.preferences.get(this.tenant.current);
  }

  @Put()
  @ApiOkResponse({ type: PreferencesDto })
  update(@Body() body: UpdatePreferencesDto): Promise<PreferencesDto> {
    return this.preferences.update(this.tenant.current, body);
  }
}
