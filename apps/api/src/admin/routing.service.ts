import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, OrgUnitKind, Role } from '@lawgate/domain';
import { AdviserRepository, AuditRepository, OrgRepository, ProcedureRepository } from '@lawgate/persistence';

export interface RoutingRules {
  assignedAdvisersOnly: boolean;
  requireExpertiseMatch: boolean;
}

export interface AdviserProfile {
  expertise: string[];
  maxOpenTasks: number;
  active: boolean;
  departmentIds: string[];
  reason: string;
}

export interface ConflictDeclaration {
  procedureId?: string;
  departmentId?: string;
  reason: string;
}

/**
 * Routing rules and adviser profiles (changed by administrators, each change audited in the same transaction) and the
 * conflicts of interest advisers declare.
 */
@Injectable()
export class RoutingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly advisers: AdviserRepository,
    private readonly audit: AuditRepository,
    private readonly org: OrgRepository,
    private readonly procedures: ProcedureRepository,
  ) {}

  async overview() {
    const [{ version, rules }, candidates] = await Promise.all([this.advisers.rules(), this.advisers.candidates()]);
    return { rulesVersion: version, rules, advisers: candidates };
  }

  /** A new version of the rules, audited with the reason. */
  async setRules(actorId: string, rules: RoutingRules, reason: string) {
    const version = await this.dataSource.transaction(async (manager) => {
      const v = await this.advisers.setRules(manager, rules, actorId, reason);
      await this.audit.record(manager, {
        actorKind: 'OPERATOR',
        actorId,
        action: 'routing.rules.changed',
        procedureId: null,
        reason,
        details: { version: v, rules },
        dedupKey: `routing-rules:${v}`,
      });
      return v;
    });
    return { rulesVersion: version, rules };
  }

  /** Sets an adviser's profile (audited); returns the adviser as routing now sees them. */
  async setProfile(actorId: string, userId: string, profile: AdviserProfile) {
    const adviser = await this.org.findUserById(userId);
    if (!adviser?.roles.includes(Role.LegalAdviser)) {
      throw new DomainError(ErrorCode.NotFound, `There is no legal adviser ${userId}.`);
    }
    for (const id of profile.departmentIds) {
      const unit = await this.org.findUnitById(id);
      if (unit?.kind !== OrgUnitKind.Department) {
        throw new DomainError(ErrorCode.RuleViolation, `${id} is not a drafting department.`);
      }
    }
    await this.dataSource.transaction(async (manager) => {
      await this.advisers.setProfile(manager, userId, profile);
      await this.audit.record(manager, {
        actorKind: 'OPERATOR',
        actorId,
        action: 'routing.adviser.changed',
        procedureId: null,
        reason: profile.reason,
        details: {
          userId,
          expertise: profile.expertise,
          maxOpenTasks: profile.maxOpenTasks,
          active: profile.active,
          departmentIds: profile.departmentIds,
        },
        dedupKey: `adviser-profile:${userId}:${Date.now()}`,
      });
    });
    return (await this.advisers.candidates()).find((c) => c.userId === userId);
  }

  async conflictsOf(userId: string) {
    return (await this.advisers.conflictsOf(userId)).map((c) => ({
      id: c.id,
      procedureId: c.procedureId,
      departmentId: c.departmentId,
      reason: c.reason,
      declaredAt: c.declaredAt.toISOString(),
    }));
  }

  /** Records an adviser's conflict with one procedure or one department (audited). */
  async declareConflict(userId: string, declaration: ConflictDeclaration) {
    const { procedureId, departmentId, reason } = declaration;
    if (!procedureId === !departmentId) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        'Name either a procedure or a department, not both or neither.',
      );
    }
    if (procedureId && !(await this.procedures.findById(procedureId))) {
      throw new DomainError(ErrorCode.NotFound, `There is no procedure ${procedureId}.`);
    }
    if (departmentId && (await this.org.findUnitById(departmentId))?.kind !== OrgUnitKind.Department) {
      throw new DomainError(ErrorCode.NotFound, `There is no department ${departmentId}.`);
    }
    const conflict = await this.dataSource.transaction(async (manager) => {
      const saved = await this.advisers.declareConflict(manager, {
        userId,
        procedureId: procedureId ?? null,
        departmentId: departmentId ?? null,
        reason,
      });
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: userId,
        action: 'adviser.conflict.declared',
        procedureId: procedureId ?? null,
        reason,
        details: { departmentId: departmentId ?? null },
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
