import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrgUnitKind } from '@lawgate/domain';
import { OrgUnitEntity, UserEntity } from '../entities';

@Injectable()
export class OrgRepository {
  constructor(private readonly dataSource: DataSource) {}

  findUserByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({ where: { username }, relations: { orgUnit: true } });
  }

  findUserById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({ where: { id }, relations: { orgUnit: true } });
  }

  findUnitById(id: string): Promise<OrgUnitEntity | null> {
    return this.dataSource.getRepository(OrgUnitEntity).findOne({ where: { id } });
  }

  findUnitByCode(code: string): Promise<OrgUnitEntity | null> {
    return this.dataSource.getRepository(OrgUnitEntity).findOne({ where: { code } });
  }

  /** The first unit of a kind (e.g. the legal-affairs office), by code. */
  findFirstUnitOfKind(kind: OrgUnitKind): Promise<OrgUnitEntity | null> {
    return this.dataSource.getRepository(OrgUnitEntity).findOne({ where: { kind }, order: { code: 'ASC' } });
  }

  listUnits(): Promise<OrgUnitEntity[]> {
    return this.dataSource.getRepository(OrgUnitEntity).find({ order: { code: 'ASC' } });
  }
}
