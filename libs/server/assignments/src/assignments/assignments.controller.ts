import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
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
import {
  AssignmentDto,
  CreateAssignmentDto,
  CreatedAssignmentDto,
  UpdateAssignmentDto,
} from './assignment.dto';
import { ASSIGNMENT_LIST } from './assignments.queries';
import { AssignmentsService } from './assignments.service';

@ApiTags('assignments')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Your role does not allow this.' })
@Controller('assignments')
export class AssignmentsController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiList(AssignmentDto, {
    sortable: ASSIGNMENT_LIST.sortable,
    filters: Object.keys(ASSIGNMENT_LIST.filter.shape),
  })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AssignmentDto[]> {
    const query = parseListQuery(raw, ASSIGNMENT_LIST);
    const { rows, total } = await this.assignments.list(this.tenant.current, query);
    setContentRange(response, 'assignments', query, rows.length, total);
    return rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: AssignmentDto })
  @ApiNotFoundResponse()
  get(@Param('id', UuidParam) id: string): Promise<AssignmentDto> {
    return this.assignments.get(this.tenant.current, id);
  }

  @Post()
  @ApiCreatedResponse({ type: CreatedAssignmentDto, description: 'Assigned; occurrences planned.' })
  @ApiBadRequestResponse({ description: 'Every bad field by name; nothing is written.' })
  @ApiNotFoundResponse({ description: 'No such couple (or not yours).' })
  @ApiConflictResponse({ description: 'Joint work is paused for this couple, or it is closed.' })
  create(@Body() body: CreateAssignmentDto): Promise<CreatedAssignmentDto> {
    return this.assignments.create(this.tenant.current, body);
  }

  @Put(':id')
  @ApiOkResponse({ type: AssignmentDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'An ended assignment cannot restart.' })
  update(
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateAssignmentDto,
  ): Promise<AssignmentDto> {
    return this.assignments.update(this.tenant.current, id, body);
  }
}
