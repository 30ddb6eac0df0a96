import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiProperty, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { CAMPAIGN_ID_PATTERN, Role } from '@lawgate/domain';
import { ErrorBodyDto } from '../common/error-body';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator';
import { AdminRegisterQueryDto } from '../register/register.dto';
import { ExportsService, XLSX } from './exports.service';

async function sendXlsx(reply: FastifyReply, name: string, body: Buffer): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  await reply
    .header('content-type', XLSX)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${name}-${day}.xlsx`)}`)
    .send(body);
}

export class CatalogExportQueryDto {
  @ApiProperty({ example: 2026, minimum: 1900, maximum: 2999 })
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  year: number;
}

export class CleanupExportQueryDto {
  @ApiProperty({ example: '2026' })
  @Matches(CAMPAIGN_ID_PATTERN, { message: 'campaignId must be 1-64 letters, digits, ".", "_" or "-"' })
  campaignId: string;
}

/** Excel exports of the office's lists. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('admin/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('register.xlsx')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'The register as an Excel workbook (same filters as GET /api/admin/register, every page)' })
  async register(@Query() query: AdminRegisterQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const { status, q, number, issuer, from, to } = query;
    await sendXlsx(
      reply,
      '规范性文件登记',
      await this.exports.registerWorkbook({ q, number, issuer, from, to }, status),
    );
  }

  @Get('catalog.xlsx')
  @Roles(Role.LegalAffairsOfficer, Role.Leader)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: "The year's published decision catalog as an Excel workbook, with each item's stage" })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No catalog of that year has been published' })
  async catalog(@Query() query: CatalogExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendXlsx(reply, `${query.year}年度重大行政决策事项目录`, await this.exports.catalogWorkbook(query.year));
  }

  @Get('cleanup-lists.xlsx')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: "A clean-up campaign's lists (kept, amended, repealed, expired) as an Excel workbook" })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'There is no such campaign' })
  async cleanupLists(@Query() query: CleanupExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendXlsx(reply, `清理结果-${query.campaignId}`, await this.exports.cleanupWorkbook(query.campaignId));
  }

  @Get('overdue-tasks.xlsx')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'Every overdue open task as an Excel workbook, most overdue first' })
  async overdue(@Res() reply: FastifyReply): Promise<void> {
    await sendXlsx(reply, '逾期任务', await this.exports.overdueWorkbook());
  }
}
