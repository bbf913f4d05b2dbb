import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
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
import { ProgramDto } from './program.dto';
import { PROGRAM_LIST, ProgramsService } from './programs.service';

@ApiTags('programs')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Staff only.' })
@Controller('programs')
export class ProgramsController {
  constructor(
    private readonly programs: ProgramsService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiList(ProgramDto, {
    sortable: PROGRAM_LIST.sortable,
    filters: Object.keys(PROGRAM_LIST.filter.shape),
  })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProgramDto[]> {
    const query = parseListQuery(raw, PROGRAM_LIST);
    const { rows, total } = await this.programs.list(this.tenant.current, query);
    setContentRange(response, 'programs', query, rows.length, total);
    return rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: ProgramDto })
  @ApiNotFoundResponse()
  get(@Param('id', UuidParam) id: string): Promise<ProgramDto> {
    return this.programs.get(this.tenant.current, id);
  }
}
