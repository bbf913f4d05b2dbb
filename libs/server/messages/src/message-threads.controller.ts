import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
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
import { MessageDto, MessageThreadDto, OpenThreadDto, SendMessageDto } from './message.dto';
import { MESSAGE_LIST, MessagesService, THREAD_LIST } from './messages.service';

@ApiTags('messages')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only the couple’s partners and therapists take part.' })
@Controller('message-threads')
export class MessageThreadsController {
  constructor(
    private readonly messages: MessagesService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiList(MessageThreadDto, {
    sortable: THREAD_LIST.sortable,
    filters: Object.keys(THREAD_LIST.filter.shape),
  })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MessageThreadDto[]> {
    const query = parseListQuery(raw, THREAD_LIST);
    const { rows, total } = await this.messages.listThreads(this.tenant.current, query);
    setContentRange(response, 'message-threads', query, rows.length, total);
    return rows;
  }

  @Post()
  @HttpCode(200)
  @ApiOkResponse({
    type: MessageThreadDto,
    description: 'Opens the thread, or answers the one already open.',
  })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The couple is closed.' })
  open(@Body() body: OpenThreadDto): Promise<MessageThreadDto> {
    return this.messages.open(this.tenant.current, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: MessageThreadDto })
  @ApiNotFoundResponse()
  get(@Param('id', UuidParam) id: string): Promise<MessageThreadDto> {
    return this.messages.get(this.tenant.current, id);
  }

  @Get(':id/messages')
  @ApiList(MessageDto, {
    sortable: MESSAGE_LIST.sortable,
    filters: Object.keys(MESSAGE_LIST.filter.shape),
  })
  @ApiNotFoundResponse()
  async listMessages(
    @Param('id', UuidParam) id: string,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MessageDto[]> {
    const query = parseListQuery(raw, MESSAGE_LIST);
    const { rows, total } = await this.messages.listMessages(this.tenant.current, id, query);
    setContentRange(response, 'messages', query, rows.length, total);
    return rows;
  }

  @Post(':id/messages')
  @ApiCreatedResponse({ type: MessageDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The couple is closed: its threads are read-only.' })
  @ApiTooManyRequestsResponse({ description: 'Too many messages in a short time.' })
  send(@Param('id', UuidParam) id: string, @Body() body: SendMessageDto): Promise<MessageDto> {
    return this.messages.send(this.tenant.current, id, body);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: MessageThreadDto, description: 'Marks every message so far as read.' })
  @ApiNotFoundResponse()
  read(@Param('id', UuidParam) id: string): Promise<MessageThreadDto> {
    return this.messages.read(this.tenant.current, id);
  }
}
