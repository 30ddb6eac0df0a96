import { acts } from '../activity-proxies';
import { GOVERNMENT, OFFICE, type AssignTo } from '../kernel/procedure-run';
import type { UpdateDefinition } from '@temporalio/common';
import type { Md, Snap, Stage } from './context';
import {
  MAJOR_DECISION_STAGE_ORDER,
  MajorDecisionStage as S,
  type Actor,
  type MajorDecisionPolicy,
} from '../../libs/domain/src/procedures/major-decision.contract';

type Holder = 'UNDERTAKER' | AssignTo;
type PeriodKey = 'undertakerStepPeriod' | 'organStepPeriod';

/** The task each stage opens when the procedure enters it (Decree 713, A3–A13): kind, title, holder, period. */
const STAGE_TASKS: Partial<Record<Stage, [kind: string, title: string, holder: Holder, period: PeriodKey]>> = {
  [S.Drafting]: ['MD_DRAFTING', '拟订决策草案', 'UNDERTAKER', 'undertakerStepPeriod'],
  [S.Consultation]: ['MD_CONSULTATION', '征求有关部门意见', 'UNDERTAKER', 'undertakerStepPeriod'],
  [S.PublicParticipation]: ['MD_PUBLIC_PARTICIPATION', '公众参与', 'UNDERTAKER', 'undertakerStepPeriod'],
  [S.ExpertArgumentation]: ['MD_EXPERTS', '专家论证', 'UNDERTAKER', 'undertakerStepPeriod'],
  [S.RiskAssessment]: ['MD_RISK', '风险评估', 'UNDERTAKER', 'undertakerStepPeriod'],
  [S.LegalityReview]: ['MD_SUBMIT_LEGALITY', '报送合法性审查', 'UNDERTAKER', 'undertakerStepPeriod'],
  [S.MeetingPackage]: ['MD_MEETING_PACKAGE', '提交审议材料', 'UNDERTAKER', 'undertakerStepPeriod'],
  [S.CollectiveDiscussion]: ['MD_MEETING', '集体讨论决定', GOVERNMENT, 'organStepPeriod'],
  [S.PartyReport]: ['MD_PARTY_REPORT', '向同级党委请示报告', GOVERNMENT, 'organStepPeriod'],
  [S.Publication]: ['MD_PUBLICATION', '决策公布', GOVERNMENT, 'organStepPeriod'],
  [S.Registration]: ['MD_REGISTRATION', '统一登记、统一编号', OFFICE, 'organStepPeriod'],
  [S.Archive]: ['MD_ARCHIVE', '决策档案归档', OFFICE, 'organStepPeriod'],
};

export function undertaker(md: Md): AssignTo {
  return { unitId: md.s.undertakingUnitId ?? md.input.departmentId };
}

/** A step the undertaking unit takes (决策承办单位, Art 11): refused to anyone else before the step's own checks. */
export function undertakerStep<A extends unknown[]>(
  md: Md,
  update: UpdateDefinition<Snap, A>,
  what: string,
  o: { check: (...args: A) => void; run: (...args: A) => Promise<unknown> },
): void {
  md.p.step(update, {
    check: (...args: A) => {
      md.requireUndertaker((args[0] as { actor: Actor }).actor, what);
      o.check(...args);
    },
    run: o.run,
  });
}

/** Opens the stage's task (stages entered through their own updates, or terminal: nothing). */
export async function enter(md: Md, stage: Stage): Promise<void> {
  const task = STAGE_TASKS[stage];
  if (!task) return;
  const [kind, title, holder, period] = task;
  const policy: MajorDecisionPolicy = md.policy;
  await md.p.openStageTask(kind, title, holder === 'UNDERTAKER' ? undertaker(md) : holder, policy[period]);
}

/** The stage after `stage`, skipping the conditional ones this matter does not need. */
function nextAfter(md: Md, stage: Stage): Stage {
  const order = MAJOR_DECISION_STAGE_ORDER;
  for (let i = order.indexOf(stage) + 1; i < order.length; i++) {
    const next = order[i];
    if (next === S.ExpertArgumentation && !md.cls.professional) continue;
    if (next === S.RiskAssessment && !md.cls.riskFlagged) continue;
    if (next === S.Registration && (!md.cls.alsoNormativeDocument || md.registration.record)) continue;
    return next;
  }
  return S.Execution;
}

export async function advance(md: Md): Promise<void> {
  const next = nextAfter(md, md.p.stage);
  md.p.moveTo(next, 'ACTIVE');
  await acts.setStage({ workflowId: md.p.workflowId, stage: next, status: 'ACTIVE' });
  await enter(md, next);
}

/** What the procedure waits for, in the words an officer would use. */
export function waitingFor(md: Md): string | null {
  const { p, s } = md;
  const window = md.comments.window;
  switch (p.stage) {
    case S.ScopeClassification:
      return '决策事项范围界定';
    case S.Launch:
      return '决策机关作出启动决定并确定决策承办单位';
    case S.Drafting:
      return '决策承办单位拟订决策草案（一个或多个方案）';
    case S.Consultation:
      return '决策承办单位与有关部门协商（无共识时报送争议说明）';
    case S.PublicParticipation:
      if (!window) return '决策承办单位公开征求意见';
      if (!window.closed) return `公开征求意见，至 ${window.closesAt} 截止`;
      return '逐条答复公众意见';
    case S.ExpertArgumentation:
      return '组织专家论证，收取签名的书面论证意见';
    case S.RiskAssessment:
      return s.r.uncontrollableSha ? '风险不可控：调整决策草案后重新评估（第二十四条）' : '开展风险评估，形成风险评估报告';
    case S.LegalityReview: {
      const last = md.legality.last();
      if (md.legality.reviewTaskId) return '合法性审查机构（法律顾问、公职律师）出具审查意见';
      if (last && md.legality.changedSinceOpinion() && last.conclusion === 'LAWFUL') {
        return '草案在合法性审查后已修改：重新报送合法性审查';
      }
      if (last) return `合法性审查意见为 ${last.conclusion}：修改草案后重新报送审查`;
      return '决策承办单位报送合法性审查';
    }
    case S.MeetingPackage:
      return '决策承办单位提交审议材料';
    case S.CollectiveDiscussion:
      return '政府常务会议或者全体会议讨论，行政首长最后发表意见并作出决定';
    case S.PartyReport:
      return '向同级党委请示报告';
    case S.Publication:
      return '决策公布';
    case S.Registration:
      return '规范性文件统一登记、统一编号';
    case S.Archive:
      return '决策档案归档';
    case S.Execution:
      return '决策执行（执行情况报告、决策后评估）';
    case S.Suspended:
      return '决策已中止执行：恢复执行或者启动调整程序';
    default:
      return null;
  }
}
