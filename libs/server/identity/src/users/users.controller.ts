import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
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
import { InviteStaffDto, InvitedUserDto, UpdateUserDto, UserDto } from './user.dto';
import { USER_LIST, UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Your role does not allow this.' })
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly tenant: TenantContextService,
  ) {}

  @Get()
  @ApiList(UserDto, { sortable: USER_LIST.sortable, filters: Object.keys(USER_LIST.filter.shape) })
  async list(
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UserDto[]> {
    const query = parseListQuery(raw, USER_LIST);
    const { rows, total } = await this.users.list(this.tenant.current, query);
    setContentRange(response, 'users', query, rows.length, total);
    return rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse()
  get(@Param('id', UuidParam) id: string): Promise<UserDto> {
    return this.users.get(this.tenant.current, id);
  }

  @Post()
  @ApiCreatedResponse({ type: InvitedUserDto, description: 'Invited; the email is on its way.' })
  @ApiConflictResponse({ description: 'The email is already in use in this clinic.' })
  invite(@Body() body: InviteStaffDto): Promise<InvitedUserDto> {
    return this.users.inviteStaff(this.tenant.current, body);
  }

  @Put(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse()
  update(@Param('id', UuidParam) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.users.update(this.tenant.current, id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto, description: 'Deactivated; every session has ended.' })
  @ApiNotFoundResponse()
  deactivate(@Param('id', UuidParam) id: string): Promise<UserDto> {
    return this.users.deactivate(this.tenant.current, id);
  }

  @Post(':id/resend-invitation')
  @HttpCode(200)
  @ApiOkResponse({ type: InvitedUserDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already joined.' })
  resendInvitation(@Param('id', UuidParam) id: string): Promise<InvitedUserDto> {
    return this.users.resendInvitation(this.tenant.current, id);
  }
}
