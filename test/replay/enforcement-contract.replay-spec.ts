import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const HISTORIES = join(__dirname, '..', 'fixtures', 'histories');

interface HistoryEvent {
  eventType: string;
  workflowExecutionStartedEventAttributes?: { workflowType: { name: string } };
  workflowExecutionUpdateAcceptedEventAttributes?: { acceptedRequest: { input: { name: string } } };
}

/** How often each Workflow Update was accepted in a recorded history. */
function updatesOf(file: string): { type: string; updates: Record<string, number> } {
  const { events } = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')) as { events: HistoryEvent[] };
  const updates: Record<string, number> = {};
  for (const e of events) {
    const name = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest.input.name;
    if (name) updates[name] = (updates[name] ?? 0) + 1;
  }
  return { type: events[0].workflowExecutionStartedEventAttributes!.workflowType.name, updates };
}

/**
 * The released enforcement and contract reviews: a straight path and a rework loop of each, recorded from the
 * workflow tests. Each history holds the path it is named for (its workflow type and the updates it took), so that
 * `normative-document.replay-spec.ts`, which replays every history in the folder against today's code, covers both
 * paths of every released version (a change to either workflow goes behind `patched()`).
 */
describe('enforcement and contract review replay', () => {
  const cases = [
    [
      'enforcement-review-v1-happy-path.json',
      'enforcementReviewWorkflow',
      { 'er.recordDecision': 1, 'er.archiveCase': 1 },
    ],
    [
      'enforcement-review-v1-rework-loop.json',
      'enforcementReviewWorkflow',
      { 'er.submitCase': 3, 'er.giveConclusion': 2 },
    ],
    [
      'contract-review-v1-happy-path.json',
      'contractReviewWorkflow',
      { 'cr.giveOpinion': 1, 'cr.sign': 1, 'cr.file': 1 },
    ],
    [
      'contract-review-v1-rework-loop.json',
      'contractReviewWorkflow',
      { 'cr.submit': 2, 'cr.giveOpinion': 3, 'cr.close': 1 },
    ],
    // Recorded with the policy look-up and a document version's record as local activities (`policy-local-activity`,
    // `document-version-local`).
    [
      'enforcement-review-v2-local-activities-happy-path.json',
      'enforcementReviewWorkflow',
      { 'er.recordDecision': 1, 'er.archiveCase': 1, submitDocumentVersion: 2 },
    ],
    [
      'enforcement-review-v2-local-activities-rework-loop.json',
      'enforcementReviewWorkflow',
      { 'er.submitCase': 3, 'er.giveConclusion': 2 },
    ],
    [
      'contract-review-v2-local-activities-happy-path.json',
      'contractReviewWorkflow',
      { 'cr.giveOpinion': 1, 'cr.sign': 1, 'cr.file': 1 },
    ],
    [
      'contract-review-v2-local-activities-rework-loop.json',
      'contractReviewWorkflow',
      { 'cr.submit': 2, 'cr.giveOpinion': 3, 'cr.close': 1 },
    ],
    // Recorded with the archived state kept in PostgreSQL (`archive-state-in-pg`).
    [
      'enforcement-review-v3-archive-state-happy-path.json',
      'enforcementReviewWorkflow',
      { 'er.recordDecision': 1, 'er.archiveCase': 1, submitDocumentVersion: 2 },
    ],
    [
      'enforcement-review-v3-archive-state-rework-loop.json',
      'enforcementReviewWorkflow',
      { 'er.submitCase': 3, 'er.giveConclusion': 2 },
    ],
    [
      'contract-review-v3-archive-state-happy-path.json',
      'contractReviewWorkflow',
      { 'cr.giveOpinion': 1, 'cr.sign': 1, 'cr.file': 1 },
    ],
    [
      'contract-review-v3-archive-state-rework-loop.json',
      'contractReviewWorkflow',
      { 'cr.submit': 2, 'cr.giveOpinion': 3, 'cr.close': 1 },
    ],
    // Recorded with each task opening holding the busy lock until its task is open (`busy-lock-counts-openings`):
    // a register step ran while the expiry reminder opened its task, and ended first.
    [
      'contract-review-v4-busy-lock-counts-openings.json',
      'contractReviewWorkflow',
      { 'cr.file': 1, 'cr.recordAcceptance': 1, 'cr.recordPayment': 1 },
    ],
  ] as const;
  it.each(cases)('should hold the path of %s (%s) that replay covers', (file, type, updates) => {
    const recorded = updatesOf(file);
    expect(recorded.type).toBe(type);
    expect(recorded.updates).toMatchObject(updates);
  });
});
