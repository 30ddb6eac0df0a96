import { Injectable, Logger } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { DomainError, ErrorCode, amendmentTookEffectUpdate, type Actor } from '@lawgate/domain';
import { ProcedureGateway } from '@lawgate/temporal';

export interface ReplaceAmendedDocumentInput {
  /** The workflow of the document the amendment replaces. */
  amendedWorkflowId: string;
  /** The amendment: its procedure, register entry and number. */
  procedureId: string;
  registerEntryId: string;
  number: string;
  effectiveAt: string;
  /** The officer who published the amendment. */
  actor: Actor;
  updateId: string;
}

/**
 * An amendment that took effect replaces the document it amends: the amended document's workflow gets the
 * `amendmentTookEffect` update (through the procedure gateway, as the API sends every step), which moves its register
 * entry to REPLACED and ends it. A document no longer running (expired, repealed meanwhile) is left as it is.
 */
@Injectable()
export class AmendmentActivities {
  private readonly logger = new Logger(AmendmentActivities.name);

  constructor(private readonly gateway: ProcedureGateway) {}

  async replaceAmendedDocument(input: ReplaceAmendedDocumentInput): Promise<{ notice: 'REPLACED' | 'NOT_RUNNING' }> {
    try {
      await this.gateway.step(
        input.amendedWorkflowId,
        amendmentTookEffectUpdate,
        {
          procedureId: input.procedureId,
          registerEntryId: input.registerEntryId,
          number: input.number,
          effectiveAt: input.effectiveAt,
          actor: input.actor,
        },
        input.updateId,
      );
      return { notice: 'REPLACED' };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      if (err.code === ErrorCode.NotFound) return { notice: 'NOT_RUNNING' };
      if ([ErrorCode.ProcedureBusy, ErrorCode.Unavailable, ErrorCode.Internal].includes(err.code)) {
        throw new Error(`The amended document's workflow could not take the replacement yet (${err.code}); retrying`);
      }
      this.logger.warn(`Replacement refused by ${input.amendedWorkflowId}: ${err.code} ${err.message}`);
      throw ApplicationFailure.create({ type: err.code, message: err.message, nonRetryable: true });
    }
  }
}
