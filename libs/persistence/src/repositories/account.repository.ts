import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Role } from '@lawgate/domain';
import { OrgUnitEntity, UserEntity } from '../entities';

export interface NewUser {
  username: string;
  displayName: string;
  orgUnitId: string;
  roles: string[];
  qualifications: string[];
  email: string | null;
  passwordHash: string | null;
}

export interface UserChange {
  displayName?: string;
  email?: string | null;
  orgUnitId?: string;
  roles?: string[];
  qualifications?: string[];
  active?: boolean;
  passwordHash?: string | null;
}

export interface NewUnit {
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
}

/** Accounts and organisation units as the administrator changes them. Writes run in the caller's transaction. */
@Injectable()
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction (a change and its audit entry commit together). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  listUsers(): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ relations: { orgUnit: true }, order: { username: 'ASC' } });
  }

  findUser(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOne({ where: { id }, relations: { orgUnit: true } });
  }

  findUserByUsername(manager: EntityManager, username: string): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOne({ where: { username } });
  }

  /**
   * The active administrators, locked for the rest of the transaction: two administrators removing each other at the
   * same moment cannot both pass the "someone is left" check.
   */
  async lockActiveAdmins(manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE active AND $1 = ANY(roles) ORDER BY id FOR UPDATE`,
      [Role.SystemAdmin],
    );
    return rows.map((r) => r.id);
  }

  async insertUser(manager: EntityManager, user: NewUser): Promise<UserEntity> {
    const repo = manager.getRepository(UserEntity);
    const saved = await repo.save(repo.create({ ...user, roles: user.roles as Role[], active: true }));
    return (await this.findUser(manager, saved.id)) as UserEntity;
  }

  async updateUser(manager: EntityManager, id: string, change: UserChange): Promise<void> {
    await manager.getRepository(UserEntity).update({ id }, { ...change, roles: change.roles as Role[] | undefined });
  }

  /** Signs the user out everywhere (tokens of an earlier generation are refused). */
  async bumpSessionGeneration(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(UserEntity).increment({ id }, 'sessionGeneration', 1);
  }

  listUnits(): Promise<OrgUnitEntity[]> {
    return this.dataSource.getRepository(OrgUnitEntity).find({ order: { code: 'ASC' } });
  }

  findUnit(manager: EntityManager, id: string): Promise<OrgUnitEntity | null> {
    return manager.getRepository(OrgUnitEntity).findOne({ where: { id } });
  }

  findUnitByCode(manager: EntityManager, code: string): Promise<OrgUnitEntity | null> {
    return manager.getRepository(OrgUnitEntity).findOne({ where: { code } });
  }

  async insertUnit(manager: EntityManager, unit: NewUnit): Promise<OrgUnitEntity> {
    const repo = manager.getRepository(OrgUnitEntity);
    return repo.save(repo.create({ ...unit, kind: unit.kind as OrgUnitEntity['kind'] }));
  }

  async updateUnit(manager: EntityManager, id: string, change: Partial<Pick<NewUnit, 'name' | 'parentId'>>) {
    await manager.getRepository(OrgUnitEntity).update({ id }, change);
  }

  /** Whether `candidate` lies under `unitId` (or is it): a unit cannot be moved under itself. */
  async isWithin(manager: EntityManager, candidate: string, unitId: string): Promise<boolean> {
    const rows = await manager.query<{ found: boolean }[]>(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id FROM org_unit WHERE id = $1
         UNION SELECT u.id, u.parent_id FROM org_unit u JOIN up ON u.id = up.parent_id
       ) SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS found`,
      [candidate, unitId],
    );
    return rows[0]?.found === true;
  }
}
