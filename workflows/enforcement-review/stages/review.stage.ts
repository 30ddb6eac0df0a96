import { refuse } from '../../activity-proxies';
import { checklistOpinion, checklistOpinionText } from '../../kernel/checklist-opinion';
import { basis, current, enter, type Er } from '../context';
import { openReview } from './submission.stage';
import {
  ErrorCode,
  cite,
  EnforcementReviewStage as S,
  erDecideExtensionUpdate,
  erDecideTransferUpdate,
  erGiveConclusionUpdate,
  erRecordTransferUpdate,
  erRequestExtensionUpdate,
  type ReviewOpinion,
  checklistRefusal,
  needsQualifiedReviewer,
  Qualification,
  Role,
} from '@lawgate/domain';

/**
 * C6–C7 and C10a: the review body's written conclusion (同意 / 存在问题 / recommend transfer as a suspected crime),
 * bound to the SHA-256 of the version reviewed; recusal and qualification (G-C2); the review period's extension,
 * approved by whom the policy names (G-C4); the crime-transfer branch with its 3-day and 24-hour timers (G-C7).
 */
export function review(er: Er): void {
  const { p, s, legality, input } = er;
  p.step(erGiveConclusionUpdate, {
    check: (args) => {
      p.requireRole(
        args.actor,
        [Role.LegalAffairsOfficer],
        'the legal review body (法制审核机构)',
        'give the review conclusion',
      );
      p.requireStage(S.LegalReview, 'The review conclusion');
      legality.checkOpinion(args);
      const handlers = new Set([...input.caseHandlerIds, ...s.versions.map((v) => v.submittedBy)]);
      if (handlers.has(args.actor.userId)) {
        refuse(
          ErrorCode.Forbidden,
          `A case handler never reviews their own case: the review is separate from case handling (G-C2; ` +
            `${cite('APL/58', 'GD_ER/9')}).`,
        );
      }
      if (!args.noConflictDeclared) {
        refuse(
          ErrorCode.RuleViolation,
          'The reviewer declares that they have no interest in the case (recusal, G-C2).',
        );
      }
      if (
        needsQualifiedReviewer(er.policy, input.classification.decisionKind) &&
        !(args.actor.qualifications ?? []).includes(Qualification.LegalProfession)
      ) {
        refuse(
          ErrorCode.Forbidden,
          `The reviewer of a ${input.classification.decisionKind} decision holds the legal-profession qualification ` +
            `(法律职业资格, G-C2, ${cite('APL/58.2')}; policy ${er.policy.version}).`,
        );
      }
      p.requireText(args.reasons, `The review opinion is written, with its reasons (国办发〔2018〕118号（十三）).`);
      const wrong = checklistRefusal(args.conclusion, args.checklist);
      if (wrong) refuse(ErrorCode.RuleViolation, wrong);
    },
    run: async (args) => {
      const opinion: ReviewOpinion = {
        caseVersion: current(er)!.version,
        ...checklistOpinion(args, legality.opinions.length + 1),
      };
      legality.record(opinion);
      s.extension = null;
      const next =
        args.conclusion === 'AGREE'
          ? er.collectiveRequired()
            ? S.CollectiveDiscussion
            : S.Decision
          : args.conclusion === 'PROBLEMS'
            ? S.Rework
            : S.CrimeTransfer;
      await p.sign({
        taskId: args.taskId,
        decision: `REVIEW_${args.conclusion}`,
        opinion: checklistOpinionText(args, '存在问题'),
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
        sha256: args.reviewedSha256,
        next,
      });
      if (next === S.CrimeTransfer) {
        s.transfer = {
          approved: null,
          reasons: null,
          receivingOrgan: null,
          letterReference: null,
          materials: [],
          decidedAt: null,
          transferredAt: null,
        };
      }
      await enter(er, next);
    },
  });

  p.step(erRequestExtensionUpdate, {
    check: (args) => {
      p.requireRole(args.actor, [Role.LegalAffairsOfficer], 'the legal review body', 'ask for more time');
      p.requireStage(S.LegalReview, 'An extension of the review period');
      if (args.taskId !== legality.reviewTaskId) {
        refuse(ErrorCode.TaskClosed, `Task ${args.taskId} is not the open review task of this case.`);
      }
      if (s.extension) refuse(ErrorCode.RuleViolation, 'The review period of a version is extended once (G-C4).');
      p.requireText(args.reason, 'An extension states its reason (G-C4).');
    },
    run: async (args) => {
      s.extension = { requestedBy: args.actor.userId, reason: args.reason, approved: null };
      await p.sign({
        taskId: null,
        decision: 'REVIEW_EXTENSION_REQUESTED',
        opinion: args.reason,
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
      });
    },
  });

  p.step(erDecideExtensionUpdate, {
    check: (args) => {
      p.requireRole(
        args.actor,
        [er.policy.extensionApprover],
        `the approver the policy names (${er.policy.extensionApprover}, G-C4, policy ${er.policy.version})`,
        'approve an extension',
      );
      p.requireStage(S.LegalReview, 'Deciding on an extension');
      if (s.extension?.approved !== null || !s.extension) {
        refuse(ErrorCode.WrongStage, 'No extension of the review period waits for approval.');
      }
      p.requireText(args.reason, 'The decision on an extension states its reason (G-C4).');
    },
    run: async (args) => {
      s.extension = { ...s.extension!, approved: args.approve };
      if (!args.approve) {
        await p.sign({
          taskId: null,
          decision: 'REVIEW_EXTENSION_REFUSED',
          opinion: args.reason,
          actor: args.actor,
          role: args.actor.roles[0],
        });
        return;
      }
      await p.sign({
        taskId: legality.reviewTaskId,
        decision: 'REVIEW_PERIOD_EXTENDED',
        opinion: `${args.reason}（延长 ${er.policy.reviewExtension.amount} ${er.policy.reviewExtension.unit}）`,
        actor: args.actor,
        role: args.actor.roles[0],
      });
      legality.dropReviewTask();
      await openReview(er, er.policy.reviewExtension);
    },
  });

  p.step(erDecideTransferUpdate, {
    check: (args) => {
      p.requireRole(args.actor, [Role.Leader], 'the agency head (负责人)', 'decide on a transfer');
      p.requireStage(S.CrimeTransfer, 'The transfer decision');
      p.requireTask(args.taskId);
      p.requireText(args.reasons, `The transfer decision states its reasons (G-C7, ${cite('TRANSFER/5')}).`);
    },
    run: async (args) => {
      s.transfer = {
        ...s.transfer!,
        approved: args.approve,
        reasons: args.reasons,
        decidedAt: new Date().toISOString(),
      };
      await p.sign({
        taskId: args.taskId,
        decision: args.approve ? 'TRANSFER_APPROVED' : 'TRANSFER_NOT_APPROVED',
        opinion: args.reasons,
        actor: args.actor,
        role: Role.Leader,
        next: args.approve ? S.TransferExecution : S.LegalReview,
      });
      if (args.approve) await enter(er, S.TransferExecution);
      else await openReview(er, er.policy.reviewPeriod);
    },
  });

  p.step(erRecordTransferUpdate, {
    check: (args) => {
      p.requireStage(S.TransferExecution, 'The transfer');
      if (!args.actor.roles.includes(Role.Drafter) || args.actor.unitId !== input.departmentId) {
        refuse(ErrorCode.Forbidden, `Only the case unit makes the transfer (${basis(S.TransferExecution)}).`);
      }
      p.requireTask(args.taskId);
      p.requireText(args.receivingOrgan, `The transfer names the public-security organ (${cite('TRANSFER/3')}).`);
      p.requireText(args.letterReference, `The transfer carries its transfer letter (${cite('TRANSFER/6')}).`);
      if (args.materials.filter((m) => m.trim()).length === 0) {
        refuse(
          ErrorCode.RuleViolation,
          `The transfer lists its materials: investigation report, item list, inspection reports (${cite('TRANSFER/6')}).`,
        );
      }
    },
    run: async (args) => {
      s.transfer = {
        ...s.transfer!,
        receivingOrgan: args.receivingOrgan,
        letterReference: args.letterReference,
        materials: args.materials,
        transferredAt: new Date().toISOString(),
      };
      await p.sign({
        taskId: args.taskId,
        decision: 'TRANSFERRED_TO_PUBLIC_SECURITY',
        opinion: `移送${args.receivingOrgan}（${args.letterReference}）：${args.materials.join('、')}`,
        actor: args.actor,
        role: Role.Drafter,
        next: S.Transferred,
      });
    },
  });
}
