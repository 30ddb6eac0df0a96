import { ApiProperty } from '@nestjs/swagger';

export class OrgUnitResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'JT-GOV' })
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 'GOVERNMENT' })
  kind!: string;
}

export class CalendarYearResponseDto {
  @ApiProperty({ type: 'integer' })
  year!: number;

  @ApiProperty({ description: 'The data package and version, or the administrator’s change' })
  source!: string;

  @ApiProperty({ type: String, nullable: true })
  noticeUrl!: string | null;

  @ApiProperty({ type: 'integer' })
  version!: number;
}

export class CalendarDayResponseDto {
  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty({ enum: ['HOLIDAY', 'WORKDAY'] })
  kind!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: 'integer' })
  version!: number;
}

export class CalendarVersionResponseDto {
  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorId!: string | null;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed (as recorded)' })
  change!: Record<string, unknown>;
}

export class CalendarYearPutResponseDto {
  @ApiProperty({ type: 'integer' })
  year!: number;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ type: 'integer', description: 'How many days were loaded' })
  days!: number;
}

export class DeadlineResponseDto {
  @ApiProperty({ format: 'date', description: 'The last day of the period (China Standard Time)' })
  lastDay!: string;

  @ApiProperty({ format: 'date-time', description: 'The end of that day' })
  dueAt!: string;

  @ApiProperty({ type: 'integer' })
  calendarVersion!: number;
}

export class RoutingRulesResponseDto {
  @ApiProperty()
  assignedAdvisersOnly!: boolean;

  @ApiProperty()
  requireExpertiseMatch!: boolean;
}

export class AdviserCandidateResponseDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ format: 'uuid' })
  unitId!: string;

  @ApiProperty({ type: [String] })
  expertise!: string[];

  @ApiProperty({ type: 'integer' })
  openTasks!: number;

  @ApiProperty({ type: 'integer' })
  maxOpenTasks!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastAssignedAt!: string | null;

  @ApiProperty({ type: [String] })
  assignedDepartmentIds!: string[];

  @ApiProperty({ type: [String] })
  conflictProcedureIds!: string[];

  @ApiProperty({ type: [String] })
  conflictDepartmentIds!: string[];

  @ApiProperty()
  active!: boolean;
}

export class RoutingOverviewResponseDto {
  @ApiProperty({ type: 'integer' })
  rulesVersion!: number;

  @ApiProperty({ type: RoutingRulesResponseDto })
  rules!: RoutingRulesResponseDto;

  @ApiProperty({ type: [AdviserCandidateResponseDto] })
  advisers!: AdviserCandidateResponseDto[];
}

export class ConflictDeclaredResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  procedureId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  departmentId!: string | null;

  @ApiProperty()
  reason!: string;
}

export class ConflictResponseDto extends ConflictDeclaredResponseDto {
  @ApiProperty({ format: 'date-time' })
  declaredAt!: string;
}

export class RoutingRulesChangedResponseDto {
  @ApiProperty({ type: 'integer' })
  rulesVersion!: number;

  @ApiProperty({ type: RoutingRulesResponseDto })
  rules!: RoutingRulesResponseDto;
}
