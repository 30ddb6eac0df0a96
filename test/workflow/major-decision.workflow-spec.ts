import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { WorkflowHandle } from '@temporalio/client';
import {
  DocumentKind,
  ErrorCode,
  Role,
  type Actor,
  MajorDecisionStage as Stage,
  getMajorDecisionStateQuery,
  mdAddExpertOpinionUpdate,
  mdAnswerCommentUpdate,
  mdArchiveUpdate,
  mdCloseDecisionUpdate,
  mdCompleteExpertsUpdate,
  mdCompletePublicParticipationUpdate,
  mdDecideLaunchUpdate,
  mdGiveLegalityOpinionUpdate,
  mdOpenCommentWindowUpdate,
  mdRecordConsultationUpdate,
  mdRecordEvaluationUpdate,
  mdRecordExecutionReportUpdate,
  mdRecordHearingUpdate,
  mdRecordMeetingUpdate,
  mdRecordPartyReportUpdate,
  mdRecordPublicationUpdate,
  mdRecordRiskAssessmentUpdate,
  mdRegisterDocumentUpdate,
  mdStartAdjustmentUpdate,
  mdSubmitDocumentVersionUpdate,
  mdSubmitDraftOptionsUpdate,
  mdSubmitForLegalityReviewUpdate,
  mdSubmitMeetingPackageUpdate,
  mdSuspendExecutionUpdate,
  type MajorDecisionPolicy,
  type MajorDecisionSnapshot,
  type MajorDecisionWorkflow,
  type MemberPositionRecord,
  type ScopeClassification,
} from '@lawgate/domain';
import { eventually } from '../support/eventually';
import type { Calls } from '../support/fake-activities';
import { person, recordHistory, refusal, sha, useWorkflowHarness } from './harness';
import { testEnv } from '../support/test-env';
import {
  PUBLIC_CONSTRUCTION,
  departmentId,
  majorDecisionInput,
  startMajorDecision,
} from './support/major-decision-walk';

const actor = (roles: Role[], unitId: string, name: string = roles[0]): Actor => ({
  ...person(roles, unitId, name),
  username: name.toLowerCase(),
});
const drafter = actor([Role.Drafter], departmentId);
const officer = actor([Role.LegalAffairsOfficer], randomUUID());
const leader = actor([Role.Leader], randomUUID(), 'HEAD');

/** The shared test policy, with a comment window long enough to receive a comment. */
const POLICY: Partial<MajorDecisionPolicy> = { commentMinimum: { amount: 2, unit: 'SECONDS' } };

const BASE: ScopeClassification = {
  ...PUBLIC_CONSTRUCTION,
  reason: '区域重大公共建设项目（第三条第一款第四项）',
};

type Handle = WorkflowHandle<MajorDecisionWorkflow>;

/** Positions of a meeting: two members, then the head (who speaks last). */
function positions(others: MemberPositionRecord['position'][], head: MemberPositionRecord['position']) {
  return [
    ...others.map((position, i) => ({
      memberId: `m${i}`,
      name: `成员${i}`,
      position,
      statement: position === 'AGAINST' ? `我反对：理由${i}` : '同意',
    })),
    { memberId: leader.userId, name: '区长', position: head, statement: '最后发言' },
  ];
}

/** The members present (every member whose position is recorded) and a meeting of five members: a quorum. */
function present(of: { memberId: string; name: string }[]) {
  return { attendees: of.map((x) => ({ memberId: x.memberId, name: x.name })), membersTotal: 5 };
}

