import {
  ErrorCode,
  MajorDecisionStage as Stage,
  mdGiveLegalityOpinionUpdate,
  mdRecordMeetingUpdate,
  mdRecordPartyReportUpdate,
  mdRecordPublicationUpdate,
  mdRegisterDocumentUpdate,
  mdSubmitMeetingPackageUpdate,
} from '@lawgate/domain';
import type { Calls } from '../support/fake-activities';
import { refusal, sha, useWorkflowHarness } from './harness';
import { drafter, leader, officer, toLegalityReview } from './support/major-decision-walk';

/** A decision that is also a normative document: registered and numbered first, then published with its number. */
describe('number before publication (dual track)', () => {
  const harness = useWorkflowHarness('law-number');
  let calls: Calls;
  beforeAll(() => {
    calls = harness.calls;
  });

  it('goes from the Party report to registration, refuses publication without the number, and publishes with it', async () => {
    const [h, s0] = await toLegalityReview(harness, { classification: { alsoNormativeDocument: true } });
    let s = await h.executeUpdate(mdGiveLegalityOpinionUpdate, {
      args: [{ taskId: s0.openTaskId!, conclusion: 'LAWFUL', reasons: '合法', reviewedSha256: sha(1), actor: officer }],
    });
    s = await h.executeUpdate(mdSubmitMeetingPackageUpdate, { args: [{ note: '材料齐全', actor: drafter }] });
    s = await h.executeUpdate(mdRecordMeetingUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          meetingType: 'EXECUTIVE',
          meeting: '区政府第8次常务会议',
          meetingDate: new Date().toISOString(),
          positions: [{ memberId: leader.userId, name: '区长', position: 'FOR', statement: '同意' }],
          attendees: [{ memberId: leader.userId, name: '区长' }],
          membersTotal: 1,
          headId: leader.userId,
          decision: 'ADOPTED',
          actor: leader,
        },
      ],
    });
    s = await h.executeUpdate(mdRecordPartyReportUpdate, {
      args: [
        { taskId: s.openTaskId!, reportedTo: '中共常州市金坛区委', reference: '坛政请〔2026〕1号', actor: leader },
      ],
    });
    // Registration and numbering come first.
    expect(s.stage).toBe(Stage.Registration);
    const early = await refusal(
      h.executeUpdate(mdRecordPublicationUpdate, {
        args: [
          { taskId: s.openTaskId!, channels: ['GAZETTE', 'WEBSITE', 'NEWSPAPER'], reference: '公报', actor: officer },
        ],
      }),
    );
    expect(early.type).toBe(ErrorCode.RuleViolation);
    expect(early.message).toContain('register and number it first');
    expect(early.message).toContain('国办发〔2018〕37号');
    s = await h.executeUpdate(mdRegisterDocumentUpdate, {
      args: [{ taskId: s.openTaskId!, note: '登记', actor: officer }],
    });
    const number = s.registration!.number;
    expect(number).toMatch(/^坛政规〔\d{4}〕\d+号$/);
    expect(s.stage).toBe(Stage.Publication);
    s = await h.executeUpdate(mdRecordPublicationUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          channels: ['GAZETTE', 'WEBSITE', 'NEWSPAPER'],
          reference: '公报2026年第3期',
          actor: officer,
        },
      ],
    });
    expect(s.stage).toBe(Stage.Archive);
    expect(s.publication).toMatchObject({ documentNumber: number });
    const signed = calls.recordDecision.filter((c) => c.workflowId === h.workflowId).map((c) => c.decision);
    expect(signed.slice(signed.indexOf('REPORTED_TO_PARTY_COMMITTEE'))).toEqual([
      'REPORTED_TO_PARTY_COMMITTEE',
      'REGISTERED',
      'PUBLISHED',
    ]);
    const published = calls.recordDecision.find((c) => c.workflowId === h.workflowId && c.decision === 'PUBLISHED')!;
    expect(published.opinion).toContain(`文号：${number}`);
    await h.terminate('test done');
  });
});
