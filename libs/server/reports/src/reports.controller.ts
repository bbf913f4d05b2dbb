import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiList,
  parseListQuery,
  setContentRange,
  type RawListQuery,
  UuidParam,
  OneOfParam,
} from '@mend/server-platform';
import { TenantContextService } from '@mend/server-tenancy';
import { REPORT_FORMATS, type ReportFormat } from '@mend/shared-contracts';
import { CreateMonthlyReportDto, CreateSessionPrepDto, ReportDto } from './reports.dto';
import { REPORT_LIST, ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly tenant: TenantContextService,
  ) {}

  @Post('monthly')
  @ApiCreatedResponse({
    type: ReportDto,
    description: "The clinic's report of that month: new, or the one already asked for.",
  })
  @ApiBadRequestResponse({ description: 'Not a month, or one that has not ended.' })
  requestMonthly(@Body() body: CreateMonthlyReportDto): Promise<ReportDto> {
    return this.reports.requestMonthly(this.tenant.current, body);
  }

  @Get()
  @ApiList(ReportDto, {
    sortable: REPORT_LIST.sortable,
    filters: Object.keys(REPORT_LIST.filter.shape),
  })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReportDto[]> {
    const query = parseListQuery(raw, REPORT_LIST);
    const { rows, total } = await this.reports.list(this.tenant.current, query);
    setContentRange(response, 'reports', query, rows.length, total);
    return rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: ReportDto })
  @ApiNotFoundResponse()
  get(@Param('id', UuidParam) id: string): Promise<ReportDto> {
    return this.reports.get(this.tenant.current, id);
  }

  @Get(':id/files/:format')
  @ApiParam({ name: 'format', enum: REPORT_FORMATS })
  @ApiProduces('text/csv', 'application/pdf', 'application/zip')
  @ApiOkResponse({ description: 'The file, streamed.' })
  @ApiNotFoundResponse({ description: 'Not readable by the caller, not ready, or no such file.' })
  download(
    @Param('id', UuidParam) id: string,
    @Param('format', new OneOfParam(REPORT_FORMATS)) format: ReportFormat,
    @Res() response: Response,
  ): Promise<void> {
    return this.reports.download(this.tenant.current, id, format, response);
  }
}

/** Reports about one couple, asked for from the couple. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('couples/:id')
export class CoupleReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly tenant: TenantContextService,
  ) {}

  @Post('session-prep')
  @ApiCreatedResponse({ type: ReportDto, description: 'A summary of the couple since a day.' })
  @ApiBadRequestResponse()
  @ApiNotFoundResponse({ description: 'A couple the therapist does not see.' })
  requestSessionPrep(
    @Param('id', UuidParam) id: string,
    @Body() body: CreateSessionPrepDto,
  ): Promise<ReportDto> {
    return this.reports.requestSessionPrep(this.tenant.current, id, body);
  }

  @Post('export')
  @ApiCreatedResponse({ type: ReportDto, description: 'What the caller may see of the couple.' })
  @ApiNotFoundResponse({ description: 'A couple the caller does not see.' })
  requestExport(@Param('id', UuidParam) id: string): Promise<ReportDto> {
    return this.reports.requestExport(this.tenant.current, id);
  }
}
