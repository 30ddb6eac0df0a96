import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/error-body';
import {
  CalendarDayResponseDto,
  CalendarVersionResponseDto,
  CalendarYearPutResponseDto,
  CalendarYearResponseDto,
  DeadlineResponseDto,
  OrgUnitResponseDto,
} from './admin.responses';
import {
  CalendarRangeError,
  calendarDaysAfter,
  endOfCstDay,
  workingDaysAfter,
  DomainError,
  ErrorCode,
  ALL_ROLES,
  Role,
} from '@lawgate/domain';
import { CalendarRepository, AuditRepository, OrgRepository } from '@lawgate/persistence';
import { CurrentUser, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { DeadlineQueryDto, PutCalendarYearDto } from './admin.dto';
import { yearParam } from '../common/params';

const year = yearParam();

@ApiTags('administration')
@ApiBearerAuth()
@Controller()
export class AdminController {
  constructor(
    private readonly calendar: CalendarRepository,
    private readonly audit: AuditRepository,
    private readonly org: OrgRepository,
  ) {}

  @Get('org/units')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'The organisation: government, departments, the legal-affairs office (to name units in steps)',
  })
  @ApiOkResponse({ type: OrgUnitResponseDto, isArray: true })
  async units() {
    return (await this.org.listUnits()).map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind }));
  }

  @Get('calendar/years')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Years of the working-day calendar that are loaded, with their source' })
  @ApiOkResponse({ type: CalendarYearResponseDto, isArray: true })
  async years() {
    return (await this.calendar.loadedYears()).map((y) => ({
      year: y.year,
      source: y.source,
      noticeUrl: y.noticeUrl,
      version: y.version,
    }));
  }

  @Get('calendar/years/:year')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Holidays and adjusted working days of a loaded year' })
  @ApiOkResponse({ type: CalendarDayResponseDto, isArray: true })
  async days(@Param('year', year) y: number) {
    const loaded = (await this.calendar.loadedYears()).some((l) => l.year === y);
    if (!loaded) throw new DomainError(ErrorCode.NotFound, `The calendar for ${y} is not loaded.`);
    return (await this.calendar.days(y)).map((d) => ({ date: d.date, kind: d.kind, name: d.name, version: d.version }));
  }

  @Get('calendar/history')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'Every version of the calendar: who changed it, why, what' })
  @ApiOkResponse({ type: CalendarVersionResponseDto, isArray: true })
  async history() {
    return (await this.calendar.history()).map((v) => ({
      version: v.version,
      at: v.at.toISOString(),
      actorId: v.actorId,
      reason: v.reason,
      change: v.change,
    }));
  }

  @Put('calendar/years/:year')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({ summary: "Load or replace a year's holidays from the State Council notice (a new calendar version)" })
  @ApiOkResponse({ type: CalendarYearPutResponseDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'A day outside the year, listed twice, or a weekday marked as a working day',
  })
  async putYear(@CurrentUser() user: Principal, @Param('year', year) y: number, @Body() body: PutCalendarYearDto) {
    if (y < 2000 || y > 2200) throw new DomainError(ErrorCode.ValidationFailed, 'year must be between 2000 and 2200.');
    const seen = new Set<string>();
    for (const day of body.days) {
      if (!day.date.startsWith(`${y}-`) || Number.isNaN(Date.parse(`${day.date}T00:00:00Z`))) {
        throw new DomainError(ErrorCode.RuleViolation, `${day.date} is not a date in ${y}.`);
      }
      if (seen.has(day.date)) throw new DomainError(ErrorCode.RuleViolation, `${day.date} is listed twice.`);
      seen.add(day.date);
      const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay();
      if (day.kind === 'WORKDAY' && weekday !== 0 && weekday !== 6) {
        throw new DomainError(
          ErrorCode.RuleViolation,
          `${day.date} is a weekday; only a weekend day can be an adjusted working day.`,
        );
      }
    }
    const version = await this.calendar.putYear(
      { year: y, days: body.days, noticeUrl: body.noticeUrl ?? null },
      user.userId,
      body.reason,
      (manager, v) =>
        this.audit.record(manager, {
          actorKind: 'OPERATOR',
          actorId: user.userId,
          action: 'calendar.year.put',
          procedureId: null,
          reason: body.reason,
          details: { year: y, version: v, days: body.days.length, noticeUrl: body.noticeUrl ?? null },
          dedupKey: `calendar:${v}`,
        }),
    );
    return { year: y, version, days: body.days.length };
  }

  @Get('calendar/deadline')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'When a period starting on a date ends, counted as the law counts it' })
  @ApiOkResponse({ type: DeadlineResponseDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'The calendar is empty, or the period runs past the loaded years',
  })
  async deadline(@Query() query: DeadlineQueryDto) {
    const snapshot = await this.calendar.snapshot();
    if (!snapshot) throw new DomainError(ErrorCode.RuleViolation, 'The working-day calendar is empty; load it first.');
    try {
      const last =
        query.unit === 'WORKING_DAYS'
          ? workingDaysAfter(query.from, query.amount, snapshot)
          : calendarDaysAfter(query.from, query.amount, snapshot);
      return { lastDay: last, dueAt: endOfCstDay(last).toISOString(), calendarVersion: snapshot.version };
    } catch (err) {
      if (err instanceof CalendarRangeError) throw new DomainError(ErrorCode.RuleViolation, err.message);
      throw err;
    }
  }
}
