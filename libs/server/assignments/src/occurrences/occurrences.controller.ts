import { Body, Controller, Get, Headers, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
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
import { AnswersDto, ResponseDto, SubmitResultDto } from '../responses/response.dto';
import { ResponsesService } from '../responses/responses.service';
import { OccurrenceDetailDto, OccurrenceDto } from './occurrence.dto';
import { OCCURRENCE_LIST, OccurrencesService } from './occurrences.service';

@ApiTags('occurrences')
@ApiBearerAuth()
@ApiForbiddenResponse({
  description:
    'Your role does not allow this, or (code policy_not_acknowledged) the clinic’s privacy note is not accepted yet.',
})
@Controller('occurrences')
export class OccurrencesController {
  constructor(
    private readonly occurrences: OccurrencesService,
    private readonly responses: ResponsesService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiList(OccurrenceDto, {
    sortable: OCCURRENCE_LIST.sortable,
    filters: Object.keys(OCCURRENCE_LIST.filter.shape),
  })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OccurrenceDto[]> {
    const query = parseListQuery(raw, OCCURRENCE_LIST);
    const { rows, total } = await this.occurrences.list(this.tenant.current, query);
    setContentRange(response, 'occurrences', query, rows.length, total);
    return rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: OccurrenceDetailDto })
  @ApiNotFoundResponse()
  get(@Param('id', UuidParam) id: string): Promise<OccurrenceDetailDto> {
    return this.occurrences.get(this.tenant.current, id);
  }

  @Put(':id/draft')
  @ApiOkResponse({ type: ResponseDto, description: 'Saved; only the caller will ever see it.' })
  @ApiBadRequestResponse({ description: 'Fields answers.<promptId> name what is wrong.' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already submitted, or joint work is paused.' })
  saveDraft(@Param('id', UuidParam) id: string, @Body() body: AnswersDto): Promise<ResponseDto> {
    return this.responses.saveDraft(this.tenant.current, id, body);
  }

  @Post(':id/responses')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeating a submission with the same key answers the first result again.',
  })
  @ApiCreatedResponse({ type: SubmitResultDto, description: 'Submitted.' })
  @ApiOkResponse({ type: SubmitResultDto, description: 'A repeat: the first result again.' })
  @ApiBadRequestResponse({ description: 'Fields answers.<promptId> name what is wrong.' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already submitted differently, or joint work is paused.' })
  async submit(
    @Param('id', UuidParam) id: string,
    @Body() body: AnswersDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubmitResultDto> {
    const result = await this.responses.submit(this.tenant.current, id, body, idempotencyKey);
    if (result.replayed) response.status(200);
    return result;
  }
}
