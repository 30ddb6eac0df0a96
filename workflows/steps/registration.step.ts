import type { UpdateDefinition } from '@temporalio/common';
import { executeChild, upsertSearchAttributes } from '@temporalio/workflow';
import type { ProcedureRun } from '../kernel/procedure-run';
import {
  type Actor,
  type RegistrationRecord,
  DOCUMENT_REGISTRATION_WORKFLOW_TYPE,
  registrationWorkflowId,
  type DocumentRegistrationWorkflow,
  Role,
  DocumentNumberAttr,
} from '@lawgate/domain';

type RegisterArgs = { taskId: string; actor: Actor };

export interface RegistrationOptions<S extends string, Snap> {
  update: UpdateDefinition<Snap, [RegisterArgs]>;
  stage: S;
  /** The unit in whose name the document is issued and numbered, its series and validity. */
  issuerUnitId: () => string;
  series: () => string;
  validityYears: () => number;
  /** A gate of the procedure's own (e.g. the text must be the text reviewed). */
  check?: () => void;
  /** Where the procedure goes once the number is given, and what it opens there. */
  next?: S;
  then: () => Promise<void>;
}

/**
 * Unified registration and numbering (统一登记、统一编号), written once: the document registration child workflow gives
 * the number in one serialised place, the number becomes a search attribute and the office's sign-off is recorded.
 */
export class Registration<S extends string, Snap> {
  record: RegistrationRecord | null = null;

  constructor(p: ProcedureRun<S, Snap>, o: RegistrationOptions<S, Snap>) {
    p.step(o.update, {
      check: (args) => {
        p.requireRole(
          args.actor,
          [Role.LegalAffairsOfficer],
          'an officer of the legal-affairs office',
          'register the document',
        );
        p.requireStage(o.stage, 'Registration and numbering');
        p.requireTask(args.taskId);
        o.check?.();
      },
      run: async (args) => {
        const draft = p.documents.DRAFT!;
        const registered = await executeChild<DocumentRegistrationWorkflow>(DOCUMENT_REGISTRATION_WORKFLOW_TYPE, {
          workflowId: registrationWorkflowId(p.procedureId),
          args: [
            {
              procedureId: p.procedureId,
              workflowId: p.workflowId,
              issuerUnitId: o.issuerUnitId(),
              series: o.series(),
              title: p.title,
              documentSha256: draft.sha256,
              validityYears: o.validityYears(),
              registeredBy: args.actor,
              idempotencyKey: `registration:${p.procedureId}`,
            },
          ],
        });
        this.record = registered;
        upsertSearchAttributes([{ key: DocumentNumberAttr, value: registered.number }]);
        await p.sign({
          taskId: args.taskId,
          decision: 'REGISTERED',
          opinion: `登记编号 ${registered.number}，有效期至 ${registered.validUntil}`,
          actor: args.actor,
          role: Role.LegalAffairsOfficer,
          sha256: draft.sha256,
          next: o.next,
        });
        await o.then();
      },
    });
  }
}
