import { createHmac } from 'node:crypto';
import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JsonFeedDto } from '../common/json-feed.dto';
import {
  CommentReceiptResponseDto,
  CommentStatusResponseDto,
  PublicCommentWindowDto,
} from './public-comments.responses';
import { ErrorBodyDto } from '../common/error-body';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import { DomainError, ErrorCode } from '@lawgate/domain';
import { type CommentWindowEntity, CommentRepository, DocumentRepository } from '@lawgate/persistence';
import { Public } from '../auth/roles.decorator';
import { SubmitCommentDto } from './comments.dto';
import { atomFeed, jsonFeed, type FeedWindow } from './feeds';
import { commentRateKey, commentRateLimits } from './rate-limiter';
import { PgRateCounter } from '../common/rate-limit/rate-counter';
import type { RateLimits } from '../common/rate-limit/limits';
import { uuidParam } from '../common/params';

const RECEIPT_NO = /^ZQ-\d{8}-\d{4,}$/;

const uuid = uuidParam;

/** A window as the public sees it: never the drafting unit's internals, never who commented. */
export function publicWindowDto(w: CommentWindowEntity, comments: number, now = new Date()) {
  const open = w.status === 'OPEN' && w.opensAt <= now && now < w.closesAt;
  return {
    windowId: w.id,
    title: w.title,
    status: open ? 'OPEN' : w.status === 'OPEN' && now < w.opensAt ? 'NOT_YET_OPEN' : 'CLOSED',
    opensAt: w.opensAt.toISOString(),
    closesAt: w.closesAt.toISOString(),
    minimumClosesAt: w.minimumClosesAt.toISOString(),
    /** Published with the window: why it is shorter than the statutory minimum. */
    shortenedReason: w.shortenedReason,
    draft: {
      sha256: w.draftSha256,
      mediaType: w.draftVersion?.mediaType ?? null,
      filename: w.draftVersion?.filename ?? null,
      url: `/api/public/comment-windows/${w.id}/draft`,
    },
    comments,
  };
}

/**
 * Public consultation without login (公开征求意见): anyone can read the open windows and the exact draft, comment, and
 * follow their comment by its receipt number. Names and contacts are never shown here; clients are told apart by a
 * keyed hash of their address, which is what the rate limit and the stored comment keep.
 */
@ApiTags('public comments')
@Controller('public')
export class PublicCommentsController {
  private readonly limiter: RateLimits;

  constructor(
    private readonly comments: CommentRepository,
    private readonly documents: DocumentRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    counter: PgRateCounter,
  ) {
    this.limiter = commentRateLimits(counter, config);
  }

  @Get('comment-windows')
  @Public()
  @ApiOperation({ summary: 'Drafts open for public comment now, soonest closing first' })
  @ApiOkResponse({ type: PublicCommentWindowDto, isArray: true })
  async list() {
    return (await this.comments.openWindows()).map(({ window, comments }) => publicWindowDto(window, comments));
  }

  @Get('comment-windows/:id')
  @Public()
  @ApiOperation({ summary: 'One comment window (open or closed)' })
  @ApiOkResponse({ type: PublicCommentWindowDto })
  async get(@Param('id', uuid('id')) id: string) {
    const window = await this.window(id);
    return publicWindowDto(window, await this.comments.commentCount(id));
  }

