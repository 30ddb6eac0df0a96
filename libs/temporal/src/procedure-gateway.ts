import { Injectable } from '@nestjs/common';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/client';
import {
  DomainError,
  ErrorCode,
  type ProcedureType,
  PROCEDURES,
  CaseNumberAttr,
  DepartmentAttr,
  ProcedureTypeAttr,
  StageAttr,
} from '@lawgate/domain';
import { fromTemporalError } from './procedure-errors';
import { TemporalClientService } from './temporal-client.service';

/**
 * The one format of an update id sent for a person's request: `<step>:<subject>:<key>`, where the subject is the
 * procedure or task the step acts on and the key is the client's `Idempotency-Key` (or, for a document version, its
 * kind and SHA-256). The workflow records the update id as the ledger entry's idempotency key, so the same request
 * again finds the entry it wrote.
 */
export function stepUpdateId(step: string, subject: string, key: string): string {
  return `${step}:${subject}:${key}`;
}

export interface StartProcedure<R> {
  type: ProcedureType;
  workflowId: string;
  input: unknown;
  /** The department's code, for the `LawGateDepartment` search attribute. */
  departmentCode: string;
  /** The case's or contract's number the starter gave, for the `LawGateCaseNumber` search attribute. */
  caseNumber?: string;
  /** The update that resolves once the procedure has settled after start (its first task open). */
  settle: UpdateDefinition<R, [], string>;
}

export interface StartWorkflow {
  workflowType: string;
  workflowId: string;
  input: unknown;
}

/**
 * How the API reaches procedures: start, step (a validated Workflow Update), query. Every caller goes through it,
 * so update ids have one format and refusals one translation: a workflow's refusal arrives as a `DomainError`
 * whose code is the refusal's `ApplicationFailure` type (a busy procedure, `PROCEDURE_BUSY`, is sent again by the
 * client's `BusyRetryInterceptor` before it is passed on); the message is never parsed.
 */
@Injectable()
export class ProcedureGateway {
  constructor(private readonly temporal: TemporalClientService) {}

  /**
   * Starts a procedure under its business key and waits until it has settled. A key is used once for ever: a
   * second start, running or ended, is DUPLICATE_PROCEDURE.
   */
  async start<R>(o: StartProcedure<R>): Promise<R> {
    const definition = PROCEDURES[o.type];
    return this.call(o.workflowId, async (client) => {
      const handle = await client.workflow.start(definition.workflowType, {
        workflowId: o.workflowId,
        taskQueue: this.temporal.taskQueue,
        args: [o.input],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: ProcedureTypeAttr, value: o.type },
          { key: StageAttr, value: definition.initialStage },
          { key: DepartmentAttr, value: o.departmentCode },
          ...(o.caseNumber === undefined ? [] : [{ key: CaseNumberAttr, value: o.caseNumber }]),
        ],
      });
      return handle.executeUpdate(o.settle, { args: [] });
    });
  }

  /** Starts a workflow that is not a procedure (a clean-up campaign) under the same key rules. */
  async startWorkflow(o: StartWorkflow): Promise<void> {
    await this.call(o.workflowId, async (client) => {
      await client.workflow.start(o.workflowType, {
        workflowId: o.workflowId,
        taskQueue: this.temporal.taskQueue,
        args: [o.input],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    });
  }

  /** Sends a step as a Workflow Update; `updateId` (see `stepUpdateId`) makes a repeated request act once. */
  async step<R, A>(workflowId: string, update: UpdateDefinition<R, [A], string>, args: A, updateId?: string) {
    return this.call(workflowId, (client) =>
      client.workflow.getHandle(workflowId).executeUpdate(update, { args: [args], ...(updateId ? { updateId } : {}) }),
    );
  }

  /** Asks a procedure's live state; with `timeoutMs`, gives up (UNAVAILABLE) when no worker answers in time. */
  async query<R>(workflowId: string, query: QueryDefinition<R, [], string> | string, timeoutMs?: number): Promise<R> {
    return this.call(workflowId, (client) => {
      const ask = () => client.workflow.getHandle(workflowId).query<R, []>(query);
      return timeoutMs === undefined ? ask() : client.withDeadline(Date.now() + timeoutMs, ask);
    });
  }

  private async call<T>(
    workflowId: string,
    fn: (client: Awaited<ReturnType<TemporalClientService['client']>>) => Promise<T>,
  ): Promise<T> {
    let client: Awaited<ReturnType<TemporalClientService['client']>>;
    try {
      client = await this.temporal.client();
    } catch (err) {
      throw (
        fromTemporalError(err, { workflowId }) ??
        new DomainError(ErrorCode.Unavailable, 'The workflow engine is not reachable right now; try again shortly.')
      );
    }
    try {
      return await fn(client);
    } catch (err) {
      throw fromTemporalError(err, { workflowId }) ?? err;
    }
  }
}
