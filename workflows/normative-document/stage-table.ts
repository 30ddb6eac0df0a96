import { GOVERNMENT, OFFICE, type AssignTo } from '../kernel/procedure-run';
import type { Nd, NdPolicy, Stage } from './context';
import { openFiling } from './stages/in-force.stage';
import { NormativeDocumentStage as S } from '../../libs/domain/src/procedures/normative-document.contract';
import type { Period } from '../../libs/domain/src/periods';

type PeriodKey = Exclude<{ [K in keyof NdPolicy]-?: NdPolicy[K] extends Period ? K : never }[keyof NdPolicy], undefined>;

/** The task each stage opens when the procedure enters it: kind, title, who holds it, which period it runs for. */
const STAGE_TASKS: Partial<Record<Stage, { kind: string; title: string; holder: 'DRAFTER' | AssignTo; period: PeriodKey }>> =
  {
    [S.FairCompetitionReview]: {
      kind: 'FAIR_COMPETITION_REVIEW',
      title: '公平竞争审查',
      holder: 'DRAFTER',
      period: 'drafterStepPeriod',
    },
    [S.PublicComment]: { kind: 'PUBLISH_FOR_COMMENT', title: '发布征求意见稿', holder: 'DRAFTER', period: 'drafterStepPeriod' },
    [S.OwnLegalityCheck]: {
      kind: 'OWN_LEGALITY_CHECK',
      title: '本单位合法性审核并报送',
      holder: 'DRAFTER',
      period: 'drafterStepPeriod',
    },
    [S.MaterialsCheck]: { kind: 'MATERIALS_CHECK', title: '审核材料齐全性审查', holder: OFFICE, period: 'materialsCheckPeriod' },
    [S.Revision]: { kind: 'REVISION', title: '根据审核意见修改', holder: 'DRAFTER', period: 'drafterStepPeriod' },
    [S.Deliberation]: { kind: 'DELIBERATION', title: '集体审议决定', holder: GOVERNMENT, period: 'deliberationPeriod' },
    [S.Registration]: { kind: 'REGISTRATION', title: '统一登记、统一编号', holder: OFFICE, period: 'registrationPeriod' },
    [S.Publication]: { kind: 'PUBLICATION', title: '统一发布', holder: OFFICE, period: 'registrationPeriod' },
  };

/** Opens what a stage needs when the procedure enters it (terminal stages and those entered by updates: nothing). */
export async function enter(nd: Nd, stage: Stage): Promise<void> {
  const { p, policy, input } = nd;
  const task = STAGE_TASKS[stage];
  if (task) {
    const holder = task.holder === 'DRAFTER' ? { unitId: input.departmentId } : task.holder;
    await p.openStageTask(task.kind, task.title, holder, policy[task.period]);
  } else if (stage === S.LegalityReview) {
    await nd.legality.open({
      round: p.nextRound(stage),
      kind: 'LEGALITY_REVIEW',
      title: '合法性审核',
      period: policy.legalityReviewMaximum,
      departmentId: input.departmentId,
      drafterIds: [input.applicant.userId],
      expertise: nd.s.expertise,
      // The clock starts now that the materials are complete (G-B5); the minimum protects the reviewer (G-B6).
      minimum: nd.s.emergency ? null : policy.legalityReviewMinimum,
    });
  } else if (stage === S.InForce) {
    await openFiling(nd);
  }
}

/** What each stage waits for, in the words a drafter or an officer would use (terminal stages: nothing). */
const WAITING_FOR: Partial<Record<Stage, string>> = {
  [S.ProjectApproval]: '司法局审批立项申请',
  [S.FairCompetitionReview]: '起草单位完成公平竞争审查',
  [S.OwnLegalityCheck]: '起草单位出具本单位合法性审核意见并报送审核',
  [S.MaterialsCheck]: '司法局审查报送材料是否齐全',
  [S.LegalityReview]: '合法性审核机构（法律顾问）出具审核意见',
  [S.Revision]: '起草单位根据审核意见修改或说明不采纳理由',
  [S.Deliberation]: '集体审议决定，主要负责人签发',
  [S.Registration]: '司法局统一登记、统一编号',
  [S.Publication]: '统一发布',
};

/** What the procedure waits for now: the stage's words, or what the open step inside the stage needs. */
export function waitingFor(nd: Nd): string | null {
  const { p, s } = nd;
  const window = nd.comments.window;
  if (p.stage === S.Drafting) return s.pendingOpinion ? '法律顾问出具意见' : '起草单位上传草案、起草说明和制定依据后提交';
  if (p.stage === S.PublicComment) {
    if (!window) return '起草单位发布征求意见稿';
    return window.closed ? '起草单位逐条答复公众意见' : `公开征求意见，至 ${window.closesAt} 截止`;
  }
  if (p.stage === S.InForce) return s.filing && s.filing.status !== 'ACCEPTED' ? '报送备案，等待备案审查结果' : null;
  return WAITING_FOR[p.stage] ?? null;
}
