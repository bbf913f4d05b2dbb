import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import { PromiseTrendDto } from '../promises/promise.dto';
import { PromisesService } from '../promises/promises.service';
import {
  CoupleDto,
  CreateCoupleDto,
  CreatedCoupleDto,
  PolicyAcknowledgementDto,
  ReassignTherapistsDto,
  UpdateCoupleDto,
} from './couple.dto';
import { COUPLE_LIST } from './couples.queries';
import { CouplesService } from './couples.service';

@ApiTags('couples')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Your role does not allow this.' })
@Controller('couples')
export class CouplesController {
  constructor(
    private readonly couples: CouplesService,
    private readonly promises: PromisesService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiList(CoupleDto, {
    sortable: COUPLE_LIST.sortable,
    filters: Object.keys(COUPLE_LIST.filter.shape),
  })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CoupleDto[]> {
    const query = parseListQuery(raw, COUPLE_LIST);
    const { rows, total } = await this.couples.list(this.tenant.current, query);
    setContentRange(response, 'couples', query, rows.length, total);
    return rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: CoupleDto })
  @ApiNotFoundResponse()
  get(@Param('id', UuidParam) id: string): Promise<CoupleDto> {
    return this.couples.get(this.tenant.current, id);
  }

  @Post()
  @ApiCreatedResponse({
    type: CreatedCoupleDto,
    description: 'Both partners are invited by email.',
  })
  @ApiBadRequestResponse({ description: 'A bad field, or an admin named no therapist.' })
  @ApiConflictResponse({ description: 'A partner’s email is already in use in this clinic.' })
  create(@Body() body: CreateCoupleDto): Promise<CreatedCoupleDto> {
    return this.couples.create(this.tenant.current, body);
  }

  @Put(':id')
  @ApiOkResponse({ type: CoupleDto })
  @ApiBadRequestResponse({ description: 'A status change that is not allowed, or a bad field.' })
  @ApiNotFoundResponse()
  update(@Param('id', UuidParam) id: string, @Body() body: UpdateCoupleDto): Promise<CoupleDto> {
    return this.couples.update(this.tenant.current, id, body);
  }

  @Put(':id/therapists')
  @ApiOkResponse({ type: CoupleDto, description: 'Clinic admins only.' })
  @ApiNotFoundResponse()
  reassign(
    @Param('id', UuidParam) id: string,
    @Body() body: ReassignTherapistsDto,
  ): Promise<CoupleDto> {
    return this.couples.reassign(this.tenant.current, id, body);
  }

  @Post(':id/acknowledge-policy')
  @HttpCode(200)
  @ApiOkResponse({ type: PolicyAcknowledgementDto, description: 'Partners of the couple only.' })
  @ApiNotFoundResponse()
  acknowledgePolicy(@Param('id', UuidParam) id: string): Promise<PolicyAcknowledgementDto> {
    return this.couples.acknowledgePolicy(this.tenant.current, id);
  }

  @Get(':id/promise-trend')
  @ApiOkResponse({ type: PromiseTrendDto })
  @ApiNotFoundResponse()
  promiseTrend(@Param('id', UuidParam) id: string): Promise<PromiseTrendDto> {
    return this.promises.trend(this.tenant.current, id);
  }
}
