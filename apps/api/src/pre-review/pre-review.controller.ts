import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_ROLES, Role } from '@lawgate/domain';
import { CurrentUser, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { ErrorBodyDto } from '../common/error-body';
import { uuidParam } from '../common/params';
import { SetLawOverrideDto, SetPreReviewRuleDto } from './pre-review.dto';
import { PreReviewResponseDto, PreReviewRulesResponseDto } from './pre-review.responses';
import { PreReviewService } from './pre-review.service';

@ApiTags('pre-review')
@ApiBearerAuth()
@Controller()
export class PreReviewController {
  constructor(private readonly service: PreReviewService) {}

  @Get('procedures/:id/pre-review')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary:
      'The automatic pre-review of the current draft: each finding with its clause, rule, basis and the dated list of laws it read',
  })
  @ApiOkResponse({ type: PreReviewResponseDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'The caller sees the procedure but not its drafts now' })
  async forProcedure(@CurrentUser() user: Principal, @Param('id', uuidParam('id')) id: string) {
    return this.service.forProcedure(user, id);
  }

  @Get('admin/pre-review/rules')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'The pre-review rules, which are switched off and why, and the dated list of laws' })
  @ApiOkResponse({ type: PreReviewRulesResponseDto })
  async rules() {
    return this.service.rules();
  }

  @Put('admin/pre-review/rules/:ruleId')
  @Roles(Role.SystemAdmin)
  @ApiOperation({ summary: 'Switch a pre-review rule off or on, with the reason (audited)' })
  @ApiOkResponse({ type: PreReviewRulesResponseDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such rule' })
  async setRule(@CurrentUser() user: Principal, @Param('ruleId') ruleId: string, @Body() body: SetPreReviewRuleDto) {
    return this.service.setRule(user, ruleId, body);
  }

  @Put('admin/pre-review/laws')
  @Roles(Role.SystemAdmin)
  @ApiOperation({
    summary: 'Record a change to the dated list of laws (repealed, renamed, new), with the reason (audited)',
  })
  @ApiOkResponse({ type: PreReviewRulesResponseDto })
  async setLaw(@CurrentUser() user: Principal, @Body() body: SetLawOverrideDto) {
    return this.service.setLaw(user, body);
  }
}
