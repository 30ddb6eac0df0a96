import { acts, refuse } from '../activity-proxies';
import type { ProcedureRun } from '../kernel/procedure-run';
import type { CrState } from './contract-review.workflow';
import {
  ErrorCode,
  cite,
  ContractReviewStage as S,
  crAddMilestoneUpdate,
  crCloseUpdate,
  crCompleteMilestoneUpdate,
  crRecordAcceptanceUpdate,
  crRecordPaymentUpdate,
  crReportWarningUpdate,
  type Actor,
  type ContractReviewInput,
  type ContractReviewPolicy,
  type ContractReviewSnapshot as Snap,
  paymentDaysRefusal,
  Role,
} from '@lawgate/domain';

/**
 * D9 履行 (G-D5): the contract register — performance milestones, payment deadlines after acceptance (SMEs within 30
 * days, at most 60 if agreed), warning events; the contract closes once every milestone is done and every payment
 * made.
 */
export function performance(
  p: ProcedureRun<S, Snap>,
  s: CrState,
  input: ContractReviewInput,
  policy: () => ContractReviewPolicy,
  requireUnit: (actor: Actor, what: string) => void,
): void {
  const inPerformance = (actor: Actor, what: string) => {
    requireUnit(actor, what);
    p.requireStage(S.Performance, what);
  };
  const note = (decision: string, opinion: string, actor: Actor) =>
    p.sign({ taskId: null, decision, opinion, actor, role: Role.Drafter, sha256: null });

  p.step(crAddMilestoneUpdate, {
    check: (args) => {
      inPerformance(args.actor, 'A milestone');
      p.requireText(args.title, 'A milestone has a title.');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(args.dueDate)) refuse(ErrorCode.RuleViolation, 'A milestone is due on a date.');
    },
    run: async (args) => {
      s.milestones.push({ title: args.title, dueDate: args.dueDate, doneAt: null });
      await note('MILESTONE_ADDED', `${args.title}（${args.dueDate}）`, args.actor);
    },
  });
  p.step(crCompleteMilestoneUpdate, {
    check: (args) => {
      inPerformance(args.actor, 'Completing a milestone');
      if (!s.milestones.some((m) => m.title === args.item && !m.doneAt)) {
        refuse(ErrorCode.RuleViolation, `No open milestone ${args.item}.`);
      }
    },
    run: async (args) => {
      s.milestones.find((m) => m.title === args.item && !m.doneAt)!.doneAt = new Date().toISOString();
      await note('MILESTONE_DONE', args.item, args.actor);
    },
  });
  p.step(crRecordAcceptanceUpdate, {
    check: (args) => {
      inPerformance(args.actor, 'An acceptance');
      p.requireText(args.item, 'An acceptance names what was accepted.');
      const wrong = paymentDaysRefusal(args.agreedDays, policy().smePaymentMaxAgreed.amount);
      if (wrong) refuse(ErrorCode.RuleViolation, `${wrong} (${cite('SME/9')})`);
    },
    run: async (args) => {
      const period = args.agreedDays
        ? { amount: args.agreedDays, unit: policy().smePaymentMaxAgreed.unit }
        : policy().smePaymentPeriod;
      const acceptedAt = new Date().toISOString();
      const { dueAt } = await acts.computeDeadline({ from: acceptedAt, period });
      s.payments.push({ item: args.item, acceptedAt, dueAt: dueAt ?? acceptedAt, paidAt: null });
      await note(
        'ACCEPTANCE_RECORDED',
        `${args.item} 验收；${input.facts.counterpartSme ? '中小企业' : ''}付款期限至 ${dueAt ?? '—'}`,
        args.actor,
      );
    },
  });
  p.step(crRecordPaymentUpdate, {
    check: (args) => {
      inPerformance(args.actor, 'A payment');
      if (!s.payments.some((x) => x.item === args.item && !x.paidAt)) {
        refuse(ErrorCode.RuleViolation, `No unpaid item ${args.item}.`);
      }
    },
    run: async (args) => {
      const pay = s.payments.find((x) => x.item === args.item && !x.paidAt)!;
      pay.paidAt = new Date().toISOString();
      const late = Date.parse(pay.paidAt) > Date.parse(pay.dueAt);
      if (late) s.warnings.push({ kind: 'LATE_PAYMENT', text: `${args.item} 逾期付款`, at: pay.paidAt });
      await note(late ? 'PAYMENT_LATE' : 'PAYMENT_MADE', args.item, args.actor);
    },
  });
  p.step(crReportWarningUpdate, {
    check: (args) => {
      inPerformance(args.actor, 'A warning');
      p.requireText(args.kind, 'A warning names its kind.');
      p.requireText(args.text, 'A warning says what happened.');
    },
    run: async (args) => {
      s.warnings.push({ kind: args.kind, text: args.text, at: new Date().toISOString() });
      await note('PERFORMANCE_WARNING', `${args.kind}：${args.text}`, args.actor);
    },
  });
  p.step(crCloseUpdate, {
    check: (args) => {
      inPerformance(args.actor, 'Closing the contract');
      const open = [
        ...s.milestones.filter((m) => !m.doneAt).map((m) => m.title),
        ...s.payments.filter((x) => !x.paidAt).map((x) => `付款：${x.item}`),
      ];
      if (open.length) refuse(ErrorCode.RuleViolation, `The contract still has open items: ${open.join('、')}.`);
      p.requireText(args.reason, 'Closing states how the contract was performed.');
    },
    run: async (args) => {
      await p.sign({
        taskId: p.openTaskId,
        decision: 'CONTRACT_COMPLETED',
        opinion: args.reason,
        actor: args.actor,
        role: Role.Drafter,
        sha256: null,
        next: S.Completed,
      });
    },
  });
}
