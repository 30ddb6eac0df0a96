import { condition, patched, setHandler } from '@temporalio/workflow';
import { acts, refuse } from '../../activity-proxies';
import { OFFICE } from '../../kernel/procedure-run';
import { OFFICER, type Nd } from '../context';
import { gateStep } from '../../steps/gate.step';
import { publishedNow, requirePublicationReference } from '../../steps/publication.step';
import {
  ErrorCode,
  type Period,
  NORMATIVE_DOCUMENT_STAGE_BASIS,
  CLEANUP_DECISION_UPDATE_PATCH,
  NormativeDocumentStage as Stage,
  applyCleanupDecisionUpdate,
  cleanupDecisionSignal,
  recordFilingEventUpdate,
  recordPublicationUpdate,
  repealDocumentUpdate,
  type CleanupDecisionArgs,
  type FilingState,
  Role,
  CLEANUP_BASIS,
  CLEANUP_DECISIONS,
} from '@lawgate/domain';

const FILING_NEXT: Record<FilingState, readonly string[]> = {
  PENDING: ['SUBMITTED'],
  SUBMITTED: ['CORRECTION_REQUESTED', 'ACCEPTED'],
  CORRECTION_REQUESTED: ['RESUBMITTED'],
  RESUBMITTED: ['CORRECTION_REQUESTED', 'ACCEPTED'],
  ACCEPTED: [],
};

/** Adds a period to an absolute time, for periods the workflow can count itself (seconds, calendar days). */
function addPlain(fromMs: number, period: Period, direction: 1 | -1): number {
  const unitMs = period.unit === 'SECONDS' ? 1000 : 24 * 3600 * 1000;
  return fromMs + direction * period.amount * unitMs;
}

/** B10 统一发布 (G-B10): only the registered text the lawful opinion binds is published; then it is in force. */
export function publication(nd: Nd): void {
  const { p, input, s, registration } = nd;
  gateStep(p, nd.legality, {
    update: recordPublicationUpdate,
    stage: Stage.Publication,
    what: 'Publication',
    who: OFFICER,
    doing: 'record the publication',
    check: (args) => {
      p.requireText(args.channel, 'Say where the document was published (gazette, website, newspaper).');
      requirePublicationReference(p, args.reference);
    },
    run: async (args) => {
      const draft = p.documents.DRAFT!;
      const registered = registration.record!;
      const publishedAt = publishedNow();
      await acts.recordPublication({
        registerEntryId: registered.registerEntryId,
        procedureId: input.procedureId,
        channel: args.channel,
        reference: args.reference,
        publishedAt,
        textSha256: draft.sha256,
        actor: args.actor,
        idempotencyKey: `${p.workflowId}:publication`,
      });
      s.publication = { channel: args.channel, reference: args.reference, publishedAt };
      s.expiresAt = nd.policy.validitySeconds
        ? new Date(Date.parse(publishedAt) + nd.policy.validitySeconds * 1000).toISOString()
        : // Valid until the end of that day, China Standard Time.
          new Date(Date.parse(`${registered.validUntil}T24:00:00+08:00`)).toISOString();
      await p.sign({
        taskId: args.taskId,
        decision: 'PUBLISHED',
        opinion: `${args.channel}：${args.reference}`,
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
        sha256: draft.sha256,
        next: Stage.InForce,
        status: 'IN_FORCE',
      });
      await nd.enter(Stage.InForce);
    },
  });
}

/** B11 备案: the filing package is opened on publication and tracked beside the document in force. */
export async function openFiling(nd: Nd): Promise<void> {
  const { p, input, s, policy } = nd;
  const due = await acts.computeDeadline({ from: s.publication!.publishedAt, period: policy.filingPeriod });
  const draft = p.documents.DRAFT!;
  const explanation = p.documents.DRAFTING_EXPLANATION;
  const opinion = nd.legality.last();
  const { filingId } = await acts.openFiling({
    registerEntryId: nd.registration.record!.registerEntryId,
    procedureId: input.procedureId,
    // A department's own document is filed with the district government (activity input only: replays unchanged).
    recipient:
      input.application.issuer === 'DEPARTMENT'
        ? (policy.departmentFilingRecipient ?? policy.filingRecipient)
        : policy.filingRecipient,
    dueAt: due.dueAt,
    packageItems: [
      { kind: 'TEXT', versionId: draft.versionId, sha256: draft.sha256 },
      ...(explanation
        ? [{ kind: 'DRAFTING_EXPLANATION', versionId: explanation.versionId, sha256: explanation.sha256 }]
        : []),
      ...(opinion && s.legalityOpinionEntry
        ? [
            {
              kind: 'LEGALITY_OPINION',
              versionId: `ledger:${s.legalityOpinionEntry.ledgerSeq}`,
              sha256: s.legalityOpinionEntry.hash,
            },
          ]
        : []),
    ],
    idempotencyKey: `${p.workflowId}:filing`,
  });
  s.filing = { filingId, status: 'PENDING', dueAt: due.dueAt };
  s.filingTaskId = await p.openStageTask('FILING', '报送备案', OFFICE, policy.filingPeriod);
}

