import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { UuidParam } from '@mend/server-platform';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { TenantContextService } from '@mend/server-tenancy';
import { HideMessageDto, MessageDto } from './message.dto';
import { MessagesService } from './messages.service';

@ApiTags('messages')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Therapists only.' })
@Controller('messages')
export class MessagesController {
  constructor(
    private readonly messages: MessagesService,
    private readonly tenant: TenantContextService,
  ) {}

  @Post(':id/hide')
  @HttpCode(200)
  @ApiOkResponse({
    type: MessageDto,
    description: 'Hidden from the partners; kept, with the reason.',
  })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already hidden.' })
  hide(@Param('id', UuidParam) id: string, @Body() body: HideMessageDto): Promise<MessageDto> {
    return this.messages.hide(this.tenant.current, id, body);
  }
}
