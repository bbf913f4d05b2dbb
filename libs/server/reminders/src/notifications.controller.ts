import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiList,
  parseListQuery,
  setContentRange,
  type RawListQuery,
  UuidParam,
} from '@mend/server-platform';
import { TenantContextService } from '@mend/server-tenancy';
import { NotificationDto, ReadAllResultDto, UnreadCountDto } from './notifications.dto';
import { NOTIFICATION_LIST, NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiList(NotificationDto, {
    sortable: NOTIFICATION_LIST.sortable,
    filters: Object.keys(NOTIFICATION_LIST.filter.shape),
  })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NotificationDto[]> {
    const query = parseListQuery(raw, NOTIFICATION_LIST);
    const { rows, total } = await this.notifications.list(this.tenant.current, query);
    setContentRange(response, 'notifications', query, rows.length, total);
    return rows;
  }

  @Get('unread-count')
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(): Promise<UnreadCountDto> {
    return { count: await this.notifications.unreadCount(this.tenant.current) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadAllResultDto })
  async readAll(): Promise<ReadAllResultDto> {
    return { updated: await this.notifications.markAllRead(this.tenant.current) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse()
  read(@Param('id', UuidParam) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(this.tenant.current, id);
  }
}
