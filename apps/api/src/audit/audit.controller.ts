import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditPageResponseDto } from './audit.responses';
import { Role } from '@lawgate/domain';
import { AuditRepository } from '@lawgate/persistence';
import { Roles } from '../auth/roles.decorator';
import { AuditQueryDto } from './audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({
    summary:
      'The audit trail, newest first: logins, document reads, exports, archive downloads, administrative changes, ' +
      'operator actions and every recorded step; filter by action (or prefix), actor, procedure and time',
  })
  @ApiOkResponse({ type: AuditPageResponseDto })
  async list(@Query() query: AuditQueryDto) {
    const entries = await this.audit.search(query);
    return {
      entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })),
      nextBeforeId: entries.length === (query.limit ?? 50) ? entries[entries.length - 1].id : null,
    };
  }
}
