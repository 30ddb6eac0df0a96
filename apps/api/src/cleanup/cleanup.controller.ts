import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  CleanupCampaignResponseDto,
  CleanupReviewResponseDto,
  CleanupStartedResponseDto,
  CleanupListsResponseDto,
  CleanupProgressResponseDto,
} from './cleanup.responses';
import { CAMPAIGN_ID_PATTERN, DomainError, ErrorCode, Role } from '@lawgate/domain';
import { CurrentUser, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { ErrorBodyDto } from '../common/error-body';
import { CleanupReviewDecisionDto, StartCleanupCampaignDto } from './cleanup.dto';
import { CleanupService } from './cleanup.service';
import { idempotencyKeyOf, uuidParam } from '../common/params';

function campaignId(raw: string): string {
  if (!CAMPAIGN_ID_PATTERN.test(raw)) {
    throw new DomainError(ErrorCode.NotFound, `There is no clean-up campaign ${raw}.`);
  }
  return raw;
}

/** Clean-up campaigns (清理, B12): the legal-affairs office and administrators start and watch them. */
@ApiTags('clean-up')
@ApiBearerAuth()
@Controller('admin/cleanup-campaigns')
export class CleanupCampaignsController {
  constructor(private readonly service: CleanupService) {}

  @Post()
  @Roles(Role.LegalAffairsOfficer, Role.SystemAdmin)
  @ApiOperation({ summary: 'Start a clean-up campaign: one review per document in force (409 if the key exists)' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'A campaign with this key exists' })
  @ApiCreatedResponse({ type: CleanupStartedResponseDto })
  start(@CurrentUser() user: Principal, @Body() body: StartCleanupCampaignDto) {
    return this.service.start(user, body.title, body.campaignId);
  }

  @Get()
  @Roles(Role.LegalAffairsOfficer, Role.SystemAdmin)
  @ApiOperation({ summary: 'Clean-up campaigns, newest first' })
  @ApiOkResponse({ type: CleanupCampaignResponseDto, isArray: true })
  list() {
    return this.service.list();
  }

  @Get(':id')
  @Roles(Role.LegalAffairsOfficer, Role.SystemAdmin)
  @ApiOperation({ summary: 'Progress: documents in force at the start, reviews started, decisions by kind' })
  @ApiOkResponse({ type: CleanupProgressResponseDto })
  progress(@Param('id') id: string) {
    return this.service.progress(campaignId(id));
  }

  @Get(':id/lists')
  @Roles(Role.LegalAffairsOfficer, Role.SystemAdmin)
  @ApiOperation({ summary: 'The lists of documents kept, amended and repealed (decisions), and expired (register)' })
  @ApiOkResponse({ type: CleanupListsResponseDto })
  lists(@Param('id') id: string) {
    return this.service.lists(campaignId(id));
  }
}

const uuid = uuidParam('id');

/** The officer's decision on a clean-up review task. */
@ApiTags('clean-up')
@ApiBearerAuth()
@Controller('tasks/:id')
export class CleanupReviewController {
  constructor(private readonly service: CleanupService) {}

  @Post('cleanup-review')
  @HttpCode(200)
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'Decide a clean-up review: KEEP, AMEND (with reason) or REPEAL (with reason)' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The task is closed or not a clean-up review' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'AMEND or REPEAL without a reason' })
  @ApiOkResponse({ type: CleanupReviewResponseDto })
  decide(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() body: CleanupReviewDecisionDto,
    @Headers('idempotency-key') idem?: string,
  ) {
    return this.service.decide(user, id, body.decision, body.reason, idempotencyKeyOf(idem));
  }
}
