import { Controller, Get, Param, Query } from '@nestjs/common';
import { UuidParam } from '@mend/server-platform';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { TenantContextService } from '@mend/server-tenancy';
import { CoupleMeasureSummaryDto, MeasureSummaryQueryDto } from '../measures.dto';
import { CoupleMeasuresService } from './couple-measures.service';

@ApiTags('measures')
@ApiBearerAuth()
@Controller('couples')
export class CoupleMeasuresController {
  constructor(
    private readonly summaries: CoupleMeasuresService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get(':id/measures')
  @ApiOkResponse({
    type: [CoupleMeasureSummaryDto],
    description:
      'One summary per measure the couple answered: each partner’s points, reliable change from their baseline, the gap per round. A partner gets only their own series, and only when the clinic allows it.',
  })
  @ApiForbiddenResponse({
    description: '`own_graph_off` for a partner when the clinic does not allow it.',
  })
  @ApiNotFoundResponse()
  get(
    @Param('id', UuidParam) id: string,
    @Query() query: MeasureSummaryQueryDto,
  ): Promise<CoupleMeasureSummaryDto[]> {
    return this.summaries.summaries(this.tenant.current, id, query.definitionId);
  }
}
