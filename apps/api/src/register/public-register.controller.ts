import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { JsonFeedDto } from '../common/json-feed.dto';
import { PublishedPlainTextDto, RegisterEntryResponseDto, RegisterPageResponseDto } from './register.responses';
import { DocumentContentService } from '../documents/document-content.service';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/roles.decorator';
import { NoQueryParamsPipe } from '../common/validation';
import { ExpiringFeedQueryDto, FeedQueryDto, PUBLIC_STATUSES, PublicRegisterQueryDto } from './register.dto';
import {
  atomFeed,
  entryDto,
  jsonFeed,
  RegisterService,
  type FeedEntry,
  type RegisterEntryDto,
  type RegisterPageDto,
} from './register.service';
import { uuidParam } from '../common/params';

const uuid = uuidParam('id');

/** The origin the caller used, for the absolute links feeds need. */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}

/**
 * The public register of normative documents (no login): what is published, where, since when and until when, with
 * the published text and feeds. Unpublished numbers and voided numbers are not public (see the admin register).
 */
@ApiTags('public register')
@Controller('public')
export class PublicRegisterController {
  constructor(
    private readonly register: RegisterService,
    private readonly content: DocumentContentService,
  ) {}

  @Get('register')
  @Public()
  @ApiOperation({ summary: 'Search the register of published normative documents (newest registration first)' })
  @ApiOkResponse({ type: RegisterPageResponseDto })
  async list(@Query() query: PublicRegisterQueryDto): Promise<RegisterPageDto<RegisterEntryDto>> {
    const page = await this.register.list(query, query.status ? [query.status] : [...PUBLIC_STATUSES]);
    return { items: page.items.map(entryDto), nextCursor: page.nextCursor };
  }

  @Get('register/:id')
  @Public()
  @ApiOperation({ summary: 'One published document: number, issuer, dates, validity, status, where it was published' })
  @ApiOkResponse({ type: RegisterEntryResponseDto })
  async one(
    @Param('id', uuid) id: string,
    @Query(NoQueryParamsPipe) _query: Record<string, never>,
  ): Promise<RegisterEntryDto> {
    return entryDto(await this.register.publicRow(id, PUBLIC_STATUSES));
  }

  @Get('register/:id/plain-text')
  @Public()
  @ApiOperation({
    summary: 'The published text as plain text (a .docx through mammoth), for the print layout; null for a PDF',
  })
  @ApiOkResponse({ type: PublishedPlainTextDto })
  async plainText(
    @Param('id', uuid) id: string,
    @Query(NoQueryParamsPipe) _query: Record<string, never>,
  ): Promise<PublishedPlainTextDto> {
    const text = await this.register.text(await this.register.publicRow(id, PUBLIC_STATUSES));
    const mediaType = text.mediaType.split(';')[0].trim();
    return { mediaType, text: await this.content.textOf(mediaType, text.content) };
  }

  @Get('register/:id/text')
  @Public()
  @ApiOperation({ summary: 'The published text, byte for byte (ETag is its SHA-256)' })
  async text(
    @Param('id', uuid) id: string,
    @Query(NoQueryParamsPipe) _query: Record<string, never>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const row = await this.register.publicRow(id, PUBLIC_STATUSES);
    const text = await this.register.text(row);
    await reply
      .header('content-type', text.mediaType)
      .header('etag', `"${text.sha256}"`)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.entry.number)}`)
      .send(text.content);
  }

  @Get('feeds/publications.json')
  @Public()
  @ApiOperation({ summary: 'Newest publications (JSON Feed 1.1)' })
  @ApiOkResponse({ type: JsonFeedDto })
  async publicationsJson(@Query() query: FeedQueryDto, @Req() request: FastifyRequest) {
    const origin = originOf(request);
    return jsonFeed({
      title: '金坛区规范性文件：最新发布',
      homeUrl: `${origin}/api/public/register`,
      selfUrl: `${origin}/api/public/feeds/publications.json`,
      entries: await this.publicationEntries(origin, query.limit ?? 50),
    });
  }

  @Get('feeds/publications.atom')
  @Public()
  @ApiProduces('application/atom+xml')
  @ApiOperation({ summary: 'Newest publications (Atom)' })
  async publicationsAtom(
    @Query() query: FeedQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const origin = originOf(request);
    const xml = atomFeed({
      id: `${origin}/api/public/feeds/publications.atom`,
      title: '金坛区规范性文件：最新发布',
      selfUrl: `${origin}/api/public/feeds/publications.atom`,
      entries: await this.publicationEntries(origin, query.limit ?? 50),
    });
    await reply.header('content-type', 'application/atom+xml; charset=utf-8').send(xml);
  }

  @Get('feeds/expiring.json')
  @Public()
  @ApiOperation({ summary: 'In-force documents whose validity ends within `days` days (default 180), soonest first' })
  @ApiOkResponse({ type: JsonFeedDto })
  async expiringJson(@Query() query: ExpiringFeedQueryDto, @Req() request: FastifyRequest) {
    const origin = originOf(request);
    return jsonFeed({
      title: `金坛区规范性文件：${query.days ?? 180}日内有效期届满`,
      homeUrl: `${origin}/api/public/register`,
      selfUrl: `${origin}/api/public/feeds/expiring.json`,
      entries: await this.expiringEntries(origin, query),
    });
  }

  @Get('feeds/expiring.atom')
  @Public()
  @ApiProduces('application/atom+xml')
  @ApiOperation({ summary: 'In-force documents whose validity ends within `days` days (Atom)' })
  async expiringAtom(
    @Query() query: ExpiringFeedQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const origin = originOf(request);
    const xml = atomFeed({
      id: `${origin}/api/public/feeds/expiring.atom`,
      title: `金坛区规范性文件：${query.days ?? 180}日内有效期届满`,
      selfUrl: `${origin}/api/public/feeds/expiring.atom`,
      entries: await this.expiringEntries(origin, query),
    });
    await reply.header('content-type', 'application/atom+xml; charset=utf-8').send(xml);
  }

  private async publicationEntries(origin: string, limit: number): Promise<(FeedEntry & { extra: object })[]> {
    const latest = await this.register.latestPublications(limit);
    return latest.map(({ publication, row }) => {
      const dto = entryDto({ ...row, publication });
      return {
        id: `urn:uuid:${publication.id}`,
        title: `${dto.number} ${dto.title}`,
        url: `${origin}/api/public/register/${dto.id}`,
        updated: publication.publishedAt.toISOString(),
        summary: `${dto.issuer.name}发布（${publication.channel}：${publication.reference}），有效期至${dto.validUntil}。`,
        author: dto.issuer.name,
        extra: dto,
      };
    });
  }

  private async expiringEntries(
    origin: string,
    query: ExpiringFeedQueryDto,
  ): Promise<(FeedEntry & { extra: object })[]> {
    const rows = await this.register.expiring(query.days ?? 180, query.limit ?? 50);
    return rows.map((row) => {
      const dto = entryDto(row);
      return {
        id: `urn:uuid:${dto.id}`,
        title: `${dto.number} ${dto.title}`,
        url: `${origin}/api/public/register/${dto.id}`,
        updated: (row.entry.inForceAt ?? row.entry.registeredAt).toISOString(),
        summary: `有效期至${dto.validUntil}，届满前应当评估（${dto.issuer.name}）。`,
        author: dto.issuer.name,
        extra: dto,
      };
    });
  }
}
