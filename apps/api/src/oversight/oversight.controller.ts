import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@lawgate/domain';
import { Roles } from '../auth/roles.decorator';
import { OverduePageDto, OverdueQueryDto, StatisticsDto, StatisticsQueryDto } from './oversight.dto';
import { OversightService } from './oversight.service';
import { ReviewStatisticsDto } from './review-statistics.dto';
import { ReviewStatisticsService } from './review-statistics.service';

/** The legal-affairs office's console: overdue work across every procedure, and the rates it reports on. */
@ApiTags('administration')
@ApiBearerAuth()
@Controller('admin')
export class OversightController {
  constructor(
    private readonly service: OversightService,
    private readonly reviews: ReviewStatisticsService,
  ) {}

  @Get('overdue-tasks')
  @Roles(Role.LegalAffairsOfficer, Role.SystemAdmin)
  @ApiOperation({ summary: 'Open tasks past their due time in every procedure, most overdue first, with the total' })
  @ApiOkResponse({ type: OverduePageDto })
  overdue(@Query() query: OverdueQueryDto): Promise<OverduePageDto> {
    return this.service.overdue(query.limit ?? 200);
  }

  @Get('statistics')
  @Roles(Role.LegalAffairsOfficer, Role.SystemAdmin)
  @ApiOperation({
    summary:
      'On-time rate, legality-review return rate, comment adoption rate (total and by month), documents nearing expiry',
  })
  @ApiOkResponse({ type: StatisticsDto })
  statistics(@Query() query: StatisticsQueryDto): Promise<StatisticsDto> {
    return this.service.statistics(query.months ?? 12);
  }

  @Get('review-statistics')
  @Roles(Role.LegalAffairsOfficer, Role.SystemAdmin)
  @ApiOperation({
    summary:
      'Each review procedure (a type whose definition names its review outcomes): volume, pass rate, return rate and overdue work, per department and month',
  })
  @ApiOkResponse({ type: ReviewStatisticsDto })
  reviewStatistics(@Query() query: StatisticsQueryDto): Promise<ReviewStatisticsDto> {
    return this.reviews.statistics(query.months ?? 12);
  }
}
