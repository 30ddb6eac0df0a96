import type { Type } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/client';
import type { Actor, ProcedureType, Role } from '@lawgate/domain';
import type { ProcedureGateway } from '@lawgate/temporal';

/**
 * Who may take a step, beyond holding one of its roles (the workflow's validator then checks the stage and the rest):
 * - `OWN_DEPARTMENT`: a member of the procedure's drafting department;
 * - `ANY`: anyone with the role (the workflow decides, e.g. whether the caller's unit undertakes a decision);
 * - `TASK`: the holder of the open task of one of the step's task kinds (or a member of the unit it is assigned to).
 */
export type StepScope = 'OWN_DEPARTMENT' | 'ANY' | 'TASK';

/** What a step's handler receives: the checked body, the authenticated actor and, for a task's step, the task. */
export interface StepCall {
  gateway: ProcedureGateway;
  workflowId: string;
  body: object;
  actor: Actor;
  taskId: string | null;
  updateId: string | undefined;
  /** What the API adds to the update's arguments besides the actor and the task (e.g. the pre-review decisions). */
  extra?: Record<string, unknown>;
}

/** One human step of a procedure as the API offers it at `POST /api/procedures/:id/steps/:step`. */
export interface StepApi<S extends string = string, K extends string = string> {
  /** One line for the OpenAPI document and the step list. */
  readonly summary: string;
  readonly roles: readonly Role[];
  readonly scope: StepScope;
  /** For `TASK` steps: the task kinds the step closes. */
  readonly tasks: readonly K[];
  /** The stages in which the workflow takes the step (it checks again; the step list offers it only there). */
  readonly stages: readonly S[];
  /** The class-validator DTO of the request body. */
  readonly body: Type<object>;
  /** The Workflow Update's name (metrics, update ids). */
  readonly update: string;
  /**
   * An opinion on the draft: the API runs the pre-review on the version the body's `reviewedSha256` names, requires
   * the reviewer's decision on each finding (`preReviewDecisions`) and adds them to the update as `preReview`.
   */
  readonly preReview: boolean;
  /** The hard gate the step stands behind, with its basis: named when the step is refused out of order. */
  readonly gate?: string;
  send(call: StepCall): Promise<unknown>;
}

/**
 * A procedure's own files in the decision archive, from the state its workflow kept in PostgreSQL (`archiveFrom` in
 * the workflow; the workflow's live state for a procedure started before it kept any): path in the bundle → the JSON
 * written there (null or undefined: no file). They come beside the files every procedure has (documents, ledger, tasks, the
 * state) and replace a common file of the same path.
 */
export type ArchiveSections = (state: Record<string, unknown>) => Record<string, unknown>;

/** A procedure's API: its steps by URL segment. One `<type>.api.ts` per procedure, registered in `registry.ts`. */
export interface ProcedureApi<S extends string = string, K extends string = string> {
  readonly type: ProcedureType;
  readonly steps: Readonly<Record<string, StepApi<S, K>>>;
  /** Its own files in the decision archive (`GET /api/procedures/:id/archive`), if any. */
  readonly archive?: ArchiveSections;
}

/** What the caller gives for an update's arguments: the API adds the authenticated actor (and the task). */
export type StepArgs<A> = Omit<A, 'actor' | 'taskId'>;

/**
 * Declares a step: the update, its body DTO and how the body becomes the update's arguments. The compiler checks
 * that `args` gives exactly what the update takes besides the actor and the task, so no cast is needed per step.
 */
export interface StepSpec<A extends { actor: Actor }, B extends object, S extends string, K extends string> {
  update: UpdateDefinition<unknown, [A], string>;
  body: Type<B>;
  args: (body: B) => StepArgs<A>;
  summary: string;
  roles: readonly Role[];
  scope: StepScope;
  stages: readonly S[];
  tasks?: readonly K[];
  /** See `StepApi.preReview`: the update's arguments then take `preReview?: PreReviewDecision[]`. */
  preReview?: boolean;
  /** The hard gate the step stands behind, with its basis (named in an out-of-order refusal). */
  gate?: string;
}

export function defineStep<A extends { actor: Actor }, B extends object, S extends string, K extends string>(
  spec: StepSpec<A, B, S, K>,
): StepApi<S, K> {
  return {
    summary: spec.summary,
    roles: spec.roles,
    scope: spec.scope,
    tasks: spec.tasks ?? [],
    stages: spec.stages,
    body: spec.body,
    update: spec.update.name,
    preReview: spec.preReview ?? false,
    ...(spec.gate ? { gate: spec.gate } : {}),
    send: ({ gateway, workflowId, body, actor, taskId, updateId, extra }) => {
      // The one place the API's additions meet the update's arguments: `args` is typed as A without them.
      const args = { ...spec.args(body as B), ...extra, actor, ...(taskId ? { taskId } : {}) } as A;
      return gateway.step(workflowId, spec.update, args, updateId);
    },
  };
}

/** `defineStep` for one procedure's stage codes and task kinds, so a step names only its own. */
export function stepsOf<S extends string, K extends string>() {
  return <A extends { actor: Actor }, B extends object>(spec: StepSpec<A, B, S, K>): StepApi<S, K> => defineStep(spec);
}
