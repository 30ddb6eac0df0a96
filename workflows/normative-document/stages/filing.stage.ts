import { patched } from '@temporalio/workflow';
import { acts } from '../../activity-proxies';
import { OFFICE } from '../../kernel/procedure-run';
import type { Nd } from '../context';
import {
  ISSUER_FILING_PATCH,
  Role,
  cite,
  type FilingState,
  type FilingView,
  type RecordFilingEventArgs,
} from '@lawgate/domain';

export const FILING_NEXT: Record<FilingState, readonly string[]> = {
  PENDING: ['SUBMITTED'],
  SUBMITTED: ['CORRECTION_REQUESTED', 'ACCEPTED'],
  CORRECTION_REQUESTED: ['RESUBMITTED'],
  RESUBMITTED: ['CORRECTION_REQUESTED', 'ACCEPTED'],
  ACCEPTED: [],
};

/** B11 备案: the filing package is opened on publication and tracked beside the document in force. */
export async function openFiling(nd: Nd): Promise<void> {
  const { p, input, s, policy } = nd;
  const due = await acts.computeDeadline({ from: s.publication!.publishedAt, period: policy.filingPeriod });
  // The issuer decides the recipients (JS158 备案): one filing each, from the versioned policy.
  const perIssuer = patched(ISSUER_FILING_PATCH);
  const recipients = perIssuer ? policy.filingRecipients[s.issuer] : [policy.filingRecipient];
  const filings: FilingView[] = [];
  for (const [i, recipient] of recipients.entries()) {
    const { filingId } = await acts.openFiling({
      registerEntryId: nd.registration.record!.registerEntryId,
      procedureId: input.procedureId,
      recipient,
      dueAt: due.dueAt,
      packageItems: filingPackage(nd),
      idempotencyKey: i === 0 ? `${p.workflowId}:filing` : `${p.workflowId}:filing:${i}`,
    });
    filings.push({ filingId, recipient, status: 'PENDING', dueAt: due.dueAt });
  }
  if (perIssuer) s.filings = filings;
  s.filing = { filingId: filings[0].filingId, status: 'PENDING', dueAt: due.dueAt };
  s.filingTaskId = await p.openStageTask('FILING', '报送备案', OFFICE, policy.filingPeriod);
}

/** What goes to the recipient: the text, the drafting explanation and the legality opinion's ledger entry. */
function filingPackage(nd: Nd) {
  const { p, s } = nd;
  const draft = p.documents.DRAFT!;
  const explanation = p.documents.DRAFTING_EXPLANATION;
  const opinion = nd.legality.last();
  return [
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
  ];
}

/** The filing an event is for: the one named, or the first (in the issuer's order) whose status allows it. */
export function filingFor(nd: Nd, args: RecordFilingEventArgs): FilingView | undefined {
  const filings = nd.s.filings!;
  if (args.filingId) return filings.find((f) => f.filingId === args.filingId);
  return filings.find((f) => FILING_NEXT[f.status].includes(args.event)) ?? filings[0];
}

/** One event of one filing; the filing task closes once every recipient has accepted its filing. */
export async function recordFilingEvent(nd: Nd, filing: FilingView, args: RecordFilingEventArgs): Promise<void> {
  const { p, s } = nd;
  await acts.recordFilingEvent({
    filingId: filing.filingId,
    event: args.event,
    note: args.note,
    actor: args.actor,
    idempotencyKey: p.updateKey(`filing:${filing.filingId}:${args.event}`),
  });
  filing.status = args.event;
  if (s.filing?.filingId === filing.filingId) s.filing.status = args.event;
  if (args.event !== 'ACCEPTED') return;
  const all = s.filings!.every((f) => f.status === 'ACCEPTED');
  await p.sign({
    taskId: all ? s.filingTaskId : null,
    decision: 'FILING_ACCEPTED',
    opinion: `${filing.recipient}：${args.note}（${cite('JS158/filing')}）`,
    actor: args.actor,
    role: Role.LegalAffairsOfficer,
  });
}
