import { refuse } from '../../activity-proxies';
import { freshRound, type Md } from '../context';
import { undertakerStep } from '../stage-table';
import { keepRecord } from '../records';
import {
  ErrorCode,
  MajorDecisionStage as Stage,
  majorStageName,
  mdCloseDecisionUpdate,
  mdRecordEvaluationUpdate,
  mdRecordExecutionReportUpdate,
  mdResumeExecutionUpdate,
  mdStartAdjustmentUpdate,
  mdSuspendExecutionUpdate,
  Role,
} from '@lawgate/domain';

const organRole = (roles: Role[]) => (roles.includes(Role.Leader) ? Role.Leader : Role.LegalAffairsOfficer);

/** A14–A16 执行、评估、中止、调整 (G-A16): reports, evaluation, urgent suspension, adjustment, closing the case. */
export function execution(md: Md): void {
  const { p, s, A } = md;
  const requireExecuting = (what: string, allowSuspended = false) => {
    p.requireNotEnded();
    if (p.stage !== Stage.Execution && !(allowSuspended && p.stage === Stage.Suspended)) {
      refuse(
        ErrorCode.WrongStage,
        `${what} belongs to execution (${majorStageName(Stage.Execution)}); the procedure is in stage ${p.stage}.`,
      );
    }
    p.requireIdle();
  };
  const leader = (actor: Parameters<typeof p.requireRole>[0], who: string, what: string) =>
    p.requireRole(actor, [Role.Leader], who, what);
  const organ = (actor: Parameters<typeof p.requireRole>[0], what: string) =>
    p.requireRole(actor, [Role.Leader, Role.LegalAffairsOfficer], 'the decision organ', what);

  undertakerStep(md, mdRecordExecutionReportUpdate, 'report on execution', {
    check: (args) => {
      requireExecuting('An execution report', true);
      if (args.kind !== 'PROGRESS' && args.kind !== 'PROBLEM') {
        refuse(ErrorCode.ValidationFailed, 'kind is PROGRESS or PROBLEM.');
      }
      p.requireText(args.text, `The report needs its text (${A('D713/34', 'D713/35')}).`);
    },
    run: async (args) => {
      const report = { kind: args.kind, text: args.text, at: new Date().toISOString() };
      s.executionReports.push(report);
      const entry = await p.sign({
        taskId: null,
        decision: `EXECUTION_${args.kind}`,
        opinion: args.text,
        actor: args.actor,
        role: Role.Drafter,
      });
      await keepRecord(md, 'EXECUTION_REPORT', { ...report }, entry);
    },
  });
  p.step(mdRecordEvaluationUpdate, {
    check: (args) => {
      organ(args.actor, 'record a post-decision evaluation');
      requireExecuting('A post-decision evaluation', true);
      p.requireText(args.evaluator, 'Name the evaluating unit.');
      if (args.didPreDecisionWork) {
        refuse(
          ErrorCode.RuleViolation,
          `A unit that did the main pre-decision argumentation or assessment cannot evaluate the decision (${A('D713/36')}).`,
        );
      }
      p.requireText(args.result, 'The evaluation needs its result.');
    },
    run: async (args) => {
      const evaluation = { evaluator: args.evaluator, result: args.result, at: new Date().toISOString() };
      s.evaluations.push(evaluation);
      const entry = await p.sign({
        taskId: null,
        decision: 'EVALUATED',
        opinion: `评估单位：${args.evaluator}\n${args.result}`,
        actor: args.actor,
        role: organRole(args.actor.roles),
      });
      await keepRecord(md, 'EVALUATION', { ...evaluation }, entry);
    },
  });
  p.step(mdSuspendExecutionUpdate, {
    check: (args) => {
      leader(args.actor, 'the head of government', 'suspend execution');
      // Art 37: the head of the decision organ (行政首长) — the one who decided at the meeting — may suspend first.
      const head = s.r.minutes?.headId;
      if (head && args.actor.userId !== head) {
        refuse(
          ErrorCode.Forbidden,
          `Only the head of government (行政首长) who decided the matter can suspend its execution first ` +
            `(G-A16, ${A('D713/37')}); other leaders report the problem or start an adjustment.`,
        );
      }
      requireExecuting('An urgent suspension');
      p.requireText(args.reason, `An urgent suspension needs its reason (G-A16, ${A('D713/35', 'D713/37')}).`);
    },
    run: async (args) => {
      s.suspension = { reason: args.reason, at: new Date().toISOString() };
      const signed = {
        taskId: null,
        decision: 'SUSPENDED',
        opinion: args.reason,
        actor: args.actor,
        role: Role.Leader,
      };
      await p.sign({ ...signed, next: Stage.Suspended, status: 'SUSPENDED' });
    },
  });
  p.step(mdResumeExecutionUpdate, {
    check: (args) => {
      leader(args.actor, 'the head of government', 'resume execution');
      p.requireStage(Stage.Suspended, 'Resuming execution');
      p.requireText(args.reason, 'Resuming needs its reason.');
    },
    run: async (args) => {
      s.suspension = null;
      await p.sign({
        taskId: null,
        decision: 'RESUMED',
        opinion: args.reason,
        actor: args.actor,
        role: Role.Leader,
        next: Stage.Execution,
      });
    },
  });
  p.step(mdStartAdjustmentUpdate, {
    check: (args) => {
      leader(args.actor, 'the decision organ', 'start an adjustment');
      requireExecuting('An adjustment', true);
      p.requireText(
        args.reason,
        `An adjustment needs its reason; it re-runs the statutory steps (G-A16, ${A('D713/37')}).`,
      );
    },
    run: async (args) => {
      await p.sign({
        taskId: null,
        decision: 'ADJUSTMENT_STARTED',
        opinion: `${args.reason}\n重新履行法定程序（第 ${p.round + 1} 轮）`,
        actor: args.actor,
        role: Role.Leader,
        next: Stage.Drafting,
      });
      // A major adjustment re-runs the statutory steps (Art 37): this round's records start afresh; the earlier
      // round's stay in the ledger and the archive.
      p.round += 1;
      s.r = freshRound();
      md.comments.reset();
      md.legality.reset();
      s.suspension = null;
      await md.enter(Stage.Drafting);
    },
  });
  p.step(mdCloseDecisionUpdate, {
    check: (args) => {
      organ(args.actor, 'close the case');
      requireExecuting('Closing the case', true);
      if (!s.r.archived) {
        refuse(
          ErrorCode.RuleViolation,
          `The case cannot close before its records are archived (G-A15, ${A('D713/33')}).`,
        );
      }
      p.requireText(args.reason, 'Closing needs its reason.');
    },
    run: async (args) => {
      await p.sign({
        taskId: null,
        decision: 'CLOSED',
        opinion: args.reason,
        actor: args.actor,
        role: organRole(args.actor.roles),
        next: Stage.Closed,
      });
    },
  });
}
