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
import { FeedbackBodyDto, FeedbackDto, ResponseDto } from './response.dto';
import { RESPONSE_LIST, ResponsesService } from './responses.service';

@ApiTags('responses')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Your role does not allow this.' })
@Controller('responses')
export class ResponsesController {
  constructor(
    private readonly responses: ResponsesService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiList(ResponseDto, {
    sortable: RESPONSE_LIST.sortable,
    filters: Object.keys(RESPONSE_LIST.filter.shape),
  })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ResponseDto[]> {
    const query = parseListQuery(raw, RESPONSE_LIST);
    const { rows, total } = await this.responses.list(this.tenant.current, query);
    setContentRange(response, 'responses', query, rows.length, total);
    return rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: ResponseDto })
  @ApiNotFoundResponse()
  get(@Param('id', UuidParam) id: string): Promise<ResponseDto> {
    return this.responses.get(this.tenant.current, id);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: ResponseDto, description: 'The joint answer now counts for both.' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Nothing awaits confirmation, or joint work is paused.' })
  confirm(@Param('id', UuidParam) id: string): Promise<ResponseDto> {
    return this.responses.confirm(this.tenant.current, id);
  }

  @Post(':id/feedback')
  @ApiCreatedResponse({ type: FeedbackDto })
  @ApiNotFoundResponse()
  addFeedback(
    @Param('id', UuidParam) id: string,
    @Body() body: FeedbackBodyDto,
  ): Promise<FeedbackDto> {
    return this.responses.addFeedback(this.tenant.current, id, body.body);
  }

  @Post(':id/review')
  @HttpCode(200)
  @ApiOkResponse({ type: ResponseDto, description: 'Marked as reviewed.' })
  @ApiNotFoundResponse()
  review(@Param('id', UuidParam) id: string): Promise<ResponseDto> {
    return this.responses.markReviewed(this.tenant.current, id);
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOkResponse({ type: ResponseDto, description: 'The partner may now see it.' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'This exercise needs no release, or it is not submitted.' })
  release(@Param('id', UuidParam) id: string): Promise<ResponseDto> {
    return this.responses.release(this.tenant.current, id);
  }
}
