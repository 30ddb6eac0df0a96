import { refuse } from '../../activity-proxies';
import { GOVERNMENT } from '../../kernel/procedure-run';
import type { Md } from '../context';
import { ErrorCode, MajorDecisionStage as Stage, mdDecideLaunchUpdate, scopeRefusal, Role } from '@lawgate/domain';

/**
 * G-A1 范围界定, A1 决策事项建议: an excluded kind never enters, and the classification with its reason is on record.
 * Returns false when the matter is out of scope (the procedure has ended).
 */
export async function classify(md: Md): Promise<boolean> {
  const { p, input, cls, A } = md;
  const refusal = scopeRefusal(cls.kind);
  if (refusal || !cls.reason?.trim()) {
    await p.sign({
      taskId: null,
      decision: 'OUT_OF_SCOPE',
      opinion: refusal ?? `A classification needs its reason (${A('D713/3')}).`,
      actor: input.proposer,
      role: Role.Drafter,
      next: Stage.OutOfScope,
    });
    return false;
  }
  const proposal = input.proposal;
  await p.sign({
    taskId: null,
    decision: 'CLASSIFIED_IN_SCOPE',
    opinion:
      `事项类别 ${cls.kind}：${cls.reason}\n建议：${proposal.problem}；理由和依据：${proposal.reasonsAndBasis}；` +
      `初步方案：${proposal.preliminarySolution}；必要性和可行性：${proposal.necessityAndFeasibility}`,
    actor: input.proposer,
    role: Role.Drafter,
    next: Stage.Launch,
  });
  await p.openStageTask('MD_LAUNCH', '决策启动', GOVERNMENT, md.policy.launchPeriod);
  return true;
}

/** A1–A2 决策启动 (G-A3): the decision organ launches the matter and names the undertaking unit, or does not. */
export function launch(md: Md): void {
  const { p, s, A } = md;
  p.step(mdDecideLaunchUpdate, {
    check: (args) => {
      p.requireRole(args.actor, [Role.Leader], 'a leader of the decision organ', 'decide whether to launch a matter');
      p.requireStage(Stage.Launch, 'The launch decision');
      p.requireTask(args.taskId);
      p.requireText(args.reason, 'The launch decision needs its reasons.');
      if (args.launch && !args.undertakingUnitId) {
        refuse(
          ErrorCode.RuleViolation,
          `A launch decision must name the undertaking unit (决策承办单位): no drafting before it (G-A3, ${A('D713/11')}).`,
        );
      }
    },
    run: async (args) => {
      if (!args.launch) {
        await p.sign({
          taskId: args.taskId,
          decision: 'NOT_LAUNCHED',
          opinion: args.reason,
          actor: args.actor,
          role: Role.Leader,
          next: Stage.NotLaunched,
        });
        return;
      }
      s.undertakingUnitId = args.undertakingUnitId!;
      s.leadUnitId = args.leadUnitId ?? null;
      const lead = args.leadUnitId ? `；牵头单位：${args.leadUnitId}` : '';
      await p.sign({
        taskId: args.taskId,
        decision: 'LAUNCHED',
        opinion: `${args.reason}\n决策承办单位：${args.undertakingUnitId}${lead}`,
        actor: args.actor,
        role: Role.Leader,
        next: Stage.Drafting,
      });
      await md.enter(Stage.Drafting);
    },
  });
}