  @Get('comment-windows/:id/draft')
  @Public()
  @ApiOperation({ summary: 'The exact draft published for comment (ETag is its SHA-256)' })
  async draft(@Param('id', uuid('id')) id: string, @Res() reply: FastifyReply): Promise<void> {
    const window = await this.window(id);
    const content = await this.documents.content(window.draftSha256);
    if (!content || !window.draftVersion) {
      throw new DomainError(ErrorCode.NotFound, 'The published draft of this window is missing.');
    }
    await reply
      .header('content-type', window.draftVersion.mediaType)
      .header('etag', `"${window.draftSha256}"`)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(window.draftVersion.filename)}`)
      .send(content);
  }

  @Post('comment-windows/:id/comments')
  @Public()
  @ApiOperation({
    summary: 'Comment on the draft; returns a receipt number to follow the answer',
    description: '409 when the window is closed or not yet open; 429 with Retry-After past the per-client limit.',
  })
  @ApiCreatedResponse({ type: CommentReceiptResponseDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The window is closed or not yet open' })
  async submit(
    @Param('id', uuid('id')) id: string,
    @Body() dto: SubmitCommentDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const fingerprint = this.fingerprintOf(request);
    const decision = await this.limiter.take(commentRateKey(id, fingerprint));
    if (!decision.allowed) {
      void reply.header('retry-after', String(decision.retryAfterSeconds));
      throw new DomainError(
        ErrorCode.TooManyRequests,
        `Too many comments from your connection on this draft; try again in ${decision.retryAfterSeconds} seconds.`,
        { retryAfterSeconds: decision.retryAfterSeconds },
      );
    }
    const comment = await this.comments.submit({
      windowId: id,
      body: dto.content,
      name: dto.name?.trim() || null,
      contact: dto.contact?.trim() || null,
      clientFingerprint: fingerprint,
    });
    return { receiptNo: comment.receiptNo, submittedAt: comment.submittedAt.toISOString(), windowId: id };
  }

  @Get('comments/:receiptNo')
  @Public()
  @ApiOperation({ summary: "A comment's status by its receipt number, and the answer once given" })
  @ApiOkResponse({ type: CommentStatusResponseDto })
  async byReceipt(@Param('receiptNo') receiptNo: string) {
    if (!RECEIPT_NO.test(receiptNo)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'A receipt number looks like ZQ-20261125-0007.', {
        fields: { receiptNo: ['receiptNo must look like ZQ-20261125-0007'] },
      });
    }
    const comment = await this.comments.findByReceipt(receiptNo);
    if (!comment) throw new DomainError(ErrorCode.NotFound, `There is no comment with receipt number ${receiptNo}.`);
    return {
      receiptNo: comment.receiptNo,
      windowId: comment.windowId,
      windowTitle: comment.window?.title ?? null,
      submittedAt: comment.submittedAt.toISOString(),
      status: comment.answer ? 'ANSWERED' : 'RECEIVED',
      answer: comment.answer,
      answerReason: comment.answer ? comment.answerReason : null,
      answeredAt: comment.answeredAt?.toISOString() ?? null,
    };
  }

  @Get('feeds/comment-windows.json')
  @Public()
  @ApiOperation({ summary: 'Open comment windows as a JSON Feed 1.1' })
  @ApiOkResponse({ type: JsonFeedDto })
  async feedJson(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const feed = jsonFeed(baseUrlOf(request), await this.feedWindows());
    await reply.header('content-type', 'application/feed+json; charset=utf-8').send(JSON.stringify(feed));
  }

  @Get('feeds/comment-windows.atom')
  @Public()
  @ApiOperation({ summary: 'Open comment windows as an Atom feed' })
  async feedAtom(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const xml = atomFeed(baseUrlOf(request), await this.feedWindows(), new Date());
    await reply.header('content-type', 'application/atom+xml; charset=utf-8').send(xml);
  }

  private async window(id: string): Promise<CommentWindowEntity> {
    const window = await this.comments.findWindow(id);
    if (!window) throw new DomainError(ErrorCode.NotFound, `There is no comment window ${id}.`);
    return window;
  }

  private async feedWindows(): Promise<FeedWindow[]> {
    return (await this.comments.openWindows()).map(({ window, comments }) => ({
      windowId: window.id,
      title: window.title,
      opensAt: window.opensAt.toISOString(),
      closesAt: window.closesAt.toISOString(),
      shortenedReason: window.shortenedReason,
      comments,
      draftMediaType: window.draftVersion?.mediaType ?? 'application/octet-stream',
    }));
  }

  /**
   * A keyed hash of the client address: stable enough to count a client's comments, useless for finding the
   * address (an unkeyed hash of an IPv4 address is reversed by hashing all four billion). Keyed with the token
   * secret, which the API already keeps secret. Behind a reverse proxy, `request.ip` is the proxy's address unless
   * Fastify is told to trust it.
   */
  private fingerprintOf(request: FastifyRequest): string {
    return createHmac('sha256', this.config.JWT_SECRET).update(`comment-client:${request.ip}`).digest('hex');
  }
}

/** Absolute base URL of this API as the client reached it, for the links feeds must carry. */
function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
