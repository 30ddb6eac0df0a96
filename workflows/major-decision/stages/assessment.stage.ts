import { refuse } from '../../activity-proxies';
import type { Md } from '../context';
import { undertakerStep } from '../stage-table';
import { keepRecord } from '../records';
import {
  isSha256,
  ErrorCode,
  MajorDecisionStage as Stage,
  mdAddExpertOpinionUpdate,
  mdCompleteExpertsUpdate,
  mdRecordRiskAssessmentUpdate,
  Role,
} from '@lawgate/domain';

/** A6 专家论证 (G-A6): signed written opinions; no expert with a direct interest; dissent sought. */
export function expertArgumentation(md: Md): void {
  const { p, s, A } = md;
  undertakerStep(md, mdAddExpertOpinionUpdate, 'record expert opinions', {
    check: (args) => {
      p.requireStage(Stage.ExpertArgumentation, 'An expert opinion');
      const e = args.expert;
      p.requireText(e?.name, 'The expert needs a name.');
      if (e.declaredInterest) {
        refuse(
          ErrorCode.RuleViolation,
          `Expert ${e.name} declared a direct interest in the matter and is excluded (G-A6, ${A('D713/20')}).`,
        );
      }
      p.requireText(e.opinion, 'The expert opinion needs its text.');
      if (!isSha256(e.signedSha256)) {
        refuse(
          ErrorCode.RuleViolation,
          `A written expert opinion must be signed or sealed: give the SHA-256 of the signed opinion (${A('D713/19.2')}).`,
        );
      }
    },
    run: async (args) => {
      const e = args.expert;
      s.r.experts.push({ ...e });
      const entry = await p.sign({
        taskId: null,
        decision: 'EXPERT_OPINION',
        opinion: `${e.name}（${e.affiliation}${e.dissenting ? '，持不同意见' : ''}）：${e.opinion}`,
        actor: args.actor,
        role: Role.Drafter,
        sha256: e.signedSha256,
      });
      await keepRecord(md, 'EXPERT_OPINION', { ...e }, entry);
    },
  });
  undertakerStep(md, mdCompleteExpertsUpdate, 'complete expert argumentation', {
    check: (args) => {
      p.requireStage(Stage.ExpertArgumentation, 'Completing expert argumentation');
      if (s.r.experts.length === 0) {
        refuse(
          ErrorCode.RuleViolation,
          `A professional or technical matter needs expert argumentation (G-A6, ${A('D713/19')}).`,
        );
      }
      p.requireText(args.adoption, `State how the experts' opinions were adopted (${A('D713/29')}).`);
    },
    run: async (args) => {
      s.r.expertAdoption = args.adoption;
      if (!args.dissentingInvited && !s.r.experts.some((e) => e.dissenting)) {
        s.warnings.push(
          `G-A6: no expert holding a dissenting view was invited (${A('D713/20')} "注重选择持不同意见的").`,
        );
      }
      const entry = await p.sign({
        taskId: p.openTaskId,
        decision: 'EXPERTS_ARGUED',
        opinion: `专家 ${s.r.experts.length} 人；意见采纳情况：${args.adoption}`,
        actor: args.actor,
        role: Role.Drafter,
      });
      await keepRecord(
        md,
        'EXPERT_ADOPTION',
        { adoption: args.adoption, experts: s.r.experts.length, dissentingInvited: !!args.dissentingInvited },
        entry,
      );
      await md.advance();
    },
  });
}

/** A7 风险评估 (G-A7): a report with risk points, measures and a plan; an uncontrollable risk needs a new draft. */
export function riskAssessment(md: Md): void {
  const { p, s, A } = md;
  undertakerStep(md, mdRecordRiskAssessmentUpdate, 'record the risk assessment', {
    check: (args) => {
      p.requireStage(Stage.RiskAssessment, 'The risk assessment');
      p.requireText(args.riskPoints, `The risk report names the risk points (${A('D713/23')}).`);
      p.requireText(args.measures, `The risk report names the prevention measures (${A('D713/23')}).`);
      p.requireText(args.contingencyPlan, `The risk report has a contingency plan (${A('D713/23')}).`);
      p.requireText(args.level, 'The risk report states the risk level.');
      p.requireText(args.method, 'The risk report states the method or standard the level was judged by.');
      if (s.r.uncontrollableSha && p.documents.DRAFT?.sha256 === s.r.uncontrollableSha) {
        refuse(
          ErrorCode.RuleViolation,
          `The risk was judged uncontrollable: adjust the draft (a new DRAFT version) before re-rating it (G-A7, ${A('D713/24')}).`,
        );
      }
    },
    run: async (args) => {
      const draftSha = p.documents.DRAFT!.sha256;
      const { riskPoints, measures, contingencyPlan, level, method, controllable } = args;
      s.r.risk = { riskPoints, measures, contingencyPlan, level, method, controllable, draftSha256: draftSha };
      const rating = `风险等级 ${level}（${method}）`;
      if (!controllable) {
        s.r.uncontrollableSha = draftSha;
        const rated = await p.sign({
          taskId: null,
          decision: 'RISK_UNCONTROLLABLE',
          opinion: `${rating}：风险不可控，调整决策草案后重新评估\n风险点：${riskPoints}`,
          actor: args.actor,
          role: Role.Drafter,
        });
        await keepRecord(md, 'RISK_ASSESSMENT', { ...s.r.risk }, rated);
        return;
      }
      s.r.uncontrollableSha = null;
      const entry = await p.sign({
        taskId: p.openTaskId,
        decision: 'RISK_CONTROLLABLE',
        opinion: `${rating}：风险可控\n风险点：${riskPoints}\n防范措施：${measures}\n处置预案：${contingencyPlan}`,
        actor: args.actor,
        role: Role.Drafter,
      });
      await keepRecord(md, 'RISK_ASSESSMENT', { ...s.r.risk }, entry);
      await md.advance();
    },
  });
}
