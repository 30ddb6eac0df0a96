import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  CalendarRangeError,
  periodEnd,
  type CalendarSnapshot,
  routeToAdviser,
  formatLegalBasis,
  type LegalBasis,
  type Period,
  OrgUnitKind,
  type Actor,
  type DocumentKind,
  type DocumentVersionRef,
} from '@lawgate/domain';
import {
  CalendarRepository,
  LedgerRepository,
  AdviserRepository,
  DocumentRepository,
  NotificationRepository,
  AuditRepository,
  OrgRepository,
  ProcedureRepository,
  TaskRepository,
  TaskEntity,
} from '@lawgate/persistence';
import { decisionRecorded, taskAssigned } from './notification-events';
import { filingReviewWrittenBack } from './filing-write-back';

export interface RegisterProcedureInput {
  procedureId: string;
  workflowId: string;
  type: string;
  projectCode: string;
  title: string;
  departmentId: string;
  initiator: Actor;
  stage: string;
  policyVersion: string;
  details: Record<string, unknown>;
}

export interface OpenTaskInput {
  procedureId: string;
  workflowId: string;
  stage: string;
  round: number;
  kind: string;
  title: string;
  legalBasis: LegalBasis;
  /**
   * Which unit the task goes to: a named unit (e.g. the drafting department), the unit with a code the policy names
   * (e.g. the market regulation department), or the first unit of a kind.
   */
  assignTo: { unitKind: OrgUnitKind } | { unitId: string } | { unitCode: string };
  period: Period;
}

export interface OpenedTask {
  taskId: string;
  assigneeUnitId: string;
  /** When the task is due, or null when the due date could not be computed (see `dueProblem`). */
  dueAt: string | null;
  dueProblem: string | null;
}

/** A computed due time with the calendar version it used, or the reason it could not be computed. */
export interface Deadline {
  dueAt: Date | null;
  calendarVersion: number | null;
  problem: string | null;
}

/** A review task for a legal adviser, routed by the routing rules (see `routeToAdviser`). */
export interface RouteTaskInput extends Omit<OpenTaskInput, 'assignTo'> {
  departmentId: string;
  /** Who drafted what is reviewed: never routed to them. */
  drafterIds: string[];
  /** Areas of expertise the review needs. */
  expertise: string[];
  /** The document version the task is about. */
  subjectVersionId?: string | null;
  /** What the requester asks the adviser to look at (shown on the task). */
  question?: string | null;
}

export interface RoutedTask extends OpenedTask {
  assigneeUserId: string | null;
  /** True when no adviser was eligible and the task went to the legal-affairs office instead. */
  escalated: boolean;
  routingNote: string;
}

export interface RecordDocumentVersionInput {
  procedureId: string;
  workflowId: string;
  stage: string;
  kind: DocumentKind;
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
  note: string;
  actor: Actor;
  /** The workflow update id. */
  idempotencyKey: string;
}

export interface RecordDecisionInput {
  procedureId: string;
  workflowId: string;
  /** The task the decision closes; null for a decision that closes no task (e.g. a repeal). */
  taskId: string | null;
  stage: string;
  decision: string;
  opinion: string;
  actor: Actor;
  /** The role under which the actor decides. */
  actorRole: string;
  documentSha256: string | null;
  /** The workflow update id: one decision per update, however often the activity runs. */
  idempotencyKey: string;
  /**
   * The key is a person's step (a Workflow Update id): a decision already recorded under it that differs from this one
   * is refused (TASK_CLOSED, non-retryable) instead of taken as this one's record; see `LedgerRepository.append`.
   */
  oneStepPerKey?: boolean;
  nextStage: string;
  nextStatus: string;
}

export interface EndProcedureInput {
  procedureId: string;
  workflowId: string;
  stage: string;
  status: string;
  /** Who ended it; null when the system did (e.g. at expiry). */
  actor: Actor | null;
  action: string;
  reason: string;
  idempotencyKey: string;
}

export interface SetStageInput {
  workflowId: string;
  stage: string;
  status: string;
}

