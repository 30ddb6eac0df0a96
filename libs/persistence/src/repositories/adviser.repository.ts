import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type AdviserCandidate, type RoutingRules, DEFAULT_ROUTING_RULES, Role } from '@lawgate/domain';
import {
  AdviserConflictEntity,
  AdviserDepartmentEntity,
  AdviserProfileEntity,
  RoutingRulesVersionEntity,
} from '../entities';

interface CandidateRow {
  user_id: string;
  display_name: string;
  org_unit_id: string;
  user_active: boolean;
  expertise: string[] | null;
  max_open_tasks: number | null;
  profile_active: boolean | null;
  open_tasks: string;
  last_assigned_at: Date | null;
  departments: string[] | null;
  conflict_procedures: string[] | null;
  conflict_departments: string[] | null;
}

/** Legal advisers as routing sees them, their conflicts of interest, and the versioned routing rules. */
@Injectable()
export class AdviserRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every user holding the legal-adviser role, with profile, open load, assignments and declared conflicts. */
  async candidates(manager: EntityManager = this.dataSource.manager): Promise<AdviserCandidate[]> {
    const rows = await manager.query<CandidateRow[]>(
      `SELECT u.id AS user_id, u.display_name, u.org_unit_id, u.active AS user_active,
              p.expertise, p.max_open_tasks, p.active AS profile_active,
              (SELECT count(*) FROM task t WHERE t.assignee_user_id = u.id AND t.status = 'OPEN') AS open_tasks,
              (SELECT max(t.created_at) FROM task t WHERE t.assignee_user_id = u.id) AS last_assigned_at,
              (SELECT array_agg(d.department_id::text) FROM adviser_department d WHERE d.user_id = u.id) AS departments,
              (SELECT array_agg(c.procedure_id::text) FROM adviser_conflict c WHERE c.user_id = u.id AND c.procedure_id IS NOT NULL) AS conflict_procedures,
              (SELECT array_agg(c.department_id::text) FROM adviser_conflict c WHERE c.user_id = u.id AND c.department_id IS NOT NULL) AS conflict_departments
         FROM app_user u
         LEFT JOIN adviser_profile p ON p.user_id = u.id
        WHERE $1 = ANY(u.roles)
        ORDER BY u.username`,
      [Role.LegalAdviser],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      unitId: r.org_unit_id,
      expertise: r.expertise ?? [],
      openTasks: Number(r.open_tasks),
      maxOpenTasks: r.max_open_tasks ?? 10,
      lastAssignedAt: r.last_assigned_at?.toISOString() ?? null,
      assignedDepartmentIds: r.departments ?? [],
      conflictProcedureIds: r.conflict_procedures ?? [],
      conflictDepartmentIds: r.conflict_departments ?? [],
      active: r.user_active && (r.profile_active ?? true),
    }));
  }

  /** The routing rules in force and their version (the defaults, version 0, until an administrator sets them). */
  async rules(manager: EntityManager = this.dataSource.manager): Promise<{ version: number; rules: RoutingRules }> {
    const [latest] = await manager
      .getRepository(RoutingRulesVersionEntity)
      .find({ order: { version: 'DESC' }, take: 1 });
    if (!latest) return { version: 0, rules: DEFAULT_ROUTING_RULES };
    return { version: latest.version, rules: { ...DEFAULT_ROUTING_RULES, ...(latest.rules as Partial<RoutingRules>) } };
  }

  async declareConflict(
    manager: EntityManager,
    conflict: { userId: string; procedureId: string | null; departmentId: string | null; reason: string },
  ): Promise<AdviserConflictEntity> {
    return manager.getRepository(AdviserConflictEntity).save(conflict);
  }

  /** Sets the routing rules as a new version, with who and why. */
  async setRules(manager: EntityManager, rules: RoutingRules, actorId: string, reason: string): Promise<number> {
    const saved = await manager.getRepository(RoutingRulesVersionEntity).save({ rules: { ...rules }, actorId, reason });
    return saved.version;
  }

  /** Replaces an adviser's routing profile and department assignments. */
  async setProfile(
    manager: EntityManager,
    userId: string,
    profile: { expertise: string[]; maxOpenTasks: number; active: boolean; departmentIds: string[] },
  ): Promise<void> {
    await manager.getRepository(AdviserProfileEntity).save({
      userId,
      expertise: profile.expertise,
      maxOpenTasks: profile.maxOpenTasks,
      active: profile.active,
    });
    await manager.delete(AdviserDepartmentEntity, { userId });
    if (profile.departmentIds.length > 0) {
      await manager.insert(
        AdviserDepartmentEntity,
        profile.departmentIds.map((departmentId) => ({ userId, departmentId })),
      );
    }
  }

  conflictsOf(userId: string): Promise<AdviserConflictEntity[]> {
    return this.dataSource
      .getRepository(AdviserConflictEntity)
      .find({ where: { userId }, order: { declaredAt: 'ASC' } });
  }
}