describe('majorDecisionWorkflow (重大行政决策, 国务院令第713号)', () => {
  const harness = useWorkflowHarness('md');
  let calls: Calls;
  let comments: Map<string, string[]>;

  beforeAll(() => {
    calls = harness.calls;
    comments = harness.comments;
  });

  async function start(classification: Partial<ScopeClassification> = {}): Promise<[Handle, MajorDecisionSnapshot]> {
    return startMajorDecision(
      harness,
      majorDecisionInput({ proposer: drafter, classification: { ...BASE, ...classification }, policy: POLICY }),
    );
  }

  const state = (h: Handle) => h.query(getMajorDecisionStateQuery);

  async function draft(h: Handle, n: number) {
    return h.executeUpdate(mdSubmitDocumentVersionUpdate, {
      args: [
        {
          kind: DocumentKind.Draft,
          sha256: sha(n),
          size: 10,
          mediaType: 'text/plain',
          filename: 'draft.txt',
          note: `第${n}稿`,
          actor: drafter,
        },
      ],
    });
  }

  /** Launch → drafting → consultation → public participation answered. */
  async function throughPublicParticipation(h: Handle, s: MajorDecisionSnapshot): Promise<MajorDecisionSnapshot> {
    s = await h.executeUpdate(mdDecideLaunchUpdate, {
      args: [
        { taskId: s.openTaskId!, launch: true, undertakingUnitId: departmentId, reason: '列入年度目录', actor: leader },
      ],
    });
    expect(s.stage).toBe(Stage.Drafting);
    await draft(h, 1);
    s = await h.executeUpdate(mdSubmitDraftOptionsUpdate, {
      args: [{ options: [{ label: '方案一', sha256: sha(1) }], lawInventory: '城乡规划法等', actor: drafter }],
    });
    expect(s.stage).toBe(Stage.Consultation);
    s = await h.executeUpdate(mdRecordConsultationUpdate, {
      args: [{ consulted: ['财政局', '自然资源局'], consensus: true, actor: drafter }],
    });
    expect(s.stage).toBe(Stage.PublicParticipation);
    comments.set(s.procedureId, ['c1']);
    await h.executeUpdate(mdOpenCommentWindowUpdate, { args: [{ actor: drafter }] });
    await eventually(async () => expect((await state(h)).commentWindow?.closed).toBe(true), 10000);
    await h.executeUpdate(mdAnswerCommentUpdate, {
      args: [{ commentId: 'c1', answer: 'PARTLY_ADOPTED', reason: '部分采纳', actor: drafter }],
    });
    return h.executeUpdate(mdCompletePublicParticipationUpdate, { args: [{ actor: drafter }] });
  }

  async function legality(h: Handle, conclusion: 'LAWFUL' | 'UNLAWFUL', n: number): Promise<MajorDecisionSnapshot> {
    const s = await h.executeUpdate(mdSubmitForLegalityReviewUpdate, {
      args: [{ basisStatement: '城乡规划法第X条', proceduresPerformed: '已履行公众参与等程序', actor: drafter }],
    });
    return h.executeUpdate(mdGiveLegalityOpinionUpdate, {
      args: [{ taskId: s.openTaskId!, conclusion, reasons: '审查意见', reviewedSha256: sha(n), actor: officer }],
    });
  }

  async function meeting(h: Handle, s: MajorDecisionSnapshot): Promise<MajorDecisionSnapshot> {
    return h.executeUpdate(mdRecordMeetingUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          meetingType: 'EXECUTIVE',
          meeting: '区政府第8次常务会议',
          meetingDate: new Date().toISOString(),
          positions: positions(['FOR', 'AGAINST', 'FOR'], 'FOR'),
          ...present(positions(['FOR', 'AGAINST', 'FOR'], 'FOR')),
          headId: leader.userId,
          decision: 'ADOPTED',
          actor: leader,
        },
      ],
    });
  }

  /** From legality review to execution. */
  async function throughArchive(h: Handle, s: MajorDecisionSnapshot, wide = false): Promise<MajorDecisionSnapshot> {
    s = await legality(h, 'LAWFUL', 1);
    expect(s.stage).toBe(Stage.MeetingPackage);
    s = await h.executeUpdate(mdSubmitMeetingPackageUpdate, { args: [{ note: '材料齐全', actor: drafter }] });
    expect(s.stage).toBe(Stage.CollectiveDiscussion);
    s = await meeting(h, s);
    expect(s.stage).toBe(Stage.PartyReport);
    s = await h.executeUpdate(mdRecordPartyReportUpdate, {
      args: [
        { taskId: s.openTaskId!, reportedTo: '中共常州市金坛区委', reference: '坛政请〔2026〕1号', actor: leader },
      ],
    });
    // A decision that is also a normative document is registered and numbered before it is published.
    if (s.stage === Stage.Registration) return s;
    s = await h.executeUpdate(mdRecordPublicationUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          channels: ['GAZETTE', 'WEBSITE', 'NEWSPAPER'],
          reference: '金坛区政府公报2026年第3期',
          ...(wide ? { opinionsExplanation: '公众意见12条采纳5条' } : {}),
          actor: officer,
        },
      ],
    });
    expect(s.stage).toBe(Stage.Archive);
    return h.executeUpdate(mdArchiveUpdate, { args: [{ taskId: s.openTaskId!, note: '归档', actor: officer }] });
  }

  it('runs the full path: every stage signed, experts and risk, publication, archive, execution, close', async () => {
    const [h, s0] = await start({ professional: true, riskFlagged: true, wideConcern: true });
    expect(s0.stage).toBe(Stage.Launch);
    let s = await throughPublicParticipation(h, s0);
    expect(s.stage).toBe(Stage.ExpertArgumentation);
    await h.executeUpdate(mdAddExpertOpinionUpdate, {
      args: [
        {
          expert: {
            name: '王教授',
            affiliation: '河海大学',
            declaredInterest: false,
            dissenting: true,
            opinion: '可行',
            signedSha256: sha(90),
          },
          actor: drafter,
        },
      ],
    });
    s = await h.executeUpdate(mdCompleteExpertsUpdate, {
      args: [{ adoption: '已采纳', dissentingInvited: true, actor: drafter }],
    });
    expect(s.warnings).toEqual([]);
    expect(s.stage).toBe(Stage.RiskAssessment);
    s = await h.executeUpdate(mdRecordRiskAssessmentUpdate, {
      args: [
        {
          riskPoints: '征地',
          measures: '补偿',
          contingencyPlan: '预案',
          level: 'LOW',
          method: 'DB32/T 4013-2021',
          controllable: true,
          actor: drafter,
        },
      ],
    });
    expect(s.stage).toBe(Stage.LegalityReview);
    // Wide concern: publication without the explanation of how opinions were used is refused.
    s = await legality(h, 'LAWFUL', 1);
    s = await h.executeUpdate(mdSubmitMeetingPackageUpdate, { args: [{ note: '材料齐全', actor: drafter }] });
    s = await meeting(h, s);
    s = await h.executeUpdate(mdRecordPartyReportUpdate, {
      args: [{ taskId: s.openTaskId!, reportedTo: '区委', reference: 'R1', actor: leader }],
    });
    const noExplanation = await refusal(
      h.executeUpdate(mdRecordPublicationUpdate, {
        args: [
          { taskId: s.openTaskId!, channels: ['GAZETTE', 'WEBSITE', 'NEWSPAPER'], reference: 'url', actor: officer },
        ],
      }),
    );
    expect(noExplanation.message).toContain('第三十二条');
    s = await h.executeUpdate(mdRecordPublicationUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          channels: ['GAZETTE', 'WEBSITE', 'NEWSPAPER'],
          reference: 'url',
          opinionsExplanation: '说明',
          actor: officer,
        },
      ],
    });
    expect(s.stage).toBe(Stage.Archive);
    s = await h.executeUpdate(mdArchiveUpdate, { args: [{ taskId: s.openTaskId!, note: '归档', actor: officer }] });
    expect(s.stage).toBe(Stage.Execution);
    await h.executeUpdate(mdRecordExecutionReportUpdate, {
      args: [{ kind: 'PROGRESS', text: '按期推进', actor: drafter }],
    });
    const interested = await refusal(
      h.executeUpdate(mdRecordEvaluationUpdate, {
        args: [{ evaluator: '论证单位', didPreDecisionWork: true, result: '好', actor: leader }],
      }),
    );
    expect(interested.message).toContain('第三十六条');
    await h.executeUpdate(mdRecordEvaluationUpdate, {
      args: [{ evaluator: '第三方', didPreDecisionWork: false, result: '达到预期', actor: leader }],
    });
    s = await h.executeUpdate(mdCloseDecisionUpdate, { args: [{ reason: '执行完毕', actor: leader }] });
    expect(s.stage).toBe(Stage.Closed);
    const result = await h.result();
    expect(result.steps.map((x) => x.decision)).toEqual([
      'CLASSIFIED_IN_SCOPE',
      'LAUNCHED',
      'DRAFTED',
      'CONSULTED_CONSENSUS',
      'PUBLISHED_FOR_COMMENT',
      'PUBLIC_OPINIONS_ANSWERED',
      'EXPERT_OPINION',
      'EXPERTS_ARGUED',
      'RISK_CONTROLLABLE',
      'SUBMITTED_FOR_LEGALITY_REVIEW',
      'LEGALITY_LAWFUL',
      'MEETING_PACKAGE_COMPLETE',
      'DECIDED_ADOPTED',
      'REPORTED_TO_PARTY_COMMITTEE',
      'PUBLISHED',
      'ARCHIVED',
      'EXECUTION_PROGRESS',
      'EVALUATED',
      'CLOSED',
    ]);
    // G-A9: the legality review went to the legal-affairs office (Art 28), with the article on the task.
    const review = calls.openTask.find((c) => c.procedureId === s.procedureId && c.kind === 'MD_LEGALITY_REVIEW')!;
    expect(review.assignTo).toEqual({ unitKind: 'LEGAL_AFFAIRS_OFFICE' });
    expect(review.legalBasis.article).toBe('第二十五条至第二十八条');
    expect(result.minutes?.positions.at(-1)?.memberId).toBe(leader.userId);
    expect(result.minutes?.positions.find((p) => p.position === 'AGAINST')?.statement).toBe('我反对：理由1');
    // Each step's record is kept in PostgreSQL at the step, linked to its sign-off, once (keyed by the update).
    const kept = calls.recordDecisionRecord.filter((c) => c.procedureId === s.procedureId);
    expect(kept.map((c) => c.kind)).toEqual(
      expect.arrayContaining([
        'EXPERT_OPINION',
        'EXPERT_ADOPTION',
        'RISK_ASSESSMENT',
        'MEETING_MINUTES',
        'PARTY_REPORT',
        'PUBLICATION',
        'EXECUTION_REPORT',
        'EVALUATION',
      ]),
    );
    expect(kept.every((c) => c.ledgerHash !== null && c.idempotencyKey.endsWith(`:${c.kind}`))).toBe(true);
    expect(new Set(kept.map((c) => c.idempotencyKey)).size).toBe(kept.length);
    expect(kept.find((c) => c.kind === 'MEETING_MINUTES')?.content).toMatchObject({ decision: 'ADOPTED' });
    if (process.env.RECORD_HISTORY_FILE) {
      // Recorded in the CLI's JSON form, which the replay tier reads (test/fixtures/histories).
      const json = execFileSync(process.env.TEMPORAL_CLI_PATH!, [
        'workflow',
        'show',
        '--workflow-id',
        h.workflowId,
        '--address',
        testEnv().temporalAddress,
        '--output',
        'json',
      ]);
      writeFileSync(process.env.RECORD_HISTORY_FILE, json);
    }
  });

  it('binds the legality opinion to the draft reviewed: a new draft after a LAWFUL opinion re-opens the review (G-A8)', async () => {
    const [h, s0] = await start();
    let s = await throughPublicParticipation(h, s0);
    expect(s.stage).toBe(Stage.LegalityReview);
    s = await h.executeUpdate(mdSubmitForLegalityReviewUpdate, {
      args: [{ basisStatement: '城乡规划法第X条', proceduresPerformed: '已履行公众参与等程序', actor: drafter }],
    });
    // Under review, the text cannot change.
    const underReview = await refusal(draft(h, 2));
    expect(underReview.type).toBe(ErrorCode.WrongStage);
    expect(underReview.message).toContain('under legality review');
    s = await h.executeUpdate(mdGiveLegalityOpinionUpdate, {
      args: [{ taskId: s.openTaskId!, conclusion: 'LAWFUL', reasons: '合法', reviewedSha256: sha(1), actor: officer }],
    });
    expect(s.stage).toBe(Stage.MeetingPackage);
    // Draft v2 after the LAWFUL opinion on v1: the review re-opens; the meeting package is refused, naming the article.
    s = await draft(h, 2);
    expect(s.stage).toBe(Stage.LegalityReview);
    const refused = await refusal(
      h.executeUpdate(mdSubmitMeetingPackageUpdate, { args: [{ note: '材料齐全', actor: drafter }] }),
    );
    expect(refused.type).toBe(ErrorCode.RuleViolation);
    expect(refused.message).toContain('第二十五条');
    expect(refused.message).toContain('binds the text it reviewed');
    // Reviewed again on v2, the package passes and the meeting decides on the text reviewed.
    s = await legality(h, 'LAWFUL', 2);
    expect(s.stage).toBe(Stage.MeetingPackage);
    s = await h.executeUpdate(mdSubmitMeetingPackageUpdate, { args: [{ note: '材料齐全', actor: drafter }] });
    s = await meeting(h, s);
    expect(s.stage).toBe(Stage.PartyReport);
    const signed = calls.recordDecision.filter((c) => c.workflowId === h.workflowId);
    expect(signed.find((c) => c.decision === 'LEGALITY_REVIEW_REOPENED')?.documentSha256).toBe(sha(2));
    expect(signed.find((c) => c.decision === 'DECIDED_ADOPTED')?.documentSha256).toBe(sha(2));
    expect(s.legalityOpinions.map((o) => o.reviewedSha256)).toEqual([sha(1), sha(2)]);
    recordHistory(h.workflowId);
  });

  it('refuses an excluded kind at scope classification (Art 3 §2): no task is ever opened', async () => {
    const [h, s] = await start({ kind: 'EMERGENCY_RESPONSE' });
    expect(s.stage).toBe(Stage.OutOfScope);
    const result = await h.result();
    expect(result.steps.map((x) => x.decision)).toEqual(['OUT_OF_SCOPE']);
    expect(calls.openTask.filter((c) => c.procedureId === s.procedureId)).toHaveLength(0);
    const signed = calls.recordDecision.find((c) => c.procedureId === s.procedureId)!;
    expect(signed.opinion).toContain('第三条第二款');
  });

  it('refuses a launch without an undertaking unit (G-A3)', async () => {
    const [h, s] = await start();
    const refused = await refusal(
      h.executeUpdate(mdDecideLaunchUpdate, {
        args: [{ taskId: s.openTaskId!, launch: true, reason: 'x', actor: leader }],
      }),
    );
    expect(refused.message).toContain('第十一条');
    expect((await state(h)).stage).toBe(Stage.Launch);
    await h.terminate('test done');
  });

  it('refuses a shortened comment period without a published reason, and runs one with it', async () => {
    const [h, s0] = await start();
    let s = await h.executeUpdate(mdDecideLaunchUpdate, {
      args: [{ taskId: s0.openTaskId!, launch: true, undertakingUnitId: departmentId, reason: 'r', actor: leader }],
    });
    await draft(h, 1);
    await h.executeUpdate(mdSubmitDraftOptionsUpdate, {
      args: [
        {
          options: [
            { label: 'A', sha256: sha(1) },
            { label: 'B', sha256: sha(2) },
          ],
          lawInventory: 'x',
          actor: drafter,
        },
      ],
    });
    const memo = await refusal(
      h.executeUpdate(mdRecordConsultationUpdate, {
        args: [{ consulted: ['财政局'], consensus: false, actor: drafter }],
      }),
    );
    expect(memo.message).toContain('第十三条');
    await h.executeUpdate(mdRecordConsultationUpdate, {
      args: [{ consulted: ['财政局'], consensus: false, disputeMemo: '争议：资金来源', actor: drafter }],
    });
    const short = { amount: 1, unit: 'SECONDS' as const };
    const refused = await refusal(
      h.executeUpdate(mdOpenCommentWindowUpdate, { args: [{ period: short, actor: drafter }] }),
    );
    expect(refused.type).toBe(ErrorCode.RuleViolation);
    expect(refused.message).toContain('第十五条');
    expect((await state(h)).commentWindow).toBeNull();
    s = await h.executeUpdate(mdOpenCommentWindowUpdate, {
      args: [{ period: short, shortenedReason: '汛期前须开工', actor: drafter }],
    });
    expect(s.commentWindow?.shortenedReason).toBe('汛期前须开工');
    await eventually(async () => expect((await state(h)).commentWindow?.closed).toBe(true), 10000);
    // Hearing: materials delivered less than 7 (seconds here) before the hearing are refused (Art 16).
    const now = Date.now();
    const late = await refusal(
      h.executeUpdate(mdRecordHearingUpdate, {
        args: [
          {
            materialsDeliveredAt: new Date(now - 3000).toISOString(),
            participantListPublishedAt: new Date(now - 3000).toISOString(),
            heldAt: new Date(now).toISOString(),
            participants: ['居民代表'],
            signedRecordSha256: sha(77),
            actor: drafter,
          },
        ],
      }),
    );
    expect(late.message).toContain('第十六条');
    s = await h.executeUpdate(mdRecordHearingUpdate, {
      args: [
        {
          materialsDeliveredAt: new Date(now - 8000).toISOString(),
          participantListPublishedAt: new Date(now - 8000).toISOString(),
          heldAt: new Date(now).toISOString(),
          participants: ['居民代表'],
          signedRecordSha256: sha(77),
          actor: drafter,
        },
      ],
    });
    expect(s.hearing?.participants).toEqual(['居民代表']);
    s = await h.executeUpdate(mdCompletePublicParticipationUpdate, { args: [{ actor: drafter }] });
    expect(s.stage).toBe(Stage.LegalityReview);
    await h.terminate('test done');
  });

  it('refuses an expert with a declared interest, and warns when no dissenting expert was invited', async () => {
    const [h, s0] = await start({ professional: true });
    await throughPublicParticipation(h, s0);
    const expert = {
      name: '李工',
      affiliation: '施工单位',
      declaredInterest: true,
      dissenting: false,
      opinion: '同意',
      signedSha256: sha(5),
    };
    const refused = await refusal(h.executeUpdate(mdAddExpertOpinionUpdate, { args: [{ expert, actor: drafter }] }));
    expect(refused.message).toContain('第二十条');
    expect((await state(h)).experts).toHaveLength(0);
    await h.executeUpdate(mdAddExpertOpinionUpdate, {
      args: [{ expert: { ...expert, name: '赵教授', declaredInterest: false }, actor: drafter }],
    });
    const s = await h.executeUpdate(mdCompleteExpertsUpdate, {
      args: [{ adoption: '采纳', dissentingInvited: false, actor: drafter }],
    });
    expect(s.warnings.join()).toContain('G-A6');
    expect(s.stage).toBe(Stage.LegalityReview);
    await h.terminate('test done');
  });

  it('blocks an uncontrollable risk until the draft is adjusted and re-rated', async () => {
    const [h, s0] = await start({ riskFlagged: true });
    await throughPublicParticipation(h, s0);
    const report = {
      riskPoints: '群体性事件',
      measures: '沟通',
      contingencyPlan: '预案',
      level: 'HIGH',
      method: 'DB32/T 4013-2021',
      actor: drafter,
    };
    let s = await h.executeUpdate(mdRecordRiskAssessmentUpdate, { args: [{ ...report, controllable: false }] });
    expect(s.stage).toBe(Stage.RiskAssessment);
    const blocked = await refusal(
      h.executeUpdate(mdSubmitForLegalityReviewUpdate, {
        args: [{ basisStatement: 'b', proceduresPerformed: 'p', actor: drafter }],
      }),
    );
    expect(blocked.type).toBe(ErrorCode.WrongStage);
    const sameDraft = await refusal(
      h.executeUpdate(mdRecordRiskAssessmentUpdate, { args: [{ ...report, level: 'LOW', controllable: true }] }),
    );
    expect(sameDraft.message).toContain('第二十四条');
    await draft(h, 2);
    s = await h.executeUpdate(mdRecordRiskAssessmentUpdate, {
      args: [{ ...report, level: 'LOW', controllable: true }],
    });
    expect(s.stage).toBe(Stage.LegalityReview);
    expect(s.risk?.draftSha256).toBe(sha(2));
    await h.terminate('test done');
  });

  it('blocks the meeting after an unlawful legality opinion until a revised draft is found lawful', async () => {
    const [h, s0] = await start();
    await throughPublicParticipation(h, s0);
    let s = await legality(h, 'UNLAWFUL', 1);
    expect(s.stage).toBe(Stage.LegalityReview);
    const blocked = await refusal(
      h.executeUpdate(mdSubmitMeetingPackageUpdate, { args: [{ note: '材料', actor: drafter }] }),
    );
    expect(blocked.type).toBe(ErrorCode.RuleViolation);
    expect(blocked.message).toContain('G-A8');
    expect(blocked.message).toContain('UNLAWFUL');
    const unrevised = await refusal(
      h.executeUpdate(mdSubmitForLegalityReviewUpdate, {
        args: [{ basisStatement: 'b', proceduresPerformed: 'p', actor: drafter }],
      }),
    );
    expect(unrevised.message).toContain('第二十八条');
    await draft(h, 3);
    s = await legality(h, 'LAWFUL', 3);
    expect(s.stage).toBe(Stage.MeetingPackage);
    expect(s.legalityOpinions.map((o) => o.conclusion)).toEqual(['UNLAWFUL', 'LAWFUL']);
    await h.terminate('test done');
  });

  it("refuses the head departing from the majority without a reason, accepts it with one, and the minutes' immutability", async () => {
    const [h, s0] = await start();
    await throughPublicParticipation(h, s0);
    await legality(h, 'LAWFUL', 1);
    let s = await h.executeUpdate(mdSubmitMeetingPackageUpdate, { args: [{ note: '材料', actor: drafter }] });
    const args = {
      taskId: s.openTaskId!,
      meetingType: 'EXECUTIVE',
      meeting: '常务会议',
      meetingDate: new Date().toISOString(),
      positions: positions(['AGAINST', 'AGAINST', 'FOR'], 'FOR'),
      ...present(positions(['AGAINST', 'AGAINST', 'FOR'], 'FOR')),
      headId: leader.userId,
      decision: 'ADOPTED' as const,
      actor: leader,
    };
    const circulated = await refusal(
      h.executeUpdate(mdRecordMeetingUpdate, { args: [{ ...args, meetingType: 'CIRCULATION' }] }),
    );
    expect(circulated.message).toContain('第三十条');
    const headNotLast = await refusal(
      h.executeUpdate(mdRecordMeetingUpdate, { args: [{ ...args, positions: [...args.positions].reverse() }] }),
    );
    expect(headNotLast.message).toContain('speaks last');
    const noReason = await refusal(h.executeUpdate(mdRecordMeetingUpdate, { args: [args] }));
    expect(noReason.message).toContain('against the majority');
    expect((await state(h)).minutes).toBeNull();
    s = await h.executeUpdate(mdRecordMeetingUpdate, { args: [{ ...args, headReason: '民生急需，风险可控' }] });
    expect(s.minutes?.headReason).toBe('民生急需，风险可控');
    const again = await refusal(h.executeUpdate(mdRecordMeetingUpdate, { args: [{ ...args, headReason: '改' }] }));
    expect(again.message).toContain('immutable');
    await h.terminate('test done');
  });

  it('blocks publication until the Party-committee report is recorded (Art 31)', async () => {
    const [h, s0] = await start();
    await throughPublicParticipation(h, s0);
    await legality(h, 'LAWFUL', 1);
    let s = await h.executeUpdate(mdSubmitMeetingPackageUpdate, { args: [{ note: '材料', actor: drafter }] });
    s = await meeting(h, s);
    const blocked = await refusal(
      h.executeUpdate(mdRecordPublicationUpdate, {
        args: [
          { taskId: s.openTaskId!, channels: ['GAZETTE', 'WEBSITE', 'NEWSPAPER'], reference: 'url', actor: officer },
        ],
      }),
    );
    expect(blocked.message).toContain('第三十一条');
    expect((await state(h)).publication).toBeNull();
    s = await h.executeUpdate(mdRecordPartyReportUpdate, {
      args: [{ taskId: s.openTaskId!, reportedTo: '区委', reference: 'R', actor: leader }],
    });
    s = await h.executeUpdate(mdRecordPublicationUpdate, {
      args: [
        { taskId: s.openTaskId!, channels: ['GAZETTE', 'WEBSITE', 'NEWSPAPER'], reference: 'url', actor: officer },
      ],
    });
    expect(s.stage).toBe(Stage.Archive);
    await h.terminate('test done');
  });

  it('suspends execution urgently, then an adjustment re-runs the statutory steps', async () => {
    const [h, s0] = await start();
    let s = await throughPublicParticipation(h, s0);
    s = await throughArchive(h, s);
    expect(s.stage).toBe(Stage.Execution);
    const noReason = await refusal(
      h.executeUpdate(mdSuspendExecutionUpdate, { args: [{ reason: ' ', actor: leader }] }),
    );
    expect(noReason.message).toContain('第三十七条');
    s = await h.executeUpdate(mdSuspendExecutionUpdate, { args: [{ reason: '出现重大情况变化', actor: leader }] });
    expect(s.stage).toBe(Stage.Suspended);
    expect(s.status).toBe('SUSPENDED');
    s = await h.executeUpdate(mdStartAdjustmentUpdate, { args: [{ reason: '调整建设规模', actor: leader }] });
    expect(s.stage).toBe(Stage.Drafting);
    expect(s.round).toBe(2);
    expect(s.minutes).toBeNull();
    expect(s.publication).toBeNull();
    // The steps run again: drafting, consultation, public participation, legality review, meeting, ...
    await draft(h, 4);
    s = await h.executeUpdate(mdSubmitDraftOptionsUpdate, {
      args: [{ options: [{ label: '调整方案', sha256: sha(4) }], lawInventory: 'x', actor: drafter }],
    });
    s = await h.executeUpdate(mdRecordConsultationUpdate, {
      args: [{ consulted: ['财政局'], consensus: true, actor: drafter }],
    });
    expect(s.stage).toBe(Stage.PublicParticipation);
    const tasks = calls.openTask.filter((c) => c.procedureId === s.procedureId && c.stage === 'DRAFTING');
    expect(tasks.map((t) => t.round)).toEqual([1, 101]);
    await h.terminate('test done');
  });

  it('continues a dual-track matter into registration and ends with a registered number', async () => {
    const [h, s0] = await start({ alsoNormativeDocument: true });
    let s = await throughPublicParticipation(h, s0);
    s = await throughArchive(h, s);
    expect(s.stage).toBe(Stage.Registration);
    s = await h.executeUpdate(mdRegisterDocumentUpdate, {
      args: [{ taskId: s.openTaskId!, note: '登记', actor: officer }],
    });
    expect(s.registration?.number).toMatch(/^坛政规〔2026〕\d+号$/);
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
    expect(s.publication?.documentNumber).toBe(s.registration?.number);
    expect(s.stage).toBe(Stage.Archive);
    s = await h.executeUpdate(mdArchiveUpdate, { args: [{ taskId: s.openTaskId!, note: '归档', actor: officer }] });
    s = await h.executeUpdate(mdCloseDecisionUpdate, { args: [{ reason: '完毕', actor: officer }] });
    const result = await h.result();
    expect(result.stage).toBe(Stage.Closed);
    expect(result.registration?.number).toBe(s.registration?.number);
    const registered = calls.registerDocument.find((c) => c.procedureId === s.procedureId)!;
    expect(registered.documentSha256).toBe(sha(1));
  });
});
