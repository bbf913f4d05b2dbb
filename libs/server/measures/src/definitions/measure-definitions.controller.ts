import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiList,
  parseListQuery,
  setContentRange,
  type RawListQuery,
  UuidParam,
} from '@mend/server-platform';
import { TenantContextService } from '@mend/server-tenancy';
import {
  ImportMeasureDefinitionDto,
  MeasureDefinitionDetailDto,
  MeasureDefinitionDto,
} from '../measures.dto';
import { MEASURE_DEFINITION_LIST, MeasureDefinitionsService } from './measure-definitions.service';

@ApiTags('measures')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Your role does not allow this.' })
@Controller('measure-definitions')
export class MeasureDefinitionsController {
  constructor(
    private readonly definitions: MeasureDefinitionsService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiList(MeasureDefinitionDto, {
    sortable: MEASURE_DEFINITION_LIST.sortable,
    filters: Object.keys(MEASURE_DEFINITION_LIST.filter.shape),
  })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeasureDefinitionDto[]> {
    const query = parseListQuery(raw, MEASURE_DEFINITION_LIST);
    const { rows, total } = await this.definitions.list(this.tenant.current, query);
    setContentRange(response, 'measure-definitions', query, rows.length, total);
    return rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: MeasureDefinitionDetailDto })
  @ApiNotFoundResponse()
  get(@Param('id', UuidParam) id: string): Promise<MeasureDefinitionDetailDto> {
    return this.definitions.get(this.tenant.current, id);
  }

  @Post()
  @ApiCreatedResponse({
    type: MeasureDefinitionDetailDto,
    description: 'Clinic admins. A bad definition is a 400 naming each path.',
  })
  @ApiConflictResponse({ description: 'Mend’s own check-ins cannot be replaced.' })
  import(@Body() body: ImportMeasureDefinitionDto): Promise<MeasureDefinitionDetailDto> {
    return this.definitions.import(this.tenant.current, body);
  }

  @Post(':id/attest')
  @HttpCode(200)
  @ApiOkResponse({
    type: MeasureDefinitionDetailDto,
    description: 'Clinic admins record that the clinic may use the current version’s licence.',
  })
  @ApiNotFoundResponse()
  attest(@Param('id', UuidParam) id: string): Promise<MeasureDefinitionDetailDto> {
    return this.definitions.attest(this.tenant.current, id);
  }
}
