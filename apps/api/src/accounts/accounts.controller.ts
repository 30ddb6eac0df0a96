import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/error-body';
import {
  TemporaryPasswordResponseDto,
  UnitViewResponseDto,
  UserCreatedResponseDto,
  UsersImportedResponseDto,
  UserViewResponseDto,
} from './accounts.responses';
import { ALL_ROLES, Role } from '@lawgate/domain';
import { CurrentUser, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { uuidParam } from '../common/params';
import {
  ChangePasswordDto,
  ChangeUnitDto,
  ChangeUserDto,
  CreateUnitDto,
  CreateUserDto,
  ImportUsersDto,
  AccountChangeReasonDto,
} from './accounts.dto';
import { AccountsService } from './accounts.service';
import { UserImportService } from './user-import.service';

/** Accounts and organisation units, for system administrators; a user's own password, for everyone. */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly importer: UserImportService,
  ) {}

  @Get('admin/users')
  @Roles(Role.SystemAdmin)
  @ApiOperation({ summary: 'Every account with its unit, roles, qualifications and whether it is active' })
  @ApiOkResponse({ type: UserViewResponseDto, isArray: true })
  users() {
    return this.accounts.listUsers();
  }

  @Post('admin/users')
  @Roles(Role.SystemAdmin)
  @ApiOperation({ summary: 'Create an account (a temporary password is returned once when none is given)' })
  @ApiCreatedResponse({ type: UserCreatedResponseDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'The change breaks a rule (the last active administrator, a unit under itself, a name in use)',
  })
  createUser(@CurrentUser() actor: Principal, @Body() body: CreateUserDto) {
    const { reason, ...input } = body;
    return this.accounts.createUser(actor, input, reason);
  }

  @Post('admin/users/import')
  @Roles(Role.SystemAdmin)
  @ApiOperation({ summary: 'Create the accounts of a CSV or XLSX file: all rows, or none when any row is refused' })
  @ApiCreatedResponse({ type: UsersImportedResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'A row is refused; no account was created' })
  importUsers(@CurrentUser() actor: Principal, @Body() body: ImportUsersDto) {
    return this.importer.importFile(actor, body.filename, Buffer.from(body.contentBase64, 'base64'), body.reason);
  }

  @Patch('admin/users/:id')
  @Roles(Role.SystemAdmin)
  @ApiOperation({ summary: "Change an account's name, unit, roles or qualifications" })
  @ApiOkResponse({ type: UserViewResponseDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'The change breaks a rule (the last active administrator, a unit under itself, a name in use)',
  })
  changeUser(@CurrentUser() actor: Principal, @Param('id', uuidParam('id')) id: string, @Body() body: ChangeUserDto) {
    const { reason, ...input } = body;
    return this.accounts.changeUser(actor, id, input, reason);
  }

  @Post('admin/users/:id/deactivate')
  @HttpCode(200)
  @Roles(Role.SystemAdmin)
  @ApiOperation({ summary: 'Deactivate an account (it cannot sign in; its sessions end)' })
  @ApiOkResponse({ type: UserViewResponseDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'The change breaks a rule (the last active administrator, a unit under itself, a name in use)',
  })
  deactivate(
    @CurrentUser() actor: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AccountChangeReasonDto,
  ) {
    return this.accounts.setActive(actor, id, false, body.reason);
  }

  @Post('admin/users/:id/activate')
  @HttpCode(200)
  @Roles(Role.SystemAdmin)
  @ApiOperation({ summary: 'Activate an account again' })
  @ApiOkResponse({ type: UserViewResponseDto })
  activate(
    @CurrentUser() actor: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AccountChangeReasonDto,
  ) {
    return this.accounts.setActive(actor, id, true, body.reason);
  }

  @Post('admin/users/:id/reset-password')
  @HttpCode(200)
  @Roles(Role.SystemAdmin)
  @ApiOperation({ summary: 'Set a temporary password (returned once) and end every session of the account' })
  @ApiOkResponse({ type: TemporaryPasswordResponseDto })
  resetPassword(
    @CurrentUser() actor: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AccountChangeReasonDto,
  ) {
    return this.accounts.resetPassword(actor, id, body.reason);
  }

  @Post('admin/users/:id/revoke-sessions')
  @HttpCode(204)
  @Roles(Role.SystemAdmin)
  @ApiOperation({ summary: 'End every session of an account (its tokens are refused from now on)' })
  async revokeSessions(
    @CurrentUser() actor: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AccountChangeReasonDto,
  ): Promise<void> {
    await this.accounts.revokeSessions(actor, id, body.reason);
  }

  @Get('admin/units')
  @Roles(Role.SystemAdmin)
  @ApiOperation({ summary: 'Every organisation unit with its kind and parent' })
  @ApiOkResponse({ type: UnitViewResponseDto, isArray: true })
  units() {
    return this.accounts.listUnits();
  }

  @Post('admin/units')
  @Roles(Role.SystemAdmin)
  @ApiOperation({ summary: 'Add a unit: a department, a town or street office, ...' })
  @ApiCreatedResponse({ type: UnitViewResponseDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'The change breaks a rule (the last active administrator, a unit under itself, a name in use)',
  })
  createUnit(@CurrentUser() actor: Principal, @Body() body: CreateUnitDto) {
    const { reason, ...input } = body;
    return this.accounts.createUnit(actor, input, reason);
  }

  @Patch('admin/units/:id')
  @Roles(Role.SystemAdmin)
  @ApiOperation({ summary: 'Rename a unit or place it under another' })
  @ApiOkResponse({ type: UnitViewResponseDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'The change breaks a rule (the last active administrator, a unit under itself, a name in use)',
  })
  changeUnit(@CurrentUser() actor: Principal, @Param('id', uuidParam('id')) id: string, @Body() body: ChangeUnitDto) {
    const { reason, ...input } = body;
    return this.accounts.changeUnit(actor, id, input, reason);
  }

  @Post('account/password')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Change your own password (your sessions end: sign in again)' })
  async changePassword(@CurrentUser() actor: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    await this.accounts.changeOwnPassword(actor, body.currentPassword, body.newPassword);
  }
}
