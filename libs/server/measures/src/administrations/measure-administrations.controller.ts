import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
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
  AnswerMeasureDto,
  MeasureAdministrationDetailDto,
  MeasureAdministrationDto,
} from '../measures.dto';
import {
  MEASURE_ADMINISTRATION_LIST,
  MeasureAdministrationsService,
} from './measure-administrations.service';

@ApiTags('measures')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Your role does not allow this.' })
@Controller('measure-administrations')
export class MeasureAdministrationsController {
  constructor(
    private readonly administrations: MeasureAdministrationsService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiList(MeasureAdministrationDto, {
    sortable: MEASURE_ADMINISTRATION_LIST.sortable,
    filters: Object.keys(MEASURE_ADMINISTRATION_LIST.filter.shape),
  })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeasureAdministrationDto[]> {
    const query = parseListQuery(raw, MEASURE_ADMINISTRATION_LIST);
    const { rows, total } = await this.administrations.list(this.tenant.current, query);
    setContentRange(response, 'measure-administrations', query, rows.length, total);
    return rows;
  }

  @Get(':id')
  @ApiOkResponse({
    type: MeasureAdministrationDetailDto,
    description: 'A partner: their own only.',
  })
  @ApiNotFoundResponse()
  get(@Param('id', UuidParam) id: string): Promise<MeasureAdministrationDetailDto> {
    return this.administrations.get(this.tenant.current, id);
  }

  @Post(':id/answers')
  @HttpCode(200)
  @ApiOkResponse({
    type: MeasureAdministrationDetailDto,
    description: 'The partner whose round it is, while it is open. Answers are final.',
  })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already answered, not open yet, or expired.' })
  answer(
    @Param('id', UuidParam) id: string,
    @Body() body: AnswerMeasureDto,
  ): Promise<MeasureAdministrationDetailDto> {
    return this.administrations.answer(this.tenant.current, id, body);
  }
}
