import { ApiProperty } from '@nestjs/swagger';

class PublicDraftRefDto {
  @ApiProperty({ description: 'SHA-256 of the draft published for comment' })
  sha256!: string;

  @ApiProperty({ type: String, nullable: true })
  mediaType!: string | null;

  @ApiProperty({ type: String, nullable: true })
  filename!: string | null;

  @ApiProperty({ example: '/api/public/comment-windows/…/draft' })
  url!: string;
}

/** A comment window as the public sees it. */
export class PublicCommentWindowDto {
  @ApiProperty({ format: 'uuid' })
  windowId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ['OPEN', 'NOT_YET_OPEN', 'CLOSED'] })
  status!: string;

  @ApiProperty({ format: 'date-time' })
  opensAt!: string;

  @ApiProperty({ format: 'date-time' })
  closesAt!: string;

  @ApiProperty({ format: 'date-time', description: 'The statutory minimum closing time' })
  minimumClosesAt!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Why the window is shorter than the statutory minimum' })
  shortenedReason!: string | null;

  @ApiProperty({ type: PublicDraftRefDto })
  draft!: PublicDraftRefDto;

  @ApiProperty({ type: 'integer', description: 'Comments received' })
  comments!: number;
}

export class CommentReceiptResponseDto {
  @ApiProperty({ example: 'ZQ-20261125-0007' })
  receiptNo!: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ format: 'uuid' })
  windowId!: string;
}

/** A comment followed by its receipt number: no name, no contact. */
export class CommentStatusResponseDto extends CommentReceiptResponseDto {
  @ApiProperty({ type: String, nullable: true })
  windowTitle!: string | null;

  @ApiProperty({ enum: ['RECEIVED', 'ANSWERED'] })
  status!: string;

  @ApiProperty({ type: String, nullable: true })
  answer!: string | null;

  @ApiProperty({ type: String, nullable: true })
  answerReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt!: string | null;
}

class CommentCountsDto {
  @ApiProperty({ type: 'integer' })
  total!: number;

  @ApiProperty({ type: 'integer' })
  answered!: number;

  @ApiProperty({ type: 'integer' })
  adopted!: number;

  @ApiProperty({ type: 'integer' })
  partlyAdopted!: number;

  @ApiProperty({ type: 'integer' })
  notAdopted!: number;
}

class WindowExtensionDto {
  @ApiProperty({ format: 'date-time' })
  oldClosesAt!: string;

  @ApiProperty({ format: 'date-time' })
  newClosesAt!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'uuid' })
  actorId!: string;

  @ApiProperty({ format: 'date-time' })
  extendedAt!: string;
}

/** A comment window as the office sees it: closing, calendar, answer counts and extensions. */
export class OfficeCommentWindowDto extends PublicCommentWindowDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The calendar version its closing was counted with' })
  calendarVersion!: number | null;

  @ApiProperty({ type: CommentCountsDto })
  summary!: CommentCountsDto;

  @ApiProperty({ type: [WindowExtensionDto] })
  extensions!: WindowExtensionDto[];
}

/** A comment as the office sees it; name and contact are null for those who may not see them. */
export class OfficeCommentDto {
  @ApiProperty({ format: 'uuid' })
  commentId!: string;

  @ApiProperty()
  receiptNo!: string;

  @ApiProperty()
  content!: string;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true })
  contact!: string | null;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ type: String, nullable: true, example: 'ADOPTED' })
  answer!: string | null;

  @ApiProperty({ type: String, nullable: true })
  answerReason!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Who answered (display name)' })
  answeredBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt!: string | null;
}
