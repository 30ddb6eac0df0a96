import { ApiProperty } from '@nestjs/swagger';

export class NotificationResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'TASK_DUE_SOON' })
  kind!: string;

  @ApiProperty()
  message!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  procedureId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  taskId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt!: string | null;
}

export class UnreadCountResponseDto {
  @ApiProperty({ type: 'integer' })
  unread!: number;
}

export class MarkedReadResponseDto {
  @ApiProperty({ type: 'integer', description: 'How many were marked read' })
  marked!: number;
}

export class NotificationPreferencesResponseDto {
  @ApiProperty()
  email!: boolean;

  @ApiProperty()
  webhook!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'The address mail goes to; null when none is known' })
  emailAddress!: string | null;
}
