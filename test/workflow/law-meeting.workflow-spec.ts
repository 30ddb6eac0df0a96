import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  Role,
  MajorDecisionStage as Stage,
  mdArchiveUpdate,
  mdGiveLegalityOpinionUpdate,
  mdRecordMeetingUpdate,
  mdRecordPartyReportUpdate,
  mdRecordPublicationUpdate,
  mdSubmitMeetingPackageUpdate,
  mdSuspendExecutionUpdate,
} from '@lawgate/domain';
import type { Calls } from '../support/fake-activities';
import { person, refusal, sha, useWorkflowHarness } from './harness';
import { drafter, leader, officer, toLegalityReview } from './support/major-decision-walk';

/** Decree 713 Art 32 and Art 37: the channels of publication, and who suspends a decision. */
describe('publication channels and suspension of a major decision', () => {
  const harness = useWorkflowHarness('law-meeting');
  let calls: Calls;
  beforeAll(() => {
    calls = harness.calls;
  });

  it('publishes through every Art 32 channel or with the reason one is not used, and only the head suspends (Art 37)', async () => {
    const [h, s0] = await toLegalityReview(harness);
    let s = await h.executeUpdate(mdGiveLegalityOpinionUpdate, {
      args: [{ taskId: s0.openTaskId!, conclusion: 'LAWFUL', reasons: '合法', reviewedSha256: sha(1), actor: officer }],
    });
    s = await h.executeUpdate(mdSubmitMeetingPackageUpdate, { args: [{ note: '材料齐全', actor: drafter }] });
    const deputy = person([Role.Leader], randomUUID(), '副区长');
    s = await h.executeUpdate(mdRecordMeetingUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          meetingType: 'EXECUTIVE',
          meeting: '区政府第8次常务会议',
          meetingDate: new Date().toISOString(),
          positions: [
            { memberId: deputy.userId, name: '副区长', position: 'FOR', statement: '同意' },
            { memberId: leader.userId, name: '区长', position: 'FOR', statement: '同意' },
          ],
          attendees: [
            { memberId: deputy.userId, name: '副区长' },
            { memberId: leader.userId, name: '区长' },
          ],
          membersTotal: 3,
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
    expect(s.stage).toBe(Stage.Publication);
    const noPaper = await refusal(
      h.executeUpdate(mdRecordPublicationUpdate, {
        args: [{ taskId: s.openTaskId!, channels: ['GAZETTE', 'WEBSITE'], reference: '公报', actor: officer }],
      }),
    );
    expect(noPaper.type).toBe(ErrorCode.RuleViolation);
    expect(noPaper.message).toContain('NEWSPAPER');
    expect(noPaper.message).toContain('第三十二条');
    s = await h.executeUpdate(mdRecordPublicationUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          channels: ['GAZETTE', 'WEBSITE'],
          channelsNotUsed: [{ channel: 'NEWSPAPER', reason: '本区无本地发行报纸' }],
          reference: '公报2026年第3期',
          actor: officer,
        },
      ],
    });
    expect(s.publication?.channelsNotUsed).toEqual([{ channel: 'NEWSPAPER', reason: '本区无本地发行报纸' }]);
    const published = calls.recordDecision.find((c) => c.workflowId === h.workflowId && c.decision === 'PUBLISHED')!;
    expect(published.opinion).toContain('未通过 NEWSPAPER 公布的理由：本区无本地发行报纸');
    s = await h.executeUpdate(mdArchiveUpdate, { args: [{ taskId: s.openTaskId!, note: '归档', actor: officer }] });
    expect(s.stage).toBe(Stage.Execution);

    // Art 37: a leader other than the head who decided cannot suspend; the head can.
    const byDeputy = await refusal(
      h.executeUpdate(mdSuspendExecutionUpdate, { args: [{ reason: '情况紧急', actor: deputy }] }),
    );
    expect(byDeputy.type).toBe(ErrorCode.Forbidden);
    expect(byDeputy.message).toContain('行政首长');
    expect(byDeputy.message).toContain('第三十七条');
    s = await h.executeUpdate(mdSuspendExecutionUpdate, { args: [{ reason: '情况紧急', actor: leader }] });
    expect(s.stage).toBe(Stage.Suspended);
    await h.terminate('test done');
  });
});
