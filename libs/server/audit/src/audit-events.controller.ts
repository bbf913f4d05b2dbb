import { Controller, Get, Param, Query, Res } from '@nestjs/common';
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
import { AuditEventDto } from './audit-event.dto';
import { AUDIT_LIST, AuditEventsService } from './audit-events.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditEventsController {
  constructor(
    private readonly audit: AuditEventsService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiList(AuditEventDto, {
    sortable: AUDIT_LIST.sortable,
    filters: Object.keys(AUDIT_LIST.filter.shape),
  })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuditEventDto[]> {
    const query = parseListQuery(raw, AUDIT_LIST);
    const { rows, total } = await this.audit.list(this.tenant.current, query);
    setContentRange(response, 'audit-events', query, rows.length, total);
    return rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: AuditEventDto })
  @ApiNotFoundResponse()
  get(@Param('id', UuidParam) id: string): Promise<AuditEventDto> {
    return this.audit.get(this.tenant.current, id);
  }
}
