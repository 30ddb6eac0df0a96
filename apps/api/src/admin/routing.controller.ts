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
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- its transactions move into a service next (docs/api.md)
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../../../libs/domain/src/errors';
import { OrgUnitKind, Role } from '../../../../libs/domain/src/roles';
import { AdviserRepository } from '../../../../libs/persistence/src/repositories/adviser.repository';
import { AuditRepository } from '../../../../libs/persistence/src/repositories/audit.repository';
import { OrgRepository } from '../../../../libs/persistence/src/repositories/org.repository';
import { ProcedureRepository } from '../../../../libs/persistence/src/repositories/procedure.repository';
import { CurrentUser, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { uuidParam } from '../common/params';

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
  constructor(
    private readonly dataSource: DataSource,
    private readonly advisers: AdviserRepository,
    private readonly audit: AuditRepository,
    private readonly org: OrgRepository,
    private readonly procedures: ProcedureRepository,
  ) {}

  @Get('admin/routing')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({
    summary: 'The routing rules in force, and every adviser as routing sees them (load, expertise, conflicts)',
  })
  @ApiOkResponse({ type: RoutingOverviewResponseDto })
  async overview() {
    const [{ version, rules }, candidates] = await Promise.all([this.advisers.rules(), this.advisers.candidates()]);
    return { rulesVersion: version, rules, advisers: candidates };
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
    const version = await this.dataSource.transaction(async (manager) => {
      const v = await this.advisers.setRules(manager, rules, user.userId, body.reason);
      await this.audit.record(manager, {
        actorKind: 'OPERATOR',
        actorId: user.userId,
        action: 'routing.rules.changed',
        procedureId: null,
        reason: body.reason,
        details: { version: v, rules },
        dedupKey: `routing-rules:${v}`,
      });
      return v;
    });
    return { rulesVersion: version, rules };
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
    const adviser = await this.org.findUserById(userId);
    if (!adviser?.roles.includes(Role.LegalAdviser)) {
      throw new DomainError(ErrorCode.NotFound, `There is no legal adviser ${userId}.`);
    }
    for (const id of body.departmentIds) {
      const unit = await this.org.findUnitById(id);
      if (unit?.kind !== OrgUnitKind.Department) {
        throw new DomainError(ErrorCode.RuleViolation, `${id} is not a drafting department.`);
      }
    }
    await this.dataSource.transaction(async (manager) => {
      await this.advisers.setProfile(manager, userId, body);
      await this.audit.record(manager, {
        actorKind: 'OPERATOR',
        actorId: user.userId,
        action: 'routing.adviser.changed',
        procedureId: null,
        reason: body.reason,
        details: {
          userId,
          expertise: body.expertise,
          maxOpenTasks: body.maxOpenTasks,
          active: body.active,
          departmentIds: body.departmentIds,
        },
        dedupKey: `adviser-profile:${userId}:${Date.now()}`,
      });
    });
    return (await this.advisers.candidates()).find((c) => c.userId === userId);
  }

  @Get('advisers/me/conflicts')
  @Roles(Role.LegalAdviser)
  @ApiOperation({ summary: 'The conflicts of interest I declared' })
  @ApiOkResponse({ type: ConflictResponseDto, isArray: true })
  async myConflicts(@CurrentUser() user: Principal) {
    return (await this.advisers.conflictsOf(user.userId)).map((c) => ({
      id: c.id,
      procedureId: c.procedureId,
      departmentId: c.departmentId,
      reason: c.reason,
      declaredAt: c.declaredAt.toISOString(),
    }));
  }

  @Post('advisers/me/conflicts')
  @Roles(Role.LegalAdviser)
  @ApiOperation({ summary: 'Declare a conflict of interest: no task of that procedure or department is routed to me' })
  @ApiCreatedResponse({ type: ConflictDeclaredResponseDto })
  async declare(@CurrentUser() user: Principal, @Body() body: ConflictDto) {
    if (!body.procedureId === !body.departmentId) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        'Name either a procedure or a department, not both or neither.',
      );
    }
    if (body.procedureId && !(await this.procedures.findById(body.procedureId))) {
      throw new DomainError(ErrorCode.NotFound, `There is no procedure ${body.procedureId}.`);
    }
    if (body.departmentId && (await this.org.findUnitById(body.departmentId))?.kind !== OrgUnitKind.Department) {
      throw new DomainError(ErrorCode.NotFound, `There is no department ${body.departmentId}.`);
    }
    const conflict = await this.dataSource.transaction(async (manager) => {
      const saved = await this.advisers.declareConflict(manager, {
        userId: user.userId,
        procedureId: body.procedureId ?? null,
        departmentId: body.departmentId ?? null,
        reason: body.reason,
      });
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: user.userId,
        action: 'adviser.conflict.declared',
        procedureId: body.procedureId ?? null,
        reason: body.reason,
        details: { departmentId: body.departmentId ?? null },
        dedupKey: `conflict:${saved.id}`,
      });
      return saved;
    });
    return {
      id: conflict.id,
      procedureId: conflict.procedureId,
      departmentId: conflict.departmentId,
      reason: conflict.reason,
    };
  }
}
