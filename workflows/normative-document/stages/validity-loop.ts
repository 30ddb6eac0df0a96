import { condition } from '@temporalio/workflow';
import { NormativeDocumentStage as Stage, type Period } from '@lawgate/domain';
import type { Nd } from '../context';
import { openEvaluation, replacePredecessor } from './validity.stage';

/** Waits until `atMs` or until `until()` holds, whichever comes first. */
async function waitUntil(atMs: number, until: () => boolean): Promise<void> {
  if (atMs > Date.now()) await condition(until, atMs - Date.now());
}

/**
 * B12 with validity from the effective date: an amendment replaces the document it amends when it takes effect; an
 * evaluation opens before expiry and must be decided: continue (the loop counts again from the new end), amend (the
 * document stays in force until the linked amendment takes effect and replaces it) or let it expire.
 */
export async function runValidity(
  nd: Nd,
  ends: { repealByCleanup: (nd: Nd) => Promise<void>; expire: (nd: Nd) => Promise<void> },
): Promise<void> {
  const { p, s, policy, input } = nd;
  const inForceNow = () => p.stage === Stage.InForce;
  const interrupted = () => !inForceNow() || s.cleanupRepeal !== null;
  if (input.amends && !s.predecessorReplaced) {
    await waitUntil(Date.parse(s.validity.effectiveAt!), interrupted);
    if (s.cleanupRepeal && inForceNow()) return ends.repealByCleanup(nd);
    if (!inForceNow()) return;
    await replacePredecessor(nd, s.publishedBy!);
  }
  for (;;) {
    const round = s.validityRound;
    const changed = () => interrupted() || s.validityRound !== round;
    const expiresMs = Date.parse(s.expiresAt!);
    const effectiveMs = Date.parse(s.validity.effectiveAt!);
    const lead: Period =
      policy.evaluationLead.unit === 'SECONDS' || policy.earliestEffectiveAfter.unit === 'SECONDS'
        ? { amount: Math.max(1, Math.floor((expiresMs - Math.max(effectiveMs, Date.now())) / 2000)), unit: 'SECONDS' }
        : policy.evaluationLead;
    const leadMs = lead.amount * (lead.unit === 'SECONDS' ? 1000 : 24 * 3600 * 1000);
    if (!s.evaluationTaskId && !s.letExpire && !s.amendment) {
      await waitUntil(expiresMs - leadMs, changed);
      if (s.cleanupRepeal && inForceNow()) return ends.repealByCleanup(nd);
      if (!inForceNow()) return;
      if (s.validityRound !== round) continue;
      if (!s.amendment) {
        const remaining = Math.max(1, Math.round((expiresMs - Date.now()) / 1000));
        await openEvaluation(nd, lead.unit === 'SECONDS' ? { amount: remaining, unit: 'SECONDS' } : lead);
      }
    }
    // An amendment under way holds the document in force until it takes effect (or the document is repealed).
    const held = () => s.amendment !== null;
    await waitUntil(expiresMs, () => changed() || held());
    if (s.cleanupRepeal && inForceNow()) return ends.repealByCleanup(nd);
    if (!inForceNow()) return;
    if (s.validityRound !== round) continue;
    if (held()) {
      await condition(changed);
      if (s.cleanupRepeal && inForceNow()) return ends.repealByCleanup(nd);
      if (!inForceNow()) return;
      continue;
    }
    return ends.expire(nd);
  }
}
