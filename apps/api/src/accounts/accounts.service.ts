import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, Role } from '@lawgate/domain';
import {
  type OrgUnitEntity,
  type UserEntity,
  hashPassword,
  verifyPassword,
  AccountRepository,
  type UserChange,
  AuditRepository,
} from '@lawgate/persistence';
import type { Principal } from '../auth/principal';

export const MIN_PASSWORD_LENGTH = 10;

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  roles: string[];
  qualifications: string[];
  email: string | null;
  active: boolean;
  signsInWithPassword: boolean;
}

export interface UnitView {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  unitId: string;
  roles: string[];
  qualifications?: string[];
  email?: string;
  /** Omitted: a temporary password is generated and returned once. */
  password?: string;
}

export interface ChangeUserInput {
  displayName?: string;
  email?: string;
  unitId?: string;
  roles?: string[];
  qualifications?: string[];
}

export function userView(user: UserEntity): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    unitId: user.orgUnitId,
    unitCode: user.orgUnit?.code ?? '',
    unitName: user.orgUnit?.name ?? '',
    roles: user.roles,
    qualifications: user.qualifications ?? [],
    email: user.email ?? null,
    active: user.active,
    signsInWithPassword: user.passwordHash !== null,
  };
}

export function unitView(unit: OrgUnitEntity): UnitView {
  return { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind, parentId: unit.parentId };
}

