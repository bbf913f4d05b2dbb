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
import { CreateMeasureScheduleDto, MeasureScheduleDto } from '../measures.dto';
import { MEASURE_SCHEDULE_LIST, MeasureSchedulesService } from './measure-schedules.service';

@ApiTags('measures')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Your role does not allow this.' })
@Controller('measure-schedules')
export class MeasureSchedulesController {
  constructor(
    private readonly schedules: MeasureSchedulesService,
    private readonly tenant: TenantContextService,
  ) {}

  @Post()
  @ApiCreatedResponse({
    type: MeasureScheduleDto,
    description:
      'Staff of the couple. 403 `licence_not_attested` until a clinic admin has attested the measure’s licence.',
  })
  create(@Body() body: CreateMeasureScheduleDto): Promise<MeasureScheduleDto> {
    return this.schedules.create(this.tenant.current, body);
  }

  @Get()
  @ApiList(MeasureScheduleDto, {
    sortable: MEASURE_SCHEDULE_LIST.sortable,
    filters: Object.keys(MEASURE_SCHEDULE_LIST.filter.shape),
  })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeasureScheduleDto[]> {
    const query = parseListQuery(raw, MEASURE_SCHEDULE_LIST);
    const { rows, total } = await this.schedules.list(this.tenant.current, query);
    setContentRange(response, 'measure-schedules', query, rows.length, total);
    return rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: MeasureScheduleDto })
  @ApiNotFoundResponse()
  get(@Param('id', UuidParam) id: string): Promise<MeasureScheduleDto> {
    return this.schedules.get(this.tenant.current, id);
  }

  @Post(':id/end')
  @HttpCode(200)
  @ApiOkResponse({ type: MeasureScheduleDto, description: 'Rounds not yet open are dropped.' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already ended.' })
  end(@Param('id', UuidParam) id: string): Promise<MeasureScheduleDto> {
    return this.schedules.end(this.tenant.current, id);
  }
}
