import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role } from '@lawgate/domain';
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

  @Get('overdue-tasks.xlsx')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'Every overdue open task as an Excel workbook, most overdue first' })
  async overdue(@Res() reply: FastifyReply): Promise<void> {
    await sendXlsx(reply, '逾期任务', await this.exports.overdueWorkbook());
  }
}
