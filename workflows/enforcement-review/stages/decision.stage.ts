import { refuse } from '../../activity-proxies';
import { basis, caseUnit, current, enter, lastOpinionOfCurrent, openTask, requireCaseUnit, type Er } from '../context';
import {
  ErrorCode,
  cite,
  EnforcementReviewStage as S,
  erArchiveCaseUpdate,
  erRecordCollectiveUpdate,
  erRecordDecisionUpdate,
  erRecordDisclosureUpdate,
  erReportRevocationUpdate,
  erWithdrawDisclosureUpdate,
  disclosurePeriodKey,
  Role,
} from '@lawgate/domain';

const G_C1 = `G-C1, ${cite('G118/14', 'APL/58')}`;

/**
 * C9–C12: collective discussion where required, the decision (only on a passed review of the version decided: G-C1),
 * its disclosure within the statutory working days and its withdrawal when revoked (G-C8), and the archive.
 */
export function decision(er: Er): void {
  const { p, s, legality, input } = er;

  /** G-C1: a passed review of the current version, on the very text now held. */
  const requirePassedReview = (what: string) => {
    const last = lastOpinionOfCurrent(er);
    if (!last || last.conclusion !== 'AGREE') {
      refuse(
        ErrorCode.RuleViolation,
        `${what} is refused: version ${current(er)?.version ?? '—'} of the case has no passed legal review ` +
          `(latest: ${last?.conclusion ?? 'none'}); no review, or a review not passed, no decision (${G_C1}).`,
      );
    }
    legality.requireReviewedText(what);
  };

  p.step(erRecordCollectiveUpdate, {
    check: (args) => {
      p.requireRole(args.actor, [Role.Leader], 'the agency’s leaders (负责人)', 'record the collective discussion');
      requirePassedReview('The collective discussion');
      p.requireStage(S.CollectiveDiscussion, 'The collective discussion');
      p.requireTask(args.taskId);
      if (args.participants.filter((x) => x.trim()).length < 2) {
        refuse(
          ErrorCode.RuleViolation,
          `A collective discussion has the leaders who took part, at least two (${basis(S.CollectiveDiscussion)}).`,
        );
      }
      p.requireText(args.conclusion, `The minutes record the conclusion (${basis(S.CollectiveDiscussion)}).`);
    },
    run: async (args) => {
      s.collective = {
        meetingDate: args.meetingDate,
        participants: args.participants,
        conclusion: args.conclusion,
        dissent: args.dissent?.trim() || null,
        caseVersion: current(er)!.version,
      };
      await p.sign({
        taskId: args.taskId,
        decision: 'COLLECTIVE_DISCUSSION_HELD',
        opinion:
          `${args.meetingDate} ${args.participants.join('、')}：${args.conclusion}` +
          (s.collective.dissent ? `\n不同意见：${s.collective.dissent}` : ''),
        actor: args.actor,
        role: Role.Leader,
        next: S.Decision,
      });
      await enter(er, S.Decision);
    },
  });

  p.step(erRecordDecisionUpdate, {
    check: (args) => {
      p.requireRole(args.actor, [Role.Leader], 'the agency head (负责人)', 'decide');
      p.requireNotEnded();
      requirePassedReview('The decision');
      if (er.collectiveRequired() && s.collective?.caseVersion !== current(er)!.version) {
        refuse(
          ErrorCode.RuleViolation,
          `This case is decided by collective discussion of the agency's leaders first (${basis(S.CollectiveDiscussion)}).`,
        );
      }
      p.requireStage(S.Decision, 'The decision');
      p.requireTask(args.taskId);
      const reviewed = lastOpinionOfCurrent(er)!.reviewedSha256;
      if (args.decidedSha256 !== reviewed || p.documents.DRAFT?.sha256 !== reviewed) {
        refuse(
          ErrorCode.StaleVersion,
          `The decision is taken on the text the review passed (SHA-256 ${reviewed.slice(0, 12)}…), not on ` +
            `${args.decidedSha256.slice(0, 12)}… (${G_C1}).`,
        );
      }
      p.requireText(args.decisionNumber, 'The decision carries its document number (决定书文号).');
      p.requireText(args.summary, 'The decision states what is decided.');
    },
    run: async (args) => {
      s.decision = {
        outcome: args.outcome,
        decisionNumber: args.decisionNumber,
        summary: args.summary,
        caseVersion: current(er)!.version,
        decidedSha256: args.decidedSha256,
        decidedAt: new Date().toISOString(),
      };
      await p.sign({
        taskId: args.taskId,
        decision: `DECIDED_${args.outcome}`,
        opinion: `${args.decisionNumber}：${args.summary}`,
        actor: args.actor,
        role: Role.Leader,
        sha256: args.decidedSha256,
        next: S.Disclosure,
      });
      // G-C8: permit and penalty decisions are disclosed within 7 working days, others within 20.
      await openTask(
        er,
        'ER_DISCLOSURE',
        caseUnit(er),
        er.policy[disclosurePeriodKey(input.classification.decisionKind)],
      );
    },
  });

  p.step(erRecordDisclosureUpdate, {
    check: (args) => {
      requireCaseUnit(er, args.actor, 'disclose the decision');
      p.requireStage(S.Disclosure, 'The disclosure');
      p.requireTask(args.taskId);
      p.requireText(args.channel, `The disclosure names where it is published (${basis(S.Disclosure)}).`);
      p.requireText(args.reference, 'The disclosure carries its reference (link or notice number).');
    },
    run: async (args) => {
      s.disclosure = { channel: args.channel, reference: args.reference, at: new Date().toISOString() };
      await p.sign({
        taskId: args.taskId,
        decision: 'DECISION_DISCLOSED',
        opinion: `${args.channel}：${args.reference}`,
        actor: args.actor,
        role: Role.Drafter,
        next: S.Disclosed,
        status: 'IN_FORCE',
      });
    },
  });

  p.step(erReportRevocationUpdate, {
    check: (args) => {
      requireCaseUnit(er, args.actor, 'report a revocation');
      p.requireStage(S.Disclosed, 'Reporting a revocation');
      p.requireText(args.reason, 'The revocation states how the decision was changed or annulled.');
    },
    run: async (args) => {
      s.withdrawal = { reason: args.reason, reportedAt: new Date().toISOString(), reference: null, at: null };
      await p.sign({
        taskId: null,
        decision: 'DECISION_REVOKED',
        opinion: args.reason,
        actor: args.actor,
        role: Role.Drafter,
        next: S.DisclosureWithdrawal,
      });
      await enter(er, S.DisclosureWithdrawal);
    },
  });

  p.step(erWithdrawDisclosureUpdate, {
    check: (args) => {
      requireCaseUnit(er, args.actor, 'withdraw the disclosure');
      p.requireStage(S.DisclosureWithdrawal, 'Withdrawing the disclosure');
      p.requireTask(args.taskId);
      p.requireText(args.reference, 'The withdrawal carries its reference.');
    },
    run: async (args) => {
      s.withdrawal = { ...s.withdrawal!, reference: args.reference, at: new Date().toISOString() };
      await p.sign({
        taskId: args.taskId,
        decision: 'DISCLOSURE_WITHDRAWN',
        opinion: args.reference,
        actor: args.actor,
        role: Role.Drafter,
        next: S.Revoked,
      });
    },
  });

  p.step(erArchiveCaseUpdate, {
    check: (args) => {
      requireCaseUnit(er, args.actor, 'archive the case file');
      p.requireStage(S.Disclosed, 'Archiving');
      p.requireText(args.note, `The archive note lists the case file (${basis(S.Closed)}).`);
    },
    run: async (args) => {
      await p.sign({
        taskId: null,
        decision: 'CASE_ARCHIVED',
        opinion: args.note,
        actor: args.actor,
        role: Role.Drafter,
        next: S.Closed,
      });
    },
  });
}