/** B11–B12: filing events, repeal by the office, and a clean-up review's decision. */
export function inForce(nd: Nd): void {
  const { p, s } = nd;
  const inForceStage = (what: string) => p.requireStage(Stage.InForce, what);
  p.step(recordFilingEventUpdate, {
    check: (args) => {
      nd.requireOfficer(args.actor, 'record filing events');
      inForceStage('Filing');
      const filing = s.filing;
      if (!filing) refuse(ErrorCode.WrongStage, 'The document has no filing yet.');
      if (!FILING_NEXT[filing.status].includes(args.event)) {
        const allowed = FILING_NEXT[filing.status].join(' or ') || 'nothing';
        refuse(ErrorCode.WrongStage, `The filing is ${filing.status}; next can only be ${allowed}.`);
      }
      if (args.event === 'CORRECTION_REQUESTED') {
        p.requireText(args.note, 'Say what the receiving authority asked to be corrected (补正).');
      }
    },
    run: async (args) => {
      const filing = s.filing!;
      await acts.recordFilingEvent({
        filingId: filing.filingId,
        event: args.event,
        note: args.note,
        actor: args.actor,
        idempotencyKey: p.updateKey(`filing:${args.event}`),
      });
      filing.status = args.event;
      if (args.event === 'ACCEPTED') {
        await p.sign({
          taskId: s.filingTaskId,
          decision: 'FILING_ACCEPTED',
          opinion: args.note,
          actor: args.actor,
          role: Role.LegalAffairsOfficer,
        });
      }
    },
  });
  p.step(repealDocumentUpdate, {
    check: (args) => {
      nd.requireOfficer(args.actor, 'repeal a document');
      inForceStage('Repeal');
      p.requireText(args.reason, 'A repeal needs its reason.');
    },
    run: async (args) => {
      await acts.setRegisterStatus({
        registerEntryId: nd.registration.record!.registerEntryId,
        status: 'REPEALED',
        reason: args.reason,
        actor: args.actor,
        idempotencyKey: `${p.workflowId}:repeal`,
      });
      await p.sign({
        taskId: null,
        decision: 'REPEALED',
        opinion: args.reason,
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
        next: Stage.Repealed,
        status: 'ENDED',
      });
      await acts.endProcedure({
        procedureId: nd.input.procedureId,
        workflowId: p.workflowId,
        stage: Stage.Repealed,
        status: 'ENDED',
        actor: args.actor,
        action: 'procedure.repealed',
        reason: args.reason,
        idempotencyKey: p.updateKey('repeal'),
      });
    },
  });
  const takeDecision = (args: CleanupDecisionArgs) => {
    if (args.decision === 'REPEAL') s.cleanupRepeal = args;
    else if (args.decision === 'AMEND') s.amendmentRequired = { campaignId: args.campaignId, reason: args.reason };
  };
  const applied = new Set<string>();
  p.step(applyCleanupDecisionUpdate, {
    check: (args) => {
      nd.requireOfficer(args.actor, 'apply a clean-up decision');
      inForceStage('A clean-up decision');
      if (typeof args.campaignId !== 'string' || args.campaignId.trim().length === 0) {
        refuse(ErrorCode.ValidationFailed, 'A clean-up decision names the campaign that took it.');
      }
      if (!CLEANUP_DECISIONS.includes(args.decision)) {
        refuse(ErrorCode.ValidationFailed, `The decision must be one of ${CLEANUP_DECISIONS.join(', ')}.`);
      }
      if (args.decision !== 'KEEP') {
        p.requireText(
          args.reason,
          `A decision to ${args.decision} a document needs its reason (${CLEANUP_BASIS.regulation}).`,
        );
      }
      if (applied.has(args.campaignId)) {
        refuse(ErrorCode.TaskClosed, `Campaign ${args.campaignId}'s decision was already applied to this document.`);
      }
      if (s.cleanupRepeal) refuse(ErrorCode.WrongStage, 'The document is being repealed by a clean-up decision.');
    },
    run: async (args) => {
      // The campaign must exist and have decided exactly this about this document, by this officer.
      await acts.verifyCleanupDecision({
        campaignId: args.campaignId,
        procedureId: nd.input.procedureId,
        decision: args.decision,
        actorUserId: args.actor.userId,
      });
      await p.sign({
        taskId: null,
        decision: `CLEANUP_${args.decision}`,
        opinion: `清理（${args.campaignId}）：${args.reason || '继续有效'}`,
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
      });
      applied.add(args.campaignId);
      takeDecision(args);
    },
  });
  // Documents started before the update existed keep the signal their histories recorded; no new document listens.
  if (!patched(CLEANUP_DECISION_UPDATE_PATCH)) {
    setHandler(cleanupDecisionSignal, (args: CleanupDecisionArgs) => {
      if (p.stage !== Stage.InForce) return;
      takeDecision(args);
    });
  }
}

