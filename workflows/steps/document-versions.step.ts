import type { UpdateDefinition } from '@temporalio/common';
import { currentUpdateInfo, patched } from '@temporalio/workflow';
import { acts, local, refuse } from '../activity-proxies';
import type { ProcedureRun } from '../kernel/procedure-run';
import {
  DOCUMENT_KINDS,
  DOCUMENT_MEDIA_TYPES,
  isSha256,
  type DocumentKind,
  ErrorCode,
  type Actor,
  type SubmitDocumentVersionArgs,
} from '@lawgate/domain';

export interface DocumentVersionsOptions<S extends string, Snap> {
  update: UpdateDefinition<Snap, [SubmitDocumentVersionArgs]>;
  /** Refuses a person who may not add versions in this procedure. */
  mayUpload: (actor: Actor) => void;
  /** Stages in which versions may be added. */
  stages: readonly S[];
  /** The refusal outside those stages. */
  wrongStage: () => string;
  /** True while the text is under legality review: it cannot change until the opinion is given. */
  underReview: () => boolean;
  /** Runs once a version is recorded (a text changed after a binding opinion re-opens the review). */
  afterUpload?: (kind: DocumentKind, actor: Actor) => Promise<void>;
}

/** Document versions (drafts, explanations, materials): every procedure records them the same way. */
export function documentVersions<S extends string, Snap>(
  p: ProcedureRun<S, Snap>,
  o: DocumentVersionsOptions<S, Snap>,
): void {
  const stages: ReadonlySet<S> = new Set(o.stages);
  p.step(o.update, {
    check: (args) => {
      o.mayUpload(args.actor);
      if (!stages.has(p.stage)) refuse(ErrorCode.WrongStage, o.wrongStage());
      p.requireIdle();
      if (o.underReview()) {
        refuse(
          ErrorCode.WrongStage,
          'The draft is under legality review; it cannot change until the opinion is given.',
        );
      }
      if (!DOCUMENT_KINDS.includes(args.kind)) refuse(ErrorCode.RuleViolation, `Unknown document kind ${args.kind}.`);
      if (!isSha256(args.sha256)) refuse(ErrorCode.RuleViolation, 'The content hash is not a SHA-256.');
      if (!DOCUMENT_MEDIA_TYPES[args.mediaType]) refuse(ErrorCode.RuleViolation, `Unsupported type ${args.mediaType}.`);
      const current = p.documents[args.kind];
      if (current?.sha256 === args.sha256) {
        refuse(ErrorCode.RuleViolation, `This file is identical to version ${current.version}; nothing to add.`);
      }
    },
    run: async (args) => {
      // A short idempotent transaction the uploader waits for, like a sign-off: run in the worker (a local
      // activity), not as an activity task through the server and a second workflow task.
      const record = patched('document-version-local') ? local.recordDocumentVersion : acts.recordDocumentVersion;
      p.documents[args.kind] = await record({
        procedureId: p.procedureId,
        workflowId: p.workflowId,
        stage: p.stage,
        kind: args.kind,
        sha256: args.sha256,
        size: args.size,
        mediaType: args.mediaType,
        filename: args.filename,
        note: args.note,
        actor: args.actor,
        idempotencyKey: currentUpdateInfo()?.id ?? `${p.workflowId}:${args.kind}:${args.sha256}`,
      });
      if (o.afterUpload) await o.afterUpload(args.kind, args.actor);
    },
  });
}

/** Refuses a signature on any text but the current draft: the signer reads the current version and signs again. */
export function requireCurrentDraft(documents: ProcedureRun<string, unknown>['documents'], sha256: string): void {
  const current = documents.DRAFT;
  if (!current || sha256 !== current.sha256) {
    refuse(
      ErrorCode.StaleVersion,
      current
        ? `The draft has changed: version ${current.version} (SHA-256 ${current.sha256.slice(0, 12)}…) is current. ` +
            'Read the current version and sign again.'
        : 'There is no draft to review.',
    );
  }
}
