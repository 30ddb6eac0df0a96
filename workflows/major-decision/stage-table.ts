import { acts } from '../activity-proxies';
import type { AssignTo } from '../kernel/procedure-run';
import { openEntryTask } from '../kernel/stage-entry';
import type { UpdateDefinition } from '@temporalio/common';
import type { Md, Snap, Stage } from './context';
import {
  nextStageFor,
  waitingText,
  MAJOR_DECISION_DEFINITION,
  MajorDecisionStage as S,
  type Actor,
} from '@lawgate/domain';

/** A conclusion that lets the draft go on to the meeting (an exploratory reform only with its legal risk stated). */
export function passes(conclusion: string): boolean {
  return conclusion === 'LAWFUL' || conclusion === 'NO_CLEAR_RULE';
}

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
export function enter(md: Md, stage: Stage): Promise<void> {
  return openEntryTask(md.p, MAJOR_DECISION_DEFINITION, stage, md.policy, undertaker(md));
}

/** The stage after `stage` in the definition's order, skipping conditional ones this matter does not need. */
function nextAfter(md: Md, stage: Stage): Stage {
  const registered = (s: Stage) => s === S.Registration && md.registration.record !== null;
  if (!md.registerFirst) {
    // Procedures started before registration came first keep the order they were started with: publish, register.
    if (stage === S.PartyReport) return S.Publication;
    if (stage === S.Publication) {
      return md.cls.alsoNormativeDocument && md.registration.record === null ? S.Registration : S.Archive;
    }
    if (stage === S.Registration) return S.Archive;
  }
  return nextStageFor(MAJOR_DECISION_DEFINITION, stage, md.input, registered) ?? S.Execution;
}

export async function advance(md: Md): Promise<void> {
  const next = nextAfter(md, md.p.stage);
  md.p.moveTo(next, 'ACTIVE');
  await acts.setStage({ workflowId: md.p.workflowId, stage: next, status: 'ACTIVE' });
  await enter(md, next);
}

/** What the procedure waits for, in the words an officer would use (the definition's, by the state of the stage). */
export function waitingFor(md: Md): string | null {
  const { p, s, legality } = md;
  const window = md.comments.window;
  const text = (variant?: string, values?: Record<string, string>) =>
    waitingText(MAJOR_DECISION_DEFINITION, p.stage, variant, values);
  if (p.stage === S.PublicParticipation && window) {
    return window.closed ? text('answering') : text('windowOpen', { closesAt: window.closesAt });
  }
  if (p.stage === S.RiskAssessment && s.r.uncontrollableSha) return text('uncontrollable');
  if (p.stage !== S.LegalityReview) return text();
  const last = legality.last();
  if (legality.reviewTaskId) return text('reviewing');
  if (last && passes(last.conclusion) && legality.changedSinceOpinion()) {
    return '草案在合法性审查后已修改：重新报送合法性审查';
  }
  if (last) return text('revising', { conclusion: last.conclusion });
  return text();
}
