import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  MarkedReadResponseDto,
  NotificationPreferencesResponseDto,
  NotificationResponseDto,
  UnreadCountResponseDto,
} from './notifications.responses';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { DomainError, ErrorCode, ALL_ROLES } from '@lawgate/domain';
import { NotificationRepository } from '@lawgate/persistence';
import { CurrentUser, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { refuseInput } from '../common/no-input';
import { uuidParam } from '../common/params';

export class NotificationQueryDto {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class NotificationPreferencesDto {
  @ApiProperty({ description: 'E-mail (needs an address on the account, set by the administrator)' })
  @IsBoolean()
  email: boolean;

  @ApiProperty({ description: "The government messaging platform's webhook" })
  @IsBoolean()
  webhook: boolean;
}

const uuid = uuidParam('id');

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationRepository) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Reminders and escalations for me or my unit, newest first' })
  @ApiOkResponse({ type: NotificationResponseDto, isArray: true })
  async list(@CurrentUser() user: Principal, @Query() query: NotificationQueryDto) {
    const rows = await this.notifications.forUser(user.userId, user.unitId, query.unread ?? false, 100);
    return rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      message: n.message,
      procedureId: n.procedureId,
      taskId: n.taskId,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    }));
  }

  @Get('unread-count')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'How many notifications for me or my unit are unread (the bell)' })
  @ApiOkResponse({ type: UnreadCountResponseDto })
  async unreadCount(@CurrentUser() user: Principal): Promise<{ unread: number }> {
    return { unread: await this.notifications.unreadCount(user.userId, user.unitId) };
  }

  @Post('read-all')
  @HttpCode(200)
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Mark every notification for me or my unit read' })
  @ApiOkResponse({ type: MarkedReadResponseDto })
  async readAll(@CurrentUser() user: Principal, @Req() request: FastifyRequest): Promise<{ marked: number }> {
    refuseInput(request, 'Marking everything read');
    return { marked: await this.notifications.markAllRead(user.userId, user.unitId) };
  }

  @Get('preferences')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'My notification channels (the in-app bell is always on)' })
  @ApiOkResponse({ type: NotificationPreferencesResponseDto })
  preferences(@CurrentUser() user: Principal) {
    return this.notifications.preferences(user.userId);
  }

  @Put('preferences')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Choose my notification channels' })
  @ApiOkResponse({ type: NotificationPreferencesResponseDto })
  async setPreferences(@CurrentUser() user: Principal, @Body() body: NotificationPreferencesDto) {
    await this.notifications.setPreferences(user.userId, { email: body.email, webhook: body.webhook });
    return this.notifications.preferences(user.userId);
  }

  @Post(':id/read')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Mark a notification read' })
  async read(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<void> {
    if (!(await this.notifications.markRead(id, user.userId, user.unitId))) {
      throw new DomainError(ErrorCode.NotFound, `There is no notification ${id} for you.`);
    }
  }
}