/**
 * Activities every procedure uses: its read model, tasks, and decisions. Each is idempotent, because Temporal
 * retries activities: rows are keyed by workflow, stage and round, or by the workflow update id.
 */
@Injectable()
export class ProcedureActivities {
  constructor(
    private readonly dataSource: DataSource,
    private readonly procedures: ProcedureRepository,
    private readonly tasks: TaskRepository,
    private readonly ledger: LedgerRepository,
    private readonly audit: AuditRepository,
    private readonly org: OrgRepository,
    private readonly calendar: CalendarRepository,
    private readonly advisers: AdviserRepository,
    private readonly documents: DocumentRepository,
    private readonly notifications: NotificationRepository,
  ) {}

  /**
   * The end of a period starting now, counted on the working-day calendar. A period the calendar cannot count (its
   * year is not loaded) gives no due date and a problem a person can act on, instead of failing the procedure.
   */
  async deadlineFrom(from: Date, period: Period): Promise<Deadline> {
    const empty: CalendarSnapshot = {
      years: new Set(),
      version: 0,
      holidays: new Set(),
      adjustedWorkdays: new Set(),
    };
    const calendar = period.unit === 'SECONDS' ? empty : await this.calendar.snapshot();
    if (!calendar) {
      return {
        dueAt: null,
        calendarVersion: null,
        problem: 'The working-day calendar is empty; an administrator must load it.',
      };
    }
    try {
      const dueAt = periodEnd(from, period, calendar);
      return { dueAt, calendarVersion: period.unit === 'SECONDS' ? null : calendar.version, problem: null };
    } catch (err) {
      if (err instanceof CalendarRangeError) {
        return { dueAt: null, calendarVersion: calendar.version, problem: err.message };
      }
      throw ApplicationFailure.create({
        type: ErrorCode.RuleViolation,
        message: (err as Error).message,
        nonRetryable: true,
      });
    }
  }

  /** The end of `period` counted from `from`, for a workflow that must wait until an absolute time. */
  async computeDeadline(input: {
    from: string;
    period: Period;
  }): Promise<{ dueAt: string | null; problem: string | null }> {
    const deadline = await this.deadlineFrom(new Date(input.from), input.period);
    return { dueAt: deadline.dueAt?.toISOString() ?? null, problem: deadline.problem };
  }

