import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Role, DomainError, ErrorCode } from '@lawgate/domain';
import { CurrentUser, type Principal } from './principal';
import { Roles } from './roles.decorator';
import { SignInThrottle } from './sign-in-throttle';

export class SignInLockoutDto {
  @ApiProperty() username: string;
  @ApiProperty({ description: 'Wrong passwords in a row since the last sign-in or lockout' }) failures: number;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) lastFailureAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', description: 'Set while locked' })
  lockedUntil: string | null;
}

export class UnlockSignInDto {
  @ApiProperty({ description: 'Why the account is unlocked (recorded in the audit trail)', example: '本人来电核实' })
  @IsString()
  @Length(2, 2000)
  reason: string;
}

export class UnlockedDto {
  @ApiProperty() username: string;
  @ApiProperty({ example: true }) unlocked: boolean;
}

const USERNAME = /^[A-Za-z0-9._@-]{1,100}$/;

/** Sign-in lockouts: an administrator sees them and lifts one by an audited act. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('admin/sign-in-lockouts')
export class SignInLockoutsController {
  constructor(private readonly throttle: SignInThrottle) {}

  @Get()
  @Roles(Role.SystemAdmin)
  @ApiOperation({ summary: 'Accounts locked after wrong passwords, and accounts with wrong passwords counted' })
  @ApiOkResponse({ type: SignInLockoutDto, isArray: true })
  list(): Promise<SignInLockoutDto[]> {
    return this.throttle.list();
  }

  @Post(':username/unlock')
  @HttpCode(200)
  @Roles(Role.SystemAdmin)
  @ApiOperation({ summary: 'Unlock a locked account before its lockout ends (recorded in the audit trail)' })
  @ApiOkResponse({ type: UnlockedDto })
  async unlock(
    @Param('username') username: string,
    @Body() body: UnlockSignInDto,
    @CurrentUser() admin: Principal,
  ): Promise<UnlockedDto> {
    if (!USERNAME.test(username)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'username must be 1-100 letters, digits or ._@- characters.', {
        fields: { username: ['must be 1-100 letters, digits or ._@- characters'] },
      });
    }
    await this.throttle.unlock(username, admin, body.reason);
    return { username, unlocked: true };
  }
}
