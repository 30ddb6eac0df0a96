import type { UpdateDefinition, QueryDefinition } from '@temporalio/common';
import {
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { acts, refuse, watchDeadline } from '../activity-proxies';
import { ArchivedState } from './archive-state';
import { BusyLock } from './busy-lock';
import {
  type AssignTo,
  type LedgerRef,
  type RegisterInput,
  type RunSpec,
  type SignOff,
  type SignedStep,
} from './run-types';
import {
  type DocumentKind,
  type DocumentVersionRef,
  ErrorCode,
  PROCEDURE_BUSY_MESSAGE,
  type Period,
  type Actor,
  type DiscretionRecord,
  type RunStatus,
  type Role,
  DepartmentAttr,
  DueTimeAttr,
  ProcedureTypeAttr,
  StageAttr,
} from '@lawgate/domain';

export * from './run-types';

/**
 * The procedure-run kernel: the state every procedure has (stage, status, open task, documents, busy lock), its guards,
 * sign-offs, stage tasks with deadline timers, moves, the snapshot handlers and the main loop. A procedure's workflow
 * creates one run, lets the shared steps and its own stages register their updates on it, and calls `run()`.
 *
 * Workflow code: deterministic; every side effect goes through an activity, in the same order as before the kernel
 * existed, so that recorded histories replay.
 */
export class ProcedureRun<S extends string, Snap> {
  readonly workflowId = workflowInfo().workflowId;
  readonly procedureId: string;
  readonly title: string;
  stage: S;
  status: RunStatus = 'ACTIVE';
  openTaskId: string | null = null;
  /** The unit the open task was last opened for by `openStageTask` (a unit-held task's holder). */
  openTaskUnitId: string | null = null;
  dueAt: string | null = null;
  overdue = false;
  settled = false;
  /** The busy lock (`busy-lock.ts`): a person's action is being recorded, or a task is being opened. */
  get busy(): boolean {
    return this.lock.held;
  }
  set busy(value: boolean) {
    this.lock.action = value;
  }
  private readonly lock: BusyLock;
  /** Adjustment round: 1, +1 each time a procedure re-runs its statutory steps. */
  round = 1;
  documents: Partial<Record<DocumentKind, DocumentVersionRef>> = {};
  steps: SignedStep[] = [];
  readonly terminal: ReadonlySet<S>;
  /**
   * Procedures started with this code bind every sign-off after the legality review to the exact text reviewed (a
   * changed text re-opens the review). Decided once at start, so procedures started before keep their old path.
   */
  readonly bindsReviewedText: boolean;
  snapshot: () => Snap = () => {
    throw new Error('snapshot not set');
  };
  private readonly taskRounds: Record<string, number> = {};
  /** The state the archive is built from, kept in PostgreSQL (see `archiveFrom`). */
  private readonly archived = new ArchivedState();

  constructor(readonly spec: RunSpec<S>) {
    this.stage = spec.stages.initial;
    this.terminal = new Set(spec.stages.terminal);
    this.procedureId = spec.input.procedureId;
    this.title = spec.input.title;
    this.bindsReviewedText = patched('legality-review-binds-text');
    this.lock = new BusyLock();
  }

  /** What every procedure's snapshot starts with. */
  snapshotBase(): {
    procedureId: string;
    workflowId: string;
    stage: S;
    openTaskId: string | null;
    dueAt: string | null;
    overdue: boolean;
    documents: Partial<Record<DocumentKind, DocumentVersionRef>>;
    discretions: DiscretionRecord[];
  } {
    return {
      discretions: [...this.discretions],
      procedureId: this.procedureId,
      workflowId: this.workflowId,
      stage: this.stage,
      openTaskId: this.openTaskId,
      dueAt: this.dueAt,
      overdue: this.overdue,
      documents: { ...this.documents },
    };
  }

  get ended(): boolean {
    return this.terminal.has(this.stage);
  }

  /** Answers the state query and the settle update under the procedure's names. */
  expose(queries: QueryDefinition<Snap>[], settle: UpdateDefinition<Snap, []>): void {
    for (const query of queries) setHandler(query, () => this.snapshot());
    setHandler(settle, async () => {
      await condition(() => this.settled && !this.busy);
      return this.snapshot();
    });
  }

  /**
   * Registers a person's step: `check` refuses what the stage does not allow, `run` does it under the busy lock; a
   * step is refused as busy while the lock is held, whether `check` asks or not (validators do not run on replay).
   */
  step<A extends unknown[]>(
    def: UpdateDefinition<Snap, A>,
    o: { check: (...args: A) => void; run: (...args: A) => Promise<unknown> },
  ): void {
    const validator = (...args: A) => {
      o.check(...args);
      this.requireIdle();
    };
    setHandler(def, (...args: A) => this.whileBusy(() => o.run(...args)), { validator });
  }

  async whileBusy(fn: () => Promise<unknown>): Promise<Snap> {
    this.busy = true;
    try {
      await fn();
      await this.keepArchiveState();
      return this.snapshot();
    } finally {
      this.busy = false;
    }
  }

  // ---- Guards -----------------------------------------------------------------------------------------------------

  requireNotEnded(): void {
    if (this.ended) refuse(ErrorCode.WrongStage, `The procedure has already ended (${this.stage}).`);
  }

  requireStage(expected: S, what: string): void {
    this.requireNotEnded();
    if (this.stage !== expected) refuse(ErrorCode.WrongStage, this.spec.wrongStage(expected, what));
    this.requireIdle();
  }

  requireIdle(): void {
    if (this.busy) refuse(ErrorCode.ProcedureBusy, PROCEDURE_BUSY_MESSAGE);
  }

  requireTask(taskId: string): void {
    if (!this.openTaskId || taskId !== this.openTaskId) {
      refuse(ErrorCode.TaskClosed, `Task ${taskId} is not the open task of stage ${this.stage} of this procedure.`);
    }
  }

  requireRole(actor: Actor, roles: Role[], who: string, what: string): void {
    if (!roles.some((r) => actor.roles.includes(r))) refuse(ErrorCode.Forbidden, `Only ${who} can ${what}.`);
  }

  requireText(value: string | undefined | null, message: string): void {
    if (!value || value.trim().length === 0) refuse(ErrorCode.RuleViolation, message);
  }

  // ---- Sign-offs, tasks and moves ---------------------------------------------------------------------------------

  /** Whether a person's step (a Workflow Update) runs: its id keys one step, which is refused if recorded otherwise. */
  inUpdate(): boolean {
    return currentUpdateInfo() !== undefined;
  }

  updateKey(suffix: string): string {
    const scope = this.spec.roundInKeys ? `${this.round}:${this.stage}` : this.stage;
    return currentUpdateInfo()?.id ?? `${this.workflowId}:${scope}:${suffix}`;
  }

  /** Rules stated as "一般"/"可以" not followed in this procedure, each decided with its reason. */
  discretions: DiscretionRecord[] = [];

  /**
   * Records a decision not to follow a "一般"/"可以" rule: who decided, why, under which provision. It is signed into
   * the ledger (so the archive keeps it) beside the step that relies on it, and the snapshot shows it to the reviewer.
   */
  async recordDiscretion(o: {
    rule: string;
    basis: string;
    decision: string;
    reason: string;
    actor: Actor;
    role: Role;
  }): Promise<void> {
    this.discretions.push({
      rule: o.rule,
      basis: o.basis,
      decision: o.decision,
      reason: o.reason.trim(),
      decidedBy: o.actor.userId,
      decidedByName: o.actor.displayName,
      role: o.role,
      at: new Date().toISOString(),
    });
    await this.spec.recordDecision({
      procedureId: this.procedureId,
      workflowId: this.workflowId,
      taskId: null,
      stage: this.stage,
      decision: `DISCRETION_${o.rule}`,
      opinion: `${o.decision}（${o.basis}）\n理由：${o.reason.trim()}`,
      actor: o.actor,
      actorRole: o.role,
      documentSha256: this.documents.DRAFT?.sha256 ?? null,
      idempotencyKey: `${this.updateKey(o.rule)}:discretion:${o.rule}`,
      nextStage: this.stage,
      nextStatus: this.status,
    });
  }

  /** Signs a step into the ledger (closing `taskId` if it is the open task) and, when `next` is given, moves there. */
  async sign(o: SignOff<S>): Promise<LedgerRef> {
    const next = o.next ?? this.stage;
    const status = o.status ?? (o.next === undefined ? this.status : this.terminal.has(o.next) ? 'ENDED' : 'ACTIVE');
    const entry = await this.spec.recordDecision({
      procedureId: this.procedureId,
      workflowId: this.workflowId,
      taskId: o.taskId,
      stage: this.stage,
      decision: o.decision,
      opinion: o.opinion,
      actor: o.actor,
      actorRole: o.role,
      documentSha256: o.sha256 !== undefined ? o.sha256 : (this.documents.DRAFT?.sha256 ?? null),
      idempotencyKey: this.updateKey(o.decision),
      oneStepPerKey: this.inUpdate(),
      nextStage: next,
      nextStatus: status,
    });
    this.archived.lastSignOffHash = entry.hash;
    this.steps.push({
      stage: this.stage,
      round: this.round,
      decision: o.decision,
      actorName: o.actor.displayName,
      at: new Date().toISOString(),
    });
    if (o.taskId && o.taskId === this.openTaskId) this.closeTask();
    if (o.next !== undefined) this.moveTo(o.next, status);
    return entry;
  }

  closeTask(): void {
    this.openTaskId = null;
    this.dueAt = null;
    this.overdue = false;
  }

  /** The next task round of the current stage; an adjustment's rounds come after the original's. */
  nextRound(stage: S = this.stage): number {
    const key = `${this.round}:${stage}`;
    this.taskRounds[key] = (this.taskRounds[key] ?? 0) + 1;
    return (this.round - 1) * 100 + this.taskRounds[key];
  }

  roundOf(stage: S): number {
    return (this.round - 1) * 100 + (this.taskRounds[`${this.round}:${stage}`] ?? 1);
  }

  /** Opens the task of the current stage for a unit and watches its due time on durable timers. */
  async openStageTask(kind: string, title: string, assignTo: AssignTo, period: Period): Promise<string> {
    const stage = this.stage;
    return this.lock.whileOpeningTask(async () => {
      const task = await acts.openTask({
        procedureId: this.procedureId,
        workflowId: this.workflowId,
        stage,
        round: this.nextRound(stage),
        kind,
        title: `${title}：${this.title}`,
        legalBasis: this.spec.stages.basis[stage],
        assignTo,
        period,
      });
      this.adoptTask(task.taskId, task.dueAt);
      this.openTaskUnitId = task.assigneeUnitId;
      return task.taskId;
    });
  }

  /** Makes `taskId` the open task; reminds its holder and escalates it on durable timers beside the main loop. */
  adoptTask(taskId: string, dueAt: string | null): void {
    this.openTaskId = taskId;
    this.dueAt = dueAt;
    this.overdue = false;
    if (dueAt) {
      upsertSearchAttributes([{ key: DueTimeAttr, value: new Date(dueAt) }]);
      void watchDeadline(
        taskId,
        Date.parse(dueAt),
        this.spec.reminderLeadSeconds(),
        () => this.openTaskId === taskId,
        () => (this.overdue = true),
      );
    }
  }

  moveTo(stage: S, status: RunStatus): void {
    this.stage = stage;
    this.status = status;
    this.closeTask();
    upsertSearchAttributes([
      { key: StageAttr, value: stage },
      { key: DueTimeAttr, value: null },
    ]);
  }

  // ---- Start and main loop ----------------------------------------------------------------------------------------

  /** Names the procedure in search attributes and registers it in the read model. */
  async register(o: Omit<RegisterInput, 'procedureId' | 'workflowId' | 'type' | 'title' | 'stage'>): Promise<void> {
    upsertSearchAttributes([
      { key: ProcedureTypeAttr, value: this.spec.type },
      { key: StageAttr, value: this.stage },
      { key: DepartmentAttr, value: this.spec.input.departmentCode },
    ]);
    await acts.registerProcedure({
      procedureId: this.procedureId,
      workflowId: this.workflowId,
      type: this.spec.type,
      projectCode: o.projectCode,
      title: this.title,
      departmentId: o.departmentId,
      initiator: o.initiator,
      stage: this.stage,
      policyVersion: o.policyVersion,
      details: o.details,
    });
  }

  /**
   * Runs until the procedure ends: stages with timers of their own (`timed`) run here; every other move happens in
   * the update handlers. Returns the final snapshot once every handler has finished.
   */
  async run(timed: Partial<Record<S, () => Promise<void>>>): Promise<Snap> {
    while (!this.ended) {
      await this.keepArchiveState();
      const stage = this.stage;
      const round = this.round;
      const timer = timed[stage];
      if (timer) await timer();
      await condition(() => (this.stage !== stage || this.round !== round) && !this.busy);
    }
    return this.finish();
  }

  async finish(): Promise<Snap> {
    await condition(allHandlersFinished);
    await this.keepArchiveState();
    return this.snapshot();
  }

  // ---- The archived state in PostgreSQL (workflows/kernel/archive-state.ts) ----------------------------------------

  /** Names the state a procedure's archive files are built from (field → value); call before the first await. */
  archiveFrom(fields: () => Record<string, unknown>): void {
    this.archived.from(fields);
  }

  /** Writes the archived fields that changed since they were last kept. */
  keepArchiveState(): Promise<void> {
    return this.archived.keep({ procedureId: this.procedureId, workflowId: this.workflowId, round: this.round });
  }
}