/** Ends the document in force: by expiry or by a clean-up decision (whose sign-off is in the ledger already). */
async function end(nd: Nd, o: { status: 'EXPIRED' | 'REPEALED'; reason: string; action: string; key: string }) {
  const { p } = nd;
  const actor = o.status === 'REPEALED' ? nd.s.cleanupRepeal!.actor : null;
  await acts.setRegisterStatus({
    registerEntryId: nd.registration.record!.registerEntryId,
    status: o.status,
    reason: o.reason,
    actor,
    idempotencyKey: `${p.workflowId}:${o.status === 'REPEALED' ? 'repeal' : 'expiry'}`,
  });
  const stage = o.status === 'REPEALED' ? Stage.Repealed : Stage.Expired;
  await acts.endProcedure({
    procedureId: nd.input.procedureId,
    workflowId: p.workflowId,
    stage,
    status: 'ENDED',
    actor,
    action: o.action,
    reason: o.status === 'REPEALED' ? o.reason : `有效期届满（${nd.registration.record!.validUntil}）`,
    idempotencyKey: o.key,
  });
  p.moveTo(stage, 'ENDED');
}

async function endWhenIdle(nd: Nd, o: Parameters<typeof end>[1]): Promise<void> {
  const { p } = nd;
  await condition(() => !p.busy);
  if (p.stage !== Stage.InForce) return;
  p.busy = true;
  try {
    await end(nd, o);
  } finally {
    p.busy = false;
  }
}

function repealByCleanup(nd: Nd): Promise<void> {
  const decision = nd.s.cleanupRepeal!;
  return endWhenIdle(nd, {
    status: 'REPEALED',
    reason: `清理决定废止：${decision.reason}`,
    action: 'procedure.repealed',
    key: `${nd.p.workflowId}:cleanup:${decision.campaignId}`,
  });
}

/** B12: evaluation before expiry, then automatic expiry, unless the document is repealed first. */
export async function runInForce(nd: Nd): Promise<void> {
  const { p, s, policy, input } = nd;
  const inForceNow = () => p.stage === Stage.InForce;
  const expiresMs = Date.parse(s.expiresAt!);
  const lead = policy.validitySeconds
    ? { amount: Math.max(1, Math.floor(policy.validitySeconds / 2)), unit: 'SECONDS' as const }
    : policy.evaluationLead;
  const evaluateMs = addPlain(expiresMs, lead, -1);
  const interrupted = () => !inForceNow() || s.cleanupRepeal !== null;
  if (evaluateMs > Date.now()) await condition(interrupted, evaluateMs - Date.now());
  if (s.cleanupRepeal && inForceNow()) return repealByCleanup(nd);
  if (!inForceNow()) return;
  await acts.openTask({
    procedureId: input.procedureId,
    workflowId: p.workflowId,
    stage: Stage.InForce,
    round: 1,
    kind: 'EVALUATION',
    title: `有效期届满前评估：${input.title}（${nd.registration.record!.number}）`,
    legalBasis: NORMATIVE_DOCUMENT_STAGE_BASIS[Stage.InForce],
    assignTo: OFFICE,
    period:
      lead.unit === 'SECONDS'
        ? { amount: Math.max(1, Math.round((expiresMs - Date.now()) / 1000)), unit: 'SECONDS' }
        : lead,
  });
  if (expiresMs > Date.now()) await condition(interrupted, expiresMs - Date.now());
  if (s.cleanupRepeal && inForceNow()) return repealByCleanup(nd);
  if (!inForceNow()) return;
  const validUntil = nd.registration.record!.validUntil;
  return endWhenIdle(nd, {
    status: 'EXPIRED',
    reason: `有效期至 ${validUntil} 届满`,
    action: 'procedure.expired',
    key: `${p.workflowId}:expiry`,
  });
}