  async registerProcedure(input: RegisterProcedureInput): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.procedures.registerIfAbsent(manager, {
        id: input.procedureId,
        workflowId: input.workflowId,
        type: input.type,
        projectCode: input.projectCode,
        title: input.title,
        departmentId: input.departmentId,
        initiatorId: input.initiator.userId,
        stage: input.stage,
        status: 'ACTIVE',
        policyVersion: input.policyVersion,
        details: input.details,
      });
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: input.initiator.userId,
        action: 'procedure.started',
        procedureId: input.procedureId,
        details: { workflowId: input.workflowId, type: input.type, title: input.title },
        dedupKey: `${input.workflowId}:started`,
      });
    });
  }

  async openTask(input: OpenTaskInput): Promise<OpenedTask> {
    const target = input.assignTo;
    const unit =
      'unitId' in target
        ? await this.org.findUnitById(target.unitId)
        : 'unitCode' in target
          ? await this.org.findUnitByCode(target.unitCode)
          : await this.org.findFirstUnitOfKind(target.unitKind);
    if (!unit) {
      const named =
        'unitId' in target ? target.unitId : 'unitCode' in target ? target.unitCode : `of kind ${target.unitKind}`;
      throw ApplicationFailure.create({
        type: ErrorCode.RuleViolation,
        message: `No organisation unit ${named} exists to take the ${input.kind} task`,
        nonRetryable: true,
      });
    }
    const deadline = await this.deadlineFrom(new Date(), input.period);
    const task = await this.dataSource.transaction(async (manager) => {
      const opened = await this.tasks.openIfAbsent(manager, {
        procedureId: input.procedureId,
        workflowId: input.workflowId,
        stage: input.stage,
        round: input.round,
        kind: input.kind,
        title: input.title,
        legalBasis: formatLegalBasis(input.legalBasis),
        assigneeUnitId: unit.id,
        dueAt: deadline.dueAt,
        dueCalendarVersion: deadline.calendarVersion,
        dueProblem: deadline.problem,
      });
      await this.notifications.notify(manager, taskAssigned(opened));
      return opened;
    });
    return {
      taskId: task.id,
      assigneeUnitId: task.assigneeUnitId,
      dueAt: task.dueAt?.toISOString() ?? null,
      dueProblem: task.dueProblem,
    };
  }

  /**
   * Opens a review task for the adviser the routing rules choose, or, when nobody is eligible, for the legal-affairs
   * office with the reason. Idempotent on (workflow, stage, round, kind): a retry returns the task already routed.
   */
  async routeTask(input: RouteTaskInput): Promise<RoutedTask> {
    const office = await this.org.findFirstUnitOfKind(OrgUnitKind.LegalAffairsOffice);
    if (!office) {
      throw ApplicationFailure.create({
        type: ErrorCode.RuleViolation,
        message: 'No legal-affairs office exists to take escalated tasks',
        nonRetryable: true,
      });
    }
    const deadline = await this.deadlineFrom(new Date(), input.period);
    return this.dataSource.transaction(async (manager) => {
      // One routing at a time, so that two procedures do not both count the same adviser as free.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['lawgate.routing']);
      const existing = await this.tasks.findStep(manager, input);
      if (existing) return routedOf(existing);
      const [candidates, { version, rules }] = await Promise.all([
        this.advisers.candidates(manager),
        this.advisers.rules(manager),
      ]);
      const decision = routeToAdviser(
        candidates,
        {
          procedureId: input.procedureId,
          departmentId: input.departmentId,
          drafterIds: input.drafterIds,
          expertise: input.expertise,
        },
        rules,
      );
      const adviser = decision.kind === 'ADVISER' ? candidates.find((c) => c.userId === decision.userId) : undefined;
      const note =
        decision.kind === 'ADVISER'
          ? `Routed to ${adviser?.displayName} (rules v${version}): ${decision.reasons.join('; ')}`
          : `Escalated to the legal-affairs office (rules v${version}): ${decision.reason}`;
      const task = await this.tasks.openIfAbsent(manager, {
        procedureId: input.procedureId,
        workflowId: input.workflowId,
        stage: input.stage,
        round: input.round,
        kind: input.kind,
        title: input.title,
        legalBasis: formatLegalBasis(input.legalBasis),
        assigneeUnitId: adviser?.unitId ?? office.id,
        assigneeUserId: adviser?.userId ?? null,
        routingNote: note,
        subjectVersionId: input.subjectVersionId ?? null,
        question: input.question ?? null,
        dueAt: deadline.dueAt,
        dueCalendarVersion: deadline.calendarVersion,
        dueProblem: deadline.problem,
      });
      await this.audit.record(manager, {
        actorKind: 'SYSTEM',
        actorId: null,
        action: decision.kind === 'ADVISER' ? 'task.routed' : 'task.escalated',
        procedureId: input.procedureId,
        reason: note,
        details: { taskId: task.id, excluded: decision.excluded, rulesVersion: version },
        dedupKey: `routed:${task.id}`,
      });
      await this.notifications.notify(manager, taskAssigned(task));
      return routedOf(task);
    });
  }

  /** Records a new version of a document (its bytes were stored by the API under their SHA-256), and audits it. */
  async recordDocumentVersion(input: RecordDocumentVersionInput): Promise<DocumentVersionRef> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.documents.hasBlob(manager, input.sha256))) {
        throw ApplicationFailure.create({
          type: ErrorCode.RuleViolation,
          message: `No stored content has the SHA-256 ${input.sha256}; upload the file again.`,
          nonRetryable: true,
        });
      }
      const version = await this.documents.addVersion(manager, {
        procedureId: input.procedureId,
        kind: input.kind,
        sha256: input.sha256,
        size: input.size,
        mediaType: input.mediaType,
        filename: input.filename,
        note: input.note,
        uploadedBy: input.actor.userId,
        idempotencyKey: input.idempotencyKey,
      });
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: input.actor.userId,
        action: 'document.version.added',
        procedureId: input.procedureId,
        details: { kind: input.kind, version: version.version, sha256: input.sha256, stage: input.stage },
        dedupKey: `document:${input.idempotencyKey}`,
      });
      return {
        documentId: version.documentId,
        versionId: version.id,
        kind: input.kind,
        version: version.version,
        sha256: version.sha256,
      };
    });
  }

  /** Reminds whoever holds an open task that it is due soon (once; nothing if the task was closed meanwhile). */
  async remindTask(input: { taskId: string }): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const task = await manager.getRepository(TaskEntity).findOne({ where: { id: input.taskId } });
      if (!task || !(await this.tasks.stamp(manager, task.id, 'remindedAt'))) return false;
      await this.notifications.notify(manager, {
        recipientUserId: task.assigneeUserId,
        recipientUnitId: task.assigneeUserId ? null : task.assigneeUnitId,
        kind: 'TASK_REMINDER',
        procedureId: task.procedureId,
        taskId: task.id,
        message: `「${task.title}」将于 ${task.dueAt?.toISOString() ?? '—'} 到期（${task.legalBasis}）。`,
        dedupKey: `remind:${task.id}`,
      });
      await this.audit.record(manager, {
        actorKind: 'SYSTEM',
        actorId: null,
        action: 'task.reminded',
        procedureId: task.procedureId,
        details: { taskId: task.id, dueAt: task.dueAt?.toISOString() ?? null },
        dedupKey: `remind:${task.id}`,
      });
      return true;
    });
  }

  /**
   * Escalates an overdue open task: the legal-affairs office is told (or, for the office's own tasks, the
   * government's leaders). Once; nothing if the task was closed meanwhile. The task stays where it is: escalation
   * informs, it never decides.
   */
  async escalateOverdueTask(input: { taskId: string }): Promise<boolean> {
    // Looked up before the transaction: a query on another connection inside it could wait for this very
    // transaction where connections share one session (the embedded PostgreSQL of `npm start`).
    const office = await this.org.findFirstUnitOfKind(OrgUnitKind.LegalAffairsOffice);
    const government = await this.org.findFirstUnitOfKind(OrgUnitKind.Government);
    return this.dataSource.transaction(async (manager) => {
      const task = await manager.getRepository(TaskEntity).findOne({ where: { id: input.taskId } });
      if (!task || !(await this.tasks.stamp(manager, task.id, 'escalatedAt'))) return false;
      const target = task.assigneeUnitId === office?.id ? government : office;
      await this.notifications.notify(manager, {
        recipientUserId: null,
        recipientUnitId: target?.id ?? task.assigneeUnitId,
        kind: 'TASK_OVERDUE',
        procedureId: task.procedureId,
        taskId: task.id,
        message: `「${task.title}」已超过办理期限（${task.dueAt?.toISOString() ?? '—'}），请督办。`,
        dedupKey: `overdue:${task.id}`,
      });
      await this.audit.record(manager, {
        actorKind: 'SYSTEM',
        actorId: null,
        action: 'task.overdue.escalated',
        procedureId: task.procedureId,
        details: { taskId: task.id, dueAt: task.dueAt?.toISOString() ?? null, escalatedTo: target?.code ?? null },
        dedupKey: `overdue:${task.id}`,
      });
      return true;
    });
  }

  /**
   * Closes the task, appends the sign-off to the ledger, audits it and moves the read model, in one transaction. The
   * ledger and the audit trail are chains that take a lock each until the transaction commits, which every sign-off
   * of every procedure waits for: they are written last, so that the locks are held for the two appends alone.
   */
  async recordDecision(input: RecordDecisionInput): Promise<{ ledgerSeq: string; hash: string }> {
    return this.dataSource
      .transaction(async (manager) => this.decide(manager, input))
      .catch((err: unknown) => {
        // A refusal from the ledger (a step recorded otherwise under this key) rolls the whole decision back.
        if (!(err instanceof DomainError)) throw err;
        throw ApplicationFailure.create({ type: err.code, message: err.message, nonRetryable: true });
      });
  }

  private async decide(manager: EntityManager, input: RecordDecisionInput) {
    const now = new Date();
    const procedure = await this.procedures.moveOnDecision(manager, {
      taskId: input.taskId,
      outcome: input.decision,
      completedBy: input.actor.userId,
      workflowId: input.workflowId,
      stage: input.nextStage,
      status: input.nextStatus,
      procedureId: input.procedureId,
    });
    const notice = decisionRecorded(procedure, { ...input, actorName: input.actor.displayName });
    if (notice) await this.notifications.notify(manager, notice);
    const entry = await this.ledger.append(
      manager,
      {
        procedureId: input.procedureId,
        taskId: input.taskId,
        workflowId: input.workflowId,
        stage: input.stage,
        actorId: input.actor.userId,
        actorName: input.actor.displayName,
        actorRole: input.actorRole,
        actorUnitId: input.actor.unitId,
        decision: input.decision,
        opinion: input.opinion,
        documentSha256: input.documentSha256,
        idempotencyKey: input.idempotencyKey,
        recordedAt: now,
      },
      { oneStepPerKey: input.oneStepPerKey },
    );
    await filingReviewWrittenBack(manager, input, entry);
    await this.audit.record(manager, {
      actorKind: 'USER',
      actorId: input.actor.userId,
      action: 'task.decided',
      procedureId: input.procedureId,
      details: { taskId: input.taskId, stage: input.stage, decision: input.decision, ledgerSeq: entry.seq },
      dedupKey: `decision:${input.idempotencyKey}`,
      at: now,
    });
    return { ledgerSeq: entry.seq, hash: entry.hash };
  }

  /** Ends a procedure early (withdrawal): cancels its open tasks, audits the reason, moves the read model. */
  async endProcedure(input: EndProcedureInput): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.tasks.cancelOpen(manager, input.workflowId, `${input.action}: ${input.reason}`);
      await this.audit.record(manager, {
        actorKind: input.actor ? 'USER' : 'SYSTEM',
        actorId: input.actor?.userId ?? null,
        action: input.action,
        procedureId: input.procedureId,
        reason: input.reason,
        dedupKey: `${input.action}:${input.idempotencyKey}`,
      });
      await this.procedures.setStage(manager, input.workflowId, input.stage, input.status);
    });
  }

  /**
   * Another procedure as the read model holds it (type, stage, title), and which of the named ledger decisions it has
   * recorded: for a gate that depends on a linked procedure (a contract waiting for its major decision). Null when no
   * such procedure exists.
   */
  async procedureState(input: {
    procedureId: string;
    decisions: string[];
  }): Promise<{ type: string; stage: string; title: string; decided: string[] } | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.procedureId)) return null;
    const rows = await this.dataSource.query<{ type: string; stage: string; title: string; decided: string[] }[]>(
      `SELECT p.type, p.stage, p.title,
              ARRAY(SELECT DISTINCT l.decision FROM ledger_entry l
                     WHERE l.procedure_id = p.id AND l.decision = ANY($2) ORDER BY 1) AS decided
         FROM procedure p WHERE p.id = $1`,
      [input.procedureId, input.decisions],
    );
    return rows[0] ?? null;
  }

  async setStage(input: SetStageInput): Promise<void> {
    await this.procedures.setStage(this.dataSource.manager, input.workflowId, input.stage, input.status);
  }
}

function routedOf(task: TaskEntity): RoutedTask {
  return {
    taskId: task.id,
    assigneeUnitId: task.assigneeUnitId,
    assigneeUserId: task.assigneeUserId,
    dueAt: task.dueAt?.toISOString() ?? null,
    dueProblem: task.dueProblem,
    escalated: task.assigneeUserId === null,
    routingNote: task.routingNote ?? '',
  };
}
