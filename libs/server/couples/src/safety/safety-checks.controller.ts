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
  RaiseSafetyCheckDto,
  ResolveSafetyCheckDto,
  SafetyCheckDto,
  SafetyCheckReceivedDto,
} from './safety-check.dto';
import { SAFETY_CHECK_LIST, SafetyChecksService } from './safety-checks.service';

@ApiTags('safety-checks')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Your role does not allow this.' })
@Controller('safety-checks')
export class SafetyChecksController {
  constructor(
    private readonly checks: SafetyChecksService,
    private readonly tenant: TenantContextService,
  ) {}

  @Post()
  @ApiCreatedResponse({
    type: SafetyCheckReceivedDto,
    description: 'Partners only. The couple’s therapists are alerted; nothing else is said.',
  })
  raise(@Body() body: RaiseSafetyCheckDto): Promise<SafetyCheckReceivedDto> {
    return this.checks.raise(this.tenant.current, body);
  }

  @Get()
  @ApiList(SafetyCheckDto, {
    sortable: SAFETY_CHECK_LIST.sortable,
    filters: Object.keys(SAFETY_CHECK_LIST.filter.shape),
  })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SafetyCheckDto[]> {
    const query = parseListQuery(raw, SAFETY_CHECK_LIST);
    const { rows, total } = await this.checks.list(this.tenant.current, query);
    setContentRange(response, 'safety-checks', query, rows.length, total);
    return rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: SafetyCheckDto, description: 'Staff only.' })
  @ApiNotFoundResponse()
  get(@Param('id', UuidParam) id: string): Promise<SafetyCheckDto> {
    return this.checks.get(this.tenant.current, id);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOkResponse({ type: SafetyCheckDto, description: 'Therapists of the couple only.' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already resolved.' })
  resolve(
    @Param('id', UuidParam) id: string,
    @Body() body: ResolveSafetyCheckDto,
  ): Promise<SafetyCheckDto> {
    return this.checks.resolve(this.tenant.current, id, body);
  }
}
