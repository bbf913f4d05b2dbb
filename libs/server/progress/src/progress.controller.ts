import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
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
import { ALERT_LIST, AlertsService } from './alerts.service';
import {
  AlertDto,
  CaseloadRowDto,
  CoupleProgressDto,
  TimelineEventDto,
  UpdateAlertDto,
} from './progress.dto';
import { CASELOAD_LIST, ProgressService } from './progress.service';

@ApiTags('progress')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Staff only.' })
@Controller()
export class ProgressController {
  constructor(
    private readonly progress: ProgressService,
    private readonly alerts: AlertsService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get('caseload')
  @ApiList(CaseloadRowDto, {
    sortable: CASELOAD_LIST.sortable,
    filters: Object.keys(CASELOAD_LIST.filter.shape),
  })
  async caseload(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseloadRowDto[]> {
    const query = parseListQuery(raw, CASELOAD_LIST);
    const { rows, total } = await this.progress.caseload(this.tenant.current, query);
    setContentRange(response, 'caseload', query, rows.length, total);
    return rows;
  }

  @Get('couples/:id/progress')
  @ApiOkResponse({ type: CoupleProgressDto })
  @ApiNotFoundResponse()
  coupleProgress(@Param('id', UuidParam) id: string): Promise<CoupleProgressDto> {
    return this.progress.forCouple(this.tenant.current, id);
  }

  @Get('couples/:id/timeline')
  @ApiOkResponse({ type: [TimelineEventDto] })
  @ApiNotFoundResponse()
  timeline(@Param('id', UuidParam) id: string): Promise<TimelineEventDto[]> {
    return this.progress.timeline(this.tenant.current, id);
  }

  @Get('alerts')
  @ApiList(AlertDto, {
    sortable: ALERT_LIST.sortable,
    filters: Object.keys(ALERT_LIST.filter.shape),
  })
  async listAlerts(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AlertDto[]> {
    const query = parseListQuery(raw, ALERT_LIST);
    const { rows, total } = await this.alerts.list(this.tenant.current, query);
    setContentRange(response, 'alerts', query, rows.length, total);
    return rows;
  }

  @Get('alerts/:id')
  @ApiOkResponse({ type: AlertDto })
  @ApiNotFoundResponse()
  getAlert(@Param('id', UuidParam) id: string): Promise<AlertDto> {
    return this.alerts.get(this.tenant.current, id);
  }

  @Put('alerts/:id')
  @ApiOkResponse({ type: AlertDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already resolved, or a safety alert.' })
  updateAlert(@Param('id', UuidParam) id: string, @Body() body: UpdateAlertDto): Promise<AlertDto> {
    return this.alerts.update(this.tenant.current, id, body.status);
  }
}
