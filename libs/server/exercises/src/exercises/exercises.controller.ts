import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiList,
  parseListQuery,
  setContentRange,
  type RawListQuery,
  invalidRequest,
  UuidParam,
  PositiveIntParam,
} from '@mend/server-platform';
import { TenantContextService } from '@mend/server-tenancy';
import {
  CopyExerciseDto,
  ExerciseDefinitionDto,
  ExerciseDetailDto,
  ExerciseDto,
  ExerciseVersionDto,
} from './exercise.dto';
import { EXERCISE_LIST } from './exercises.queries';
import { ExercisesService, type ExerciseTextChoice } from './exercises.service';

const EXERCISE_TEXT_CHOICES: readonly ExerciseTextChoice[] = ['reader', 'written'];

function parseTextChoice(text: string | undefined): ExerciseTextChoice {
  if (text === undefined) return 'reader';
  const choice = EXERCISE_TEXT_CHOICES.find((known) => known === text);
  if (choice === undefined) {
    throw invalidRequest({ text: `must be one of ${EXERCISE_TEXT_CHOICES.join(', ')}` });
  }
  return choice;
}

const INVALID =
  'Every problem by field, e.g. { "form.prompts[2].options": "Give at least 2 options" }.';
const READ_ONLY = 'A library exercise: copy it to make your own version.';

@ApiTags('exercises')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Staff only.' })
@Controller('exercises')
export class ExercisesController {
  constructor(
    private readonly exercises: ExercisesService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiList(ExerciseDto, {
    sortable: EXERCISE_LIST.sortable,
    filters: Object.keys(EXERCISE_LIST.filter.shape),
  })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ExerciseDto[]> {
    const query = parseListQuery(raw, EXERCISE_LIST);
    const { rows, total } = await this.exercises.list(this.tenant.current, query);
    setContentRange(response, 'exercises', query, rows.length, total);
    return rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: ExerciseDetailDto, description: 'Also the preview a client will see.' })
  @ApiQuery({
    name: 'text',
    required: false,
    enum: EXERCISE_TEXT_CHOICES,
    description:
      "reader (default): in the reader's language when translated; written: as stored, for editing.",
  })
  @ApiBadRequestResponse({ description: 'Field text names what is wrong.' })
  @ApiNotFoundResponse()
  get(
    @Param('id', UuidParam) id: string,
    @Query('text') text: string | undefined,
  ): Promise<ExerciseDetailDto> {
    return this.exercises.get(this.tenant.current, id, parseTextChoice(text));
  }

  @Get(':id/versions/:version')
  @ApiOkResponse({ type: ExerciseVersionDto })
  @ApiNotFoundResponse()
  getVersion(
    @Param('id', UuidParam) id: string,
    @Param('version', PositiveIntParam) version: number,
  ): Promise<ExerciseVersionDto> {
    return this.exercises.getVersion(this.tenant.current, id, version);
  }

  @Post()
  @ApiCreatedResponse({ type: ExerciseDetailDto, description: 'Version 1 of a clinic exercise.' })
  @ApiBadRequestResponse({ description: INVALID })
  create(@Body() body: ExerciseDefinitionDto): Promise<ExerciseDetailDto> {
    return this.exercises.create(this.tenant.current, body);
  }

  @Put(':id')
  @ApiOkResponse({
    type: ExerciseDetailDto,
    description: 'The whole definition again; saved as the next version.',
  })
  @ApiBadRequestResponse({ description: INVALID })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: READ_ONLY })
  update(
    @Param('id', UuidParam) id: string,
    @Body() body: ExerciseDefinitionDto,
  ): Promise<ExerciseDetailDto> {
    return this.exercises.update(this.tenant.current, id, body);
  }

  @Post(':id/copy')
  @ApiCreatedResponse({ type: ExerciseDetailDto, description: 'An editable clinic copy.' })
  @ApiNotFoundResponse()
  copy(
    @Param('id', UuidParam) id: string,
    @Body() body: CopyExerciseDto,
  ): Promise<ExerciseDetailDto> {
    return this.exercises.copy(this.tenant.current, id, body);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: ExerciseDetailDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: READ_ONLY })
  archive(@Param('id', UuidParam) id: string): Promise<ExerciseDetailDto> {
    return this.exercises.setArchived(this.tenant.current, id, true);
  }

  @Post(':id/unarchive')
  @HttpCode(200)
  @ApiOkResponse({ type: ExerciseDetailDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: READ_ONLY })
  unarchive(@Param('id', UuidParam) id: string): Promise<ExerciseDetailDto> {
    return this.exercises.setArchived(this.tenant.current, id, false);
  }
}
