import { refuse } from '../../activity-proxies';
import { basis, current, enter, requireCaseUnit, reviewUnit, type Er } from '../context';
import {
  ErrorCode,
  isSha256,
  EnforcementReviewStage as S,
  erAcceptMaterialsUpdate,
  erRequestMaterialsUpdate,
  erSubmitCaseUpdate,
  type CaseMaterials,
  missingCaseMaterials,
  Role,
} from '@lawgate/domain';

const SUBMITTING: readonly S[] = [S.CasePreparation, S.MaterialsSupplement, S.Rework];

/** What the intake check finds missing in the current version (C5, G-C3). */
export function missingNow(er: Er): string[] {
  const version = current(er);
  if (!version) return ['送审材料'];
  return missingCaseMaterials(version.materials, {
    draft: er.p.documents.DRAFT?.sha256 === version.draftSha256,
    evidence: er.s.evidenceFiles,
    hearing: er.s.hearingRecords,
  });
}

function checkShape(m: CaseMaterials): void {
  for (const e of m.evidence) {
    if (!isSha256(e.fileSha256)) refuse(ErrorCode.RuleViolation, `Evidence "${e.title}" does not name a SHA-256.`);
  }
  if (m.hearingRecordSha256 !== null && !isSha256(m.hearingRecordSha256)) {
    refuse(ErrorCode.RuleViolation, 'The hearing record is not named by a SHA-256.');
  }
}

/**
 * C1–C5: the case unit submits (and, after a supplement request or a review with problems, resubmits) the case as a
 * new version; the review body checks that the materials are complete. The review clock starts only on complete
 * materials (G-C3): a supplement request sends the case back before any clock runs.
 */
export function submission(er: Er): void {
  const { p, s } = er;
  p.step(erSubmitCaseUpdate, {
    check: (args) => {
      requireCaseUnit(er, args.actor, 'submit the case for legal review');
      p.requireNotEnded();
      if (!SUBMITTING.includes(p.stage)) {
        refuse(
          ErrorCode.WrongStage,
          `The case is submitted in preparation, supplement or rework; it is in stage ${basis(p.stage)}.`,
        );
      }
      p.requireIdle();
      if (!p.documents.DRAFT) {
        refuse(ErrorCode.RuleViolation, `Upload the proposed decision (DRAFT) first (${basis(S.CasePreparation)}).`);
      }
      checkShape(args.materials);
      const last = current(er);
      if (
        p.stage === S.Rework &&
        last &&
        last.draftSha256 === p.documents.DRAFT.sha256 &&
        JSON.stringify(last.materials) === JSON.stringify(args.materials)
      ) {
        refuse(
          ErrorCode.RuleViolation,
          `The review found problems: handle them (a changed decision text or materials) before resubmitting ` +
            `(G-C5, ${basis(S.Rework)}).`,
        );
      }
    },
    run: async (args) => {
      const stage = p.stage;
      const version = s.versions.length + 1;
      s.versions.push({
        version,
        materials: args.materials,
        draftSha256: p.documents.DRAFT!.sha256,
        submittedBy: args.actor.userId,
        submittedAt: new Date().toISOString(),
      });
      const open = s.materialsRequests[s.materialsRequests.length - 1];
      if (stage === S.MaterialsSupplement && open) open.supplementedAt = new Date().toISOString();
      const decision =
        stage === S.CasePreparation
          ? 'CASE_SUBMITTED'
          : stage === S.Rework
            ? 'CASE_RESUBMITTED'
            : 'MATERIALS_SUPPLEMENTED';
      await p.sign({
        taskId: p.openTaskId,
        decision,
        opinion: `第${version}版送审：${args.materials.proposedDecision}`,
        actor: args.actor,
        role: Role.Drafter,
        next: S.Intake,
      });
      await enter(er, S.Intake);
    },
  });

  p.step(erRequestMaterialsUpdate, {
    check: (args) => {
      p.requireRole(
        args.actor,
        [Role.LegalAffairsOfficer],
        'the legal review body (法制审核机构)',
        'check the materials',
      );
      p.requireStage(S.Intake, 'The intake check');
      p.requireTask(args.taskId);
      if (args.missing.filter((m) => m.trim()).length === 0) {
        refuse(ErrorCode.RuleViolation, `A supplement request lists what is missing (G-C3, ${basis(S.Intake)}).`);
      }
    },
    run: async (args) => {
      s.materialsRequests.push({ missing: args.missing, requestedAt: new Date().toISOString(), supplementedAt: null });
      await p.sign({
        taskId: args.taskId,
        decision: 'MATERIALS_INCOMPLETE',
        opinion: `请补充：${args.missing.join('；')}（补充期间不计入审核期限）`,
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
        next: S.MaterialsSupplement,
      });
      await enter(er, S.MaterialsSupplement);
    },
  });

  p.step(erAcceptMaterialsUpdate, {
    check: (args) => {
      p.requireRole(
        args.actor,
        [Role.LegalAffairsOfficer],
        'the legal review body (法制审核机构)',
        'check the materials',
      );
      p.requireStage(S.Intake, 'The intake check');
      p.requireTask(args.taskId);
      const missing = missingNow(er);
      if (missing.length > 0) {
        refuse(
          ErrorCode.RuleViolation,
          `The materials are incomplete (${missing.join('；')}): request a supplement; the review period starts only ` +
            `on complete materials (G-C3, ${basis(S.Intake)}).`,
        );
      }
    },
    run: async (args) => {
      await p.sign({
        taskId: args.taskId,
        decision: 'MATERIALS_COMPLETE',
        opinion: `第${current(er)!.version}版材料齐全，审核期限起算`,
        actor: args.actor,
        role: Role.LegalAffairsOfficer,
        next: S.LegalReview,
      });
      s.reviewClockStartedAt = new Date().toISOString();
      s.extension = null;
      await openReview(er, er.policy.reviewPeriod);
    },
  });
}

/** Opens a review task for the case's review body, on the current version, due within `period`. */
export async function openReview(er: Er, period: Er['policy']['reviewPeriod']): Promise<void> {
  er.s.reviewTasks += 1;
  await er.legality.open({
    round: er.s.reviewTasks,
    kind: 'ER_REVIEW',
    title: '重大执法决定法制审核',
    period,
    departmentId: er.input.departmentId,
    drafterIds: er.input.caseHandlerIds,
    expertise: [],
    minimum: null,
    assignTo: reviewUnit(er),
  });
}
