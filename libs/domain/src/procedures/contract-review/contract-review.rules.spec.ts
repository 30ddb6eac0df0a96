import { MAJOR_DECISION, MajorDecisionStage } from '../major-decision/major-decision.contract';
import { MAJOR_DECISION_ADOPTED, majorDecisionLinkRefusal, type LinkedDecisionState } from './contract-review.rules';

const id = '6f1c2a3b-0000-4000-8000-000000000001';
const decision = (stage: string, decided: string[] = [MAJOR_DECISION_ADOPTED]): LinkedDecisionState => ({
  type: MAJOR_DECISION,
  stage,
  title: '农贸市场特许经营',
  decided,
});

/** G-D6: a contract that is itself a major decision is signed only while that decision stands adopted. */
describe('majorDecisionLinkRefusal', () => {
  it('lets the contract be signed once the decision is adopted and being carried out', () => {
    for (const stage of [
      MajorDecisionStage.PartyReport,
      MajorDecisionStage.Publication,
      MajorDecisionStage.Archive,
      MajorDecisionStage.Execution,
    ]) {
      expect(majorDecisionLinkRefusal(id, decision(stage))).toBeNull();
    }
  });

  it('refuses before the meeting adopted it, naming the gate, the article and the stage', () => {
    const refusal = majorDecisionLinkRefusal(id, decision(MajorDecisionStage.LegalityReview, []));
    expect(refusal).toContain('G-D6');
    expect(refusal).toContain('第三十条');
    expect(refusal).toContain('LEGALITY_REVIEW');
    expect(majorDecisionLinkRefusal(id, decision(MajorDecisionStage.NotAdopted, []))).toContain('not been adopted');
  });

  it('refuses while the execution is suspended and after the case is closed', () => {
    expect(majorDecisionLinkRefusal(id, decision(MajorDecisionStage.Suspended))).toContain('第三十七条');
    expect(majorDecisionLinkRefusal(id, decision(MajorDecisionStage.Closed))).toContain('closed');
  });

  it('refuses a link to nothing or to a procedure of another type', () => {
    expect(majorDecisionLinkRefusal(id, null)).toContain(id);
    expect(majorDecisionLinkRefusal(id, { ...decision(MajorDecisionStage.Execution), type: 'OTHER' })).toContain(
      'does not exist',
    );
  });
});
