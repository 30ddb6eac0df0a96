import { AuditEntryEntity } from './audit-entry.entity';
import { LedgerEntryEntity } from './ledger-entry.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { ProcedureEntity } from './procedure.entity';
import { TaskEntity } from './task.entity';
import { UserEntity } from './user.entity';

export { AuditEntryEntity, LedgerEntryEntity, OrgUnitEntity, ProcedureEntity, TaskEntity, UserEntity };

export const ENTITIES = [OrgUnitEntity, UserEntity, ProcedureEntity, TaskEntity, LedgerEntryEntity, AuditEntryEntity];
