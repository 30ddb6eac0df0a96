import { refuse } from '../../activity-proxies';
import { changedSince, documentShas, requireIssuer, requireOffice, type Fr } from '../context';
import {
  ErrorCode,
  FilingReviewStage as S,
  cite,
  filingStageName,
  frEscalateUpdate,
  frGovernmentDecisionUpdate,
  frReportUpdate,
  frReviewUpdate,
  opinionWithPreReview,
  Role,
  standardsRefusal,
  type FilingOutcome,
} from '@lawgate/domain';

/** Where each outcome of the review leads (§3.4). */
const NEXT: Record<FilingOutcome, S> = {
  PASSED: S.Filed,
  TECHNICAL: S.Filed,
  CORRECTION_AGREED: S.MakerResponse,
  FORMAL_OPINION: S.MakerResponse,
  ESCALATE: S.GovernmentDecision,
};

/** E4–E7: the substantive review, its outcomes, the issuer's correction and report, escalation (G-E3, G-E4). */
export function review(fr: Fr): void {
  const { p, input, s } = fr;

  p.step(frReviewUpdate, {
    check: (args) => {
      requireOffice(p, args.actor, 'review a filed document');
      p.requireStage(S.Review, 'The review outcome');
      p.requireTask(args.taskId);
      const text = p.documents.DRAFT;
      if (!text || args.reviewedSha256 !== text.sha256) {
        refuse(
          ErrorCode.StaleVersion,
          `The outcome binds the text reviewed: the filed text is version ${text?.version ?? '—'} ` +
            `(SHA-256 ${text?.sha256.slice(0, 12) ?? '—'}…), not ${args.reviewedSha256.slice(0, 12)}….`,
        );
      }
      p.requireText(args.reasons, `The review outcome is written, with its reasons (${cite('FRR/13')}).`);
      const wrong = standardsRefusal(args.outcome, args.standards);
      if (wrong) refuse(ErrorCode.RuleViolation, wrong);
      if ((args.outcome === 'CORRECTION_AGREED' || args.outcome === 'FORMAL_OPINION') && !args.request?.trim()) {
        refuse(
          ErrorCode.RuleViolation,
          `${args.outcome} states what the issuer must revise or repeal (${cite('FRR/18')}).`,
        );
      }
    },
    run: async (args) => {
      s.opinions.push({
        round: s.opinions.length + 1,
        taskId: args.taskId,
        outcome: args.outcome,
        reasons: args.reasons.trim(),
        standards: args.standards.map((c) => ({ ...c })),
        reviewerId: args.actor.userId,
        reviewerName: args.actor.displayName,
        reviewedSha256: args.reviewedSha256,
        request: args.request?.trim() || null,
        givenAt: new Date().toISOString(),
      });
      const failed = args.standards.filter((c) => !c.ok).map((c) => `${c.item}：${c.note}`);
      const basis = {
        PASSED: cite('FRR/3'),
        TECHNICAL: cite('FRR/20.2'),
        CORRECTION_AGREED: cite('FRR/18'),
        FORMAL_OPINION: cite('FRR/18', 'FRR/21'),
        ESCALATE: cite('LGO/73.3'),
      }[args.outcome];
      const next = NEXT[args.outcome];
      if (next === S.MakerResponse) s.askedOn = documentShas(p);
      await p.sign({
        taskId: args.taskId,
        decision: `FILING_REVIEW_${args.outcome}`,
        opinion: opinionWithPreReview(
          args.reasons.trim() +
            (failed.length ? `\n问题：${failed.join('；')}` : '') +
            (args.request?.trim() ? `\n要求：${args.request.trim()}` : '') +
            `\n（${basis}）`,
          args.preReview,
        ),
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
        sha256: args.reviewedSha256,
        next,
      });
      await fr.enter(next);
    },
  });

  p.step(frReportUpdate, {
    check: (args) => {
      requireIssuer(input, args.actor, 'report how the opinion was handled');
      p.requireStage(S.MakerResponse, 'The handling report');
      const changed = changedSince(p, s.askedOn);
      if (!changed.includes('HANDLING_REPORT')) {
        refuse(ErrorCode.RuleViolation, `Upload the handling report (HANDLING_REPORT) first (${cite('FRR/21')}).`);
      }
      if (args.revised && !changed.includes('DRAFT')) {
        refuse(
          ErrorCode.RuleViolation,
          'A revised document is re-filed: upload the corrected text (a new DRAFT version) first.',
        );
      }
    },
    run: async (args) => {
      const sha = args.revised ? p.documents.DRAFT!.sha256 : null;
      s.reports.push({ revised: args.revised, note: args.note.trim(), sha256: sha, at: new Date().toISOString() });
      const next = args.revised ? S.Review : S.Repealed;
      await p.sign({
        taskId: p.openTaskId,
        decision: args.revised ? 'FILING_CORRECTED_REFILED' : 'FILING_REPEALED_BY_ISSUER',
        opinion: `${args.note.trim() || (args.revised ? '已修改并重新报送' : '已废止')}（${cite('FRR/21')}）`,
        actor: args.actor,
        role: Role.Drafter,
        next,
      });
      if (next === S.Review) await fr.enter(S.Review);
    },
  });

  p.step(frEscalateUpdate, {
    check: (args) => {
      requireOffice(p, args.actor, 'escalate a document to the government');
      p.requireStage(S.MakerResponse, 'Escalation after the correction period');
      if (!p.overdue) {
        refuse(
          ErrorCode.RuleViolation,
          `The issuer has until ${p.dueAt ?? '—'} to correct and report (${cite('FRR/21')}); escalate once that ` +
            `period has passed without a correction (${filingStageName(S.GovernmentDecision)}).`,
        );
      }
      p.requireText(args.reason, 'An escalation states why.');
    },
    run: async (args) => {
      await p.sign({
        taskId: p.openTaskId,
        decision: 'FILING_ESCALATED',
        opinion: `${args.reason.trim()}（${cite('LGO/73.3')}）`,
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
        next: S.GovernmentDecision,
      });
      await fr.enter(S.GovernmentDecision);
    },
  });

  p.step(frGovernmentDecisionUpdate, {
    check: (args) => {
      p.requireRole(args.actor, [Role.Leader], 'the government (its leaders)', 'change or revoke a document');
      p.requireStage(S.GovernmentDecision, 'The government decision');
      p.requireTask(args.taskId);
      p.requireText(args.reference, 'The decision carries its reference (文号).');
      p.requireText(args.reasons, 'The decision states its reasons.');
    },
    run: async (args) => {
      s.governmentDecision = {
        decision: args.decision,
        reference: args.reference.trim(),
        at: new Date().toISOString(),
      };
      await p.sign({
        taskId: args.taskId,
        decision: `GOVERNMENT_${args.decision}`,
        opinion: `${args.reference.trim()}：${args.reasons.trim()}（${cite('LGO/73.3')}）`,
        actor: args.actor,
        role: Role.Leader,
        next: S.Revoked,
      });
    },
  });
}
