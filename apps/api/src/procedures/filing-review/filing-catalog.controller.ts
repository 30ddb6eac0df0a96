import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FilingReviewPolicy } from '@lawgate/domain';
import { FilingCatalogService } from './filing-catalog.service';
import { Public } from '../../auth/roles.decorator';
import { FeedQueryDto } from '../../register/register.dto';
import { atomFeed, type FeedEntry } from '../../register/register.service';

export class FiledDocumentDto {
  @ApiProperty() caseId: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: '坛教规〔2026〕1号' }) documentNumber: string;
  @ApiProperty() issuer: string;
  @ApiProperty({ example: '2026-03-01' }) publishedOn: string;
  @ApiProperty({ description: 'When the review passed and the document entered the catalog' }) filedAt: string;
}

export class FilingCatalogDto {
  @ApiProperty({ description: 'The organ the documents are filed with' }) receivingOrgan: string;
  @ApiProperty({ enum: ['MONTHLY', 'QUARTERLY'], description: 'How often the catalog is published (policy)' })
  cadence: string;
  @ApiProperty({ type: [FiledDocumentDto] }) items: FiledDocumentDto[];
}

export class FilingCatalogEditionDto {
  @ApiProperty({ example: '2026-Q3', description: 'The period the edition covers, named once' }) periodKey: string;
  @ApiProperty({ example: '2026年第3季度' }) label: string;
  @ApiProperty({ example: 'QUARTERLY', description: 'The cadence it was published on (policy)' }) cadence: string;
  @ApiProperty({ description: 'Start of the period covered (inclusive)' }) periodStart: string;
  @ApiProperty({ description: 'End of the period covered (exclusive)' }) periodEnd: string;
  @ApiProperty() publishedAt: string;
  @ApiProperty() receivingOrgan: string;
  @ApiProperty({ type: [FiledDocumentDto], description: 'The documents whose review passed within the period' })
  entries: FiledDocumentDto[];
}

/**
 * E3: the catalog of filed documents (备案目录), public: every document whose filing review passed, newest first, as
 * JSON and as an Atom feed beside the register's feeds. The policy names how often it is announced.
 */
@ApiTags('public register')
@Controller('public')
export class FilingCatalogController {
  constructor(private readonly catalogService: FilingCatalogService) {}

  private policy(): FilingReviewPolicy {
    return this.catalogService.policy();
  }

  private items(limit: number): Promise<FiledDocumentDto[]> {
    return this.catalogService.items(limit);
  }

  @Get('filing-catalog')
  @Public()
  @ApiOperation({ summary: 'E3: the catalog of filed normative documents (review passed), newest first' })
  @ApiOkResponse({ type: FilingCatalogDto })
  async catalog(@Query() query: FeedQueryDto): Promise<FilingCatalogDto> {
    const policy = this.policy();
    return {
      receivingOrgan: policy.receivingOrgan,
      cadence: policy.catalogCadence,
      items: await this.items(query.limit ?? 50),
    };
  }

  @Get('filing-catalog/editions')
  @Public()
  @ApiOperation({ summary: 'E3: the editions of the catalog, one per period of its cadence, newest first' })
  @ApiOkResponse({ type: [FilingCatalogEditionDto] })
  editions(@Query() query: FeedQueryDto): Promise<FilingCatalogEditionDto[]> {
    return this.catalogService.editions(query.limit ?? 50);
  }

  @Get('feeds/filing-catalog.atom')
  @Public()
  @ApiProduces('application/atom+xml')
  @ApiOperation({ summary: 'E3: the editions of the catalog of filed normative documents (Atom)' })
  async editionsAtom(
    @Query() query: FeedQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const origin = `${request.protocol}://${request.headers.host ?? 'localhost'}`;
    const organ = this.policy().receivingOrgan;
    const entries: FeedEntry[] = (await this.catalogService.editions(query.limit ?? 50)).map((e) => ({
      id: `urn:lawgate:filing-catalog:${e.periodKey}`,
      title: `规范性文件备案目录（${e.label}）`,
      url: `${origin}/public/filing-catalog#${encodeURIComponent(e.periodKey)}`,
      updated: e.publishedAt,
      summary:
        `${e.label}审查通过并列入备案目录 ${e.entries.length} 件` +
        (e.entries.length ? `：${e.entries.map((i) => `${i.documentNumber}《${i.title}》`).join('；')}` : '。'),
      author: e.receivingOrgan,
    }));
    const xml = atomFeed({
      id: `${origin}/api/public/feeds/filing-catalog.atom`,
      title: `${organ}：规范性文件备案目录（定期公布）`,
      selfUrl: `${origin}/api/public/feeds/filing-catalog.atom`,
      entries,
    });
    await reply.header('content-type', 'application/atom+xml; charset=utf-8').send(xml);
  }

  @Get('feeds/filings.atom')
  @Public()
  @ApiProduces('application/atom+xml')
  @ApiOperation({ summary: 'E3: the catalog of filed normative documents (Atom)' })
  async atom(@Query() query: FeedQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const origin = `${request.protocol}://${request.headers.host ?? 'localhost'}`;
    const entries: FeedEntry[] = (await this.items(query.limit ?? 50)).map((i) => ({
      id: `urn:lawgate:filing:${i.caseId}`,
      title: `${i.documentNumber}《${i.title}》`,
      url: `${origin}/api/public/filing-catalog`,
      updated: i.filedAt,
      summary: `${i.issuer}，${i.publishedOn} 发布，已备案审查`,
      author: this.policy().receivingOrgan,
    }));
    const xml = atomFeed({
      id: `${origin}/api/public/feeds/filings.atom`,
      title: `${this.policy().receivingOrgan}：规范性文件备案目录`,
      selfUrl: `${origin}/api/public/feeds/filings.atom`,
      entries,
    });
    await reply.header('content-type', 'application/atom+xml; charset=utf-8').send(xml);
  }
}