/** A temporary password a person can read out and type: 12 characters without look-alikes. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Accounts and organisation units. Every change commits with its audit entry (the administrator's reason included),
 * and no change may leave the installation without an active administrator.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly audit: AuditRepository,
  ) {}

  async listUsers(): Promise<UserView[]> {
    return (await this.accounts.listUsers()).map(userView);
  }

  async listUnits(): Promise<UnitView[]> {
    return (await this.accounts.listUnits()).map(unitView);
  }

  async createUser(
    actor: Principal,
    input: CreateUserInput,
    reason: string,
  ): Promise<{ user: UserView; temporaryPassword?: string }> {
    return this.accounts.transaction(async (manager) => {
      return this.createUserIn(manager, actor, input, reason);
    });
  }

  /** Creates one user inside a transaction (also used by the import, which commits all rows or none). */
  async createUserIn(
    manager: EntityManager,
    actor: Principal,
    input: CreateUserInput,
    reason: string,
  ): Promise<{ user: UserView; temporaryPassword?: string }> {
    if (await this.accounts.findUserByUsername(manager, input.username)) {
      throw new DomainError(ErrorCode.RuleViolation, `The username ${input.username} is taken.`, {
        fields: { username: ['is taken'] },
      });
    }
    await this.requireUnit(manager, input.unitId);
    const generated = input.password === undefined ? temporaryPassword() : undefined;
    const password = input.password ?? generated ?? temporaryPassword();
    checkPassword(password);
    const user = await this.accounts.insertUser(manager, {
      username: input.username,
      displayName: input.displayName,
      orgUnitId: input.unitId,
      roles: unique(input.roles),
      qualifications: unique(input.qualifications ?? []),
      email: input.email ?? null,
      passwordHash: await hashPassword(password),
    });
    await this.record(manager, actor, 'account.user.create', reason, {
      userId: user.id,
      username: user.username,
      unitCode: user.orgUnit?.code,
      roles: user.roles,
      qualifications: user.qualifications,
    });
    return { user: userView(user), ...(generated ? { temporaryPassword: generated } : {}) };
  }

  async changeUser(actor: Principal, id: string, input: ChangeUserInput, reason: string): Promise<UserView> {
    return this.accounts.transaction(async (manager) => {
      const before = await this.requireUser(manager, id);
      const change: UserChange = {};
      if (input.displayName !== undefined) change.displayName = input.displayName;
      if (input.email !== undefined) change.email = input.email;
      if (input.unitId !== undefined) {
        await this.requireUnit(manager, input.unitId);
        change.orgUnitId = input.unitId;
      }
      if (input.roles !== undefined) change.roles = unique(input.roles);
      if (input.qualifications !== undefined) change.qualifications = unique(input.qualifications);
      if (change.roles && before.roles.includes(Role.SystemAdmin) && !change.roles.includes(Role.SystemAdmin)) {
        await this.keepAnAdministrator(manager, id);
      }
      await this.accounts.updateUser(manager, id, change);
      const after = (await this.accounts.findUser(manager, id)) as UserEntity;
      await this.record(manager, actor, 'account.user.change', reason, {
        userId: id,
        username: before.username,
        before: pick(userView(before), Object.keys(input)),
        after: pick(userView(after), Object.keys(input)),
      });
      return userView(after);
    });
  }

  async setActive(actor: Principal, id: string, active: boolean, reason: string): Promise<UserView> {
    return this.accounts.transaction(async (manager) => {
      const before = await this.requireUser(manager, id);
      if (!active && before.active && before.roles.includes(Role.SystemAdmin)) {
        await this.keepAnAdministrator(manager, id);
      }
      await this.accounts.updateUser(manager, id, { active });
      // A deactivated account's tokens are refused at once anyway; a reactivated one starts with no old session.
      await this.accounts.bumpSessionGeneration(manager, id);
      await this.record(manager, actor, active ? 'account.user.activate' : 'account.user.deactivate', reason, {
        userId: id,
        username: before.username,
      });
      return userView((await this.accounts.findUser(manager, id)) as UserEntity);
    });
  }

  /** Sets a new temporary password and signs the user out everywhere; the password is shown to the administrator once. */
  async resetPassword(actor: Principal, id: string, reason: string): Promise<{ temporaryPassword: string }> {
    return this.accounts.transaction(async (manager) => {
      const user = await this.requireUser(manager, id);
      const password = temporaryPassword();
      await this.accounts.updateUser(manager, id, { passwordHash: await hashPassword(password) });
      await this.accounts.bumpSessionGeneration(manager, id);
      await this.record(manager, actor, 'account.user.password-reset', reason, { userId: id, username: user.username });
      return { temporaryPassword: password };
    });
  }

  async revokeSessions(actor: Principal, id: string, reason: string): Promise<void> {
    await this.accounts.transaction(async (manager) => {
      const user = await this.requireUser(manager, id);
      await this.accounts.bumpSessionGeneration(manager, id);
      await this.record(manager, actor, 'account.user.sessions-revoked', reason, {
        userId: id,
        username: user.username,
      });
    });
  }

  /** A user changes their own password; their other sessions end, this one is replaced by signing in again. */
  async changeOwnPassword(actor: Principal, current: string, next: string): Promise<void> {
    await this.accounts.transaction(async (manager) => {
      const user = await this.requireUser(manager, actor.userId);
      if (!user.passwordHash || !(await verifyPassword(current, user.passwordHash))) {
        throw new DomainError(ErrorCode.RuleViolation, 'The current password is wrong.', {
          fields: { currentPassword: ['is wrong'] },
        });
      }
      checkPassword(next);
      if (next === current) {
        throw new DomainError(ErrorCode.RuleViolation, 'The new password must differ from the current one.');
      }
      await this.accounts.updateUser(manager, user.id, { passwordHash: await hashPassword(next) });
      await this.accounts.bumpSessionGeneration(manager, user.id);
      await this.record(manager, actor, 'account.user.password-change', 'changed by the user', {
        userId: user.id,
        username: user.username,
      });
    });
  }

  async createUnit(
    actor: Principal,
    input: { code: string; name: string; kind: string; parentId?: string | null },
    reason: string,
  ): Promise<UnitView> {
    return this.accounts.transaction(async (manager) => {
      if (await this.accounts.findUnitByCode(manager, input.code)) {
        throw new DomainError(ErrorCode.RuleViolation, `The unit code ${input.code} is taken.`, {
          fields: { code: ['is taken'] },
        });
      }
      if (input.parentId) await this.requireUnit(manager, input.parentId);
      const unit = await this.accounts.insertUnit(manager, {
        code: input.code,
        name: input.name,
        kind: input.kind,
        parentId: input.parentId ?? null,
      });
      await this.record(manager, actor, 'account.unit.create', reason, { unitId: unit.id, ...unitView(unit) });
      return unitView(unit);
    });
  }

  async changeUnit(
    actor: Principal,
    id: string,
    input: { name?: string; parentId?: string | null },
    reason: string,
  ): Promise<UnitView> {
    return this.accounts.transaction(async (manager) => {
      const before = await this.requireUnit(manager, id);
      if (input.parentId) {
        await this.requireUnit(manager, input.parentId);
        if (await this.accounts.isWithin(manager, input.parentId, id)) {
          throw new DomainError(
            ErrorCode.RuleViolation,
            'A unit cannot be placed under itself or under one of its own units.',
          );
        }
      }
      await this.accounts.updateUnit(manager, id, input);
      const after = (await this.accounts.findUnit(manager, id)) as OrgUnitEntity;
      await this.record(manager, actor, 'account.unit.change', reason, {
        unitId: id,
        before: unitView(before),
        after: unitView(after),
      });
      return unitView(after);
    });
  }

  async requireUnit(manager: EntityManager, id: string): Promise<OrgUnitEntity> {
    const unit = await this.accounts.findUnit(manager, id);
    if (!unit) throw new DomainError(ErrorCode.NotFound, `No organisation unit ${id}.`);
    return unit;
  }

  async usernameTaken(manager: EntityManager, username: string): Promise<boolean> {
    return (await this.accounts.findUserByUsername(manager, username)) !== null;
  }

  async unitByCode(manager: EntityManager, code: string): Promise<OrgUnitEntity | null> {
    return this.accounts.findUnitByCode(manager, code);
  }

  private async requireUser(manager: EntityManager, id: string): Promise<UserEntity> {
    const user = await this.accounts.findUser(manager, id);
    if (!user) throw new DomainError(ErrorCode.NotFound, `No user ${id}.`);
    return user;
  }

  /** Refuses a change that would leave no active administrator other than `leaving`. */
  private async keepAnAdministrator(manager: EntityManager, leaving: string): Promise<void> {
    const admins = await this.accounts.lockActiveAdmins(manager);
    if (admins.filter((a) => a !== leaving).length === 0) {
      throw new DomainError(
        ErrorCode.RuleViolation,
        'This is the last active administrator: make another user an administrator first.',
      );
    }
  }

  private record(
    manager: EntityManager,
    actor: Principal,
    action: string,
    reason: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      actorKind: 'OPERATOR',
      actorId: actor.userId,
      action,
      procedureId: null,
      reason,
      details,
      dedupKey: `account:${randomUUID()}`,
    });
  }
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError(ErrorCode.ValidationFailed, `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, {
      fields: { password: [`must be at least ${MIN_PASSWORD_LENGTH} characters`] },
    });
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function pick(view: UserView, keys: string[]): Record<string, unknown> {
  const source = { ...view, unitId: view.unitId } as unknown as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => k in source).map((k) => [k, source[k]]));
}
