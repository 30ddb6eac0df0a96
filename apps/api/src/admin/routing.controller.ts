import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/error-body';
import {
  AdviserCandidateResponseDto,
  ConflictDeclaredResponseDto,
  ConflictResponseDto,
  RoutingOverviewResponseDto,
  RoutingRulesChangedResponseDto,
} from './admin.responses';
import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { Role } from '@lawgate/domain';
import { CurrentUser, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { uuidParam } from '../common/params';
import { RoutingService } from './routing.service';

export class RoutingRulesDto {
  @ApiProperty({ description: 'Only advisers assigned to the drafting department may take its tasks' })
  @IsBoolean()
  assignedAdvisersOnly: boolean;

  @ApiProperty({ description: 'Only advisers with matching expertise may take a task that asks for expertise' })
  @IsBoolean()
  requireExpertiseMatch: boolean;

  @ApiProperty({ description: 'Why the rules change (recorded in the audit trail)' })
  @IsString()
  @Length(5, 2000)
  reason: string;
}

export class AdviserProfileDto {
  @ApiProperty({ example: ['教育', '行政许可'] })
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  @ArrayMaxSize(30)
  expertise: string[];

  @ApiProperty({ example: 10 })
  @IsInt()
  @Min(0)
  @Max(500)
  maxOpenTasks: number;

  @ApiProperty()
  @IsBoolean()
  active: boolean;

  @ApiProperty({ description: 'Departments the adviser is assigned to' })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(100)
  departmentIds: string[];

  @ApiProperty({ description: 'Why (recorded in the audit trail)' })
  @IsString()
  @Length(5, 2000)
  reason: string;
}

export class ConflictDto {
  @ApiPropertyOptional({ description: 'A procedure the adviser must not review' })
  @IsOptional()
  @IsUUID()
  procedureId?: string;

  @ApiPropertyOptional({ description: 'A department whose documents the adviser must not review' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiProperty({ example: '近亲属在该局任职' })
  @IsString()
  @Length(2, 2000)
  reason: string;
}

const uuid = uuidParam('userId');

/** Routing rules and adviser profiles (administrators see and change them, audited), and declared conflicts. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller()
export class RoutingController {
  constructor(private readonly routing: RoutingService) {}

  @Get('admin/routing')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({
    summary: 'The routing rules in force, and every adviser as routing sees them (load, expertise, conflicts)',
  })
  @ApiOkResponse({ type: RoutingOverviewResponseDto })
  async overview() {
    return this.routing.overview();
  }

  @Put('admin/routing/rules')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'Change the routing rules (a new version; audited with the reason)' })
  @ApiOkResponse({ type: RoutingRulesChangedResponseDto })
  async setRules(@CurrentUser() user: Principal, @Body() body: RoutingRulesDto) {
    const rules = {
      assignedAdvisersOnly: body.assignedAdvisersOnly,
      requireExpertiseMatch: body.requireExpertiseMatch,
    };
    return this.routing.setRules(user.userId, rules, body.reason);
  }

  @Put('admin/advisers/:userId')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({ summary: "Set an adviser's expertise, capacity, activity and assigned departments (audited)" })
  @ApiOkResponse({ type: AdviserCandidateResponseDto, description: 'The adviser as routing now sees them' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'The profile breaks a rule (an assigned unit that is not a department)',
  })
  async setProfile(
    @CurrentUser() user: Principal,
    @Param('userId', uuid) userId: string,
    @Body() body: AdviserProfileDto,
  ) {
    return this.routing.setProfile(user.userId, userId, body);
  }

  @Get('advisers/me/conflicts')
  @Roles(Role.LegalAdviser)
  @ApiOperation({ summary: 'The conflicts of interest I declared' })
  @ApiOkResponse({ type: ConflictResponseDto, isArray: true })
  async myConflicts(@CurrentUser() user: Principal) {
    return this.routing.conflictsOf(user.userId);
  }

  @Post('advisers/me/conflicts')
  @Roles(Role.LegalAdviser)
  @ApiOperation({ summary: 'Declare a conflict of interest: no task of that procedure or department is routed to me' })
  @ApiCreatedResponse({ type: ConflictDeclaredResponseDto })
  async declare(@CurrentUser() user: Principal, @Body() body: ConflictDto) {
    return this.routing.declareConflict(user.userId, body);
  }
}
