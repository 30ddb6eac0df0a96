import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { DomainError, ErrorCode } from '../../../../libs/domain/src/errors';
import { ALL_ROLES } from '../../../../libs/domain/src/roles';
import { NotificationRepository } from '../../../../libs/persistence/src/repositories/notification.repository';
import { CurrentUser, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { uuidParam } from '../common/params';

export class NotificationQueryDto {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
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
