import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../auth/roles.decorator';
import { JsonFeedDto } from '../../common/json-feed.dto';
import { jsonFeed } from '../../register/register.service';
import { PublicDisclosuresService } from './public-disclosures.service';

export class DisclosureQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class PublicDisclosureDto {
  @ApiProperty({ format: 'uuid' }) procedureId: string;
  @ApiProperty() title: string;
  @ApiProperty() departmentName: string;
  @ApiProperty({ example: 'PENALTY' }) outcome: string;
  @ApiProperty({ description: 'The decision as recorded: its document number and what it decides' })
  decision: string;
  @ApiProperty() decidedAt: string;
  @ApiProperty({ description: 'Where and under which reference it was disclosed' }) disclosure: string;
  @ApiProperty() disclosedAt: string;
}

/** The origin the caller used, for the absolute links a feed needs. */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}

/**
 * Disclosed major enforcement decisions (行政处罚法 Art 48; 国办发〔2018〕118号), for everyone: the list and a JSON
 * feed. A disclosure withdrawn after the decision was revoked is no longer listed.
 */
@ApiTags('enforcement reviews')
@Controller('public')
export class PublicDisclosuresController {
  constructor(private readonly disclosures: PublicDisclosuresService) {}

  @Get('enforcement-disclosures')
  @Public()
  @ApiOperation({ summary: 'Disclosed major enforcement decisions, newest first (withdrawn disclosures left out)' })
  @ApiOkResponse({ type: PublicDisclosureDto, isArray: true })
  list(@Query() query: DisclosureQueryDto) {
    return this.disclosures.list(query.limit ?? 100);
  }

  @Get('feeds/enforcement-disclosures.json')
  @Public()
  @ApiOperation({ summary: 'Disclosed major enforcement decisions (JSON Feed 1.1)' })
  @ApiOkResponse({ type: JsonFeedDto })
  async feed(@Query() query: DisclosureQueryDto, @Req() request: FastifyRequest) {
    const origin = originOf(request);
    const rows = await this.disclosures.list(query.limit ?? 100);
    return jsonFeed({
      title: '金坛区重大执法决定公开',
      homeUrl: `${origin}/public/enforcement-disclosures`,
      selfUrl: `${origin}/api/public/feeds/enforcement-disclosures.json`,
      entries: rows.map((r) => ({
        id: `${origin}/public/enforcement-disclosures#${r.procedureId}`,
        title: r.title,
        url: `${origin}/public/enforcement-disclosures#${r.procedureId}`,
        updated: r.disclosedAt,
        summary: `${r.decision}（${r.disclosure}）`,
        author: r.departmentName,
        extra: r,
      })),
    });
  }
}
