import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
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
import { ConfirmPromiseDto, CreatePromiseDto, PromiseDto } from './promise.dto';
import { PROMISE_LIST, PromisesService } from './promises.service';

@ApiTags('promises')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Your role does not allow this.' })
@Controller('promises')
export class PromisesController {
  constructor(
    private readonly promises: PromisesService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiList(PromiseDto, {
    sortable: PROMISE_LIST.sortable,
    filters: Object.keys(PROMISE_LIST.filter.shape),
  })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PromiseDto[]> {
    const query = parseListQuery(raw, PROMISE_LIST);
    const { rows, total } = await this.promises.list(this.tenant.current, query);
    setContentRange(response, 'promises', query, rows.length, total);
    return rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: PromiseDto })
  @ApiNotFoundResponse()
  get(@Param('id', UuidParam) id: string): Promise<PromiseDto> {
    return this.promises.get(this.tenant.current, id);
  }

  @Post()
  @ApiCreatedResponse({ type: PromiseDto, description: 'Partners only, in their own couple.' })
  @ApiBadRequestResponse({ description: 'A bad field, or a due date in the past.' })
  @ApiConflictResponse({ description: 'The couple is closed.' })
  create(@Body() body: CreatePromiseDto): Promise<PromiseDto> {
    return this.promises.create(this.tenant.current, body);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOkResponse({
    type: PromiseDto,
    description: 'The other partner only (the promiser gets 403).',
  })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already confirmed.' })
  confirm(
    @Param('id', UuidParam) id: string,
    @Body() body: ConfirmPromiseDto,
  ): Promise<PromiseDto> {
    return this.promises.confirm(this.tenant.current, id, body);
  }
}
