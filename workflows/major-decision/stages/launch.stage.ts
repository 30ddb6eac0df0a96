import { refuse } from '../../activity-proxies';
import { GOVERNMENT } from '../../kernel/procedure-run';
import type { Md } from '../context';
import {
  ErrorCode,
  MajorDecisionStage as Stage,
  mdDecideLaunchUpdate,
  scopeRefusal,
  Role,
  type ClassificationFlags,
  type DecideLaunchArgs,
} from '@lawgate/domain';

const flagWords = (f: ClassificationFlags) =>
  `专业性、技术性较强：${f.professional ? '是' : '否'}；需要风险评估：${f.riskFlagged ? '是' : '否'}`;

/**
 * The launching leader's word on the flags that decide expert argumentation (Art 19) and risk assessment (Art 22):
 * confirmed as declared unless the launch changes them, and a change needs its reason.
 */
function confirmedFlags(md: Md, args: DecideLaunchArgs): { flags: ClassificationFlags; reason: string | null } {
  const declared = { professional: md.cls.professional, riskFlagged: md.cls.riskFlagged };
  const given = args.classification;
  if (!given) return { flags: declared, reason: null };
  if (typeof given.professional !== 'boolean' || typeof given.riskFlagged !== 'boolean') {
    refuse(ErrorCode.ValidationFailed, 'classification takes the flags professional and riskFlagged (true or false).');
  }
  const flags = { professional: given.professional, riskFlagged: given.riskFlagged };
  if (flags.professional === declared.professional && flags.riskFlagged === declared.riskFlagged) {
    return { flags, reason: null };
  }
  const reason = args.classificationReason?.trim();
  if (!reason) {
    refuse(
      ErrorCode.RuleViolation,
      `Changing the declared classification (${flagWords(declared)}) needs the leader's reason: the flags decide ` +
        `whether expert argumentation and risk assessment run (${md.A('D713/10', 'D713/19', 'D713/22')}).`,
    );
  }
  return { flags, reason };
}

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
      if (args.launch && md.confirmsFlags) confirmedFlags(md, args);
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
      let flags = '';
      if (md.confirmsFlags) {
        const declared = { professional: md.cls.professional, riskFlagged: md.cls.riskFlagged };
        const { flags: confirmed, reason } = confirmedFlags(md, args);
        // The confirmed flags decide which conditional stages run from here (the definition reads the input's).
        Object.assign(md.cls, confirmed);
        s.classificationConfirmation = {
          declared,
          confirmed,
          confirmedBy: args.actor.userId,
          reason,
          at: new Date().toISOString(),
        };
        flags = reason
          ? `\n分类标志：申报（${flagWords(declared)}），启动时变更为（${flagWords(confirmed)}），理由：${reason}`
          : `\n分类标志经启动领导确认：${flagWords(confirmed)}`;
      }
      await p.sign({
        taskId: args.taskId,
        decision: 'LAUNCHED',
        opinion: `${args.reason}\n决策承办单位：${args.undertakingUnitId}${lead}${flags}`,
        actor: args.actor,
        role: Role.Leader,
        next: Stage.Drafting,
      });
      await md.enter(Stage.Drafting);
    },
  });
}
