/**
 * The major-decision bot: launched by the leader, drafted with one option, consulted, put to public participation,
 * argued by an expert, risk-assessed, legality-reviewed, discussed at a quorate executive meeting, reported to the
 * Party committee, published, archived and closed.
 */
import { drive, sleep, start, stepsOf, text, uploaderOf, type BotContext, type Snap } from './shared';

interface MajorSnap extends Snap {
  commentWindow?: { windowId: string; closed: boolean } | null;
}

export async function majorDecisionBot(ctx: BotContext, code: string): Promise<string> {
  const id = await start(ctx, 'drafter.edu', '/api/procedures/major-decisions', code, {
    matterCode: code,
    title: `混沌测试重大决策 ${code}`,
    proposal: {
      proposer: 'DEPARTMENT',
      problem: '中小学学位紧张',
      reasonsAndBasis: '《义务教育法》',
      preliminarySolution: '新建学校',
      necessityAndFeasibility: '学龄人口增长',
    },
    classification: {
      kind: 'PUBLIC_CONSTRUCTION',
      reason: '区域重大公共建设项目',
      professional: false,
      riskFlagged: false,
      wideConcern: false,
      touchesMarket: false,
      exploratoryReform: false,
      alsoNormativeDocument: false,
    },
  });
  const post = stepsOf(ctx, id);
  const step = (user: string, name: string, body: unknown = {}, key = name) => post(user, name, body, key);
  const upload = uploaderOf(ctx, id, 'drafter.edu');
  const windowOf = (s: MajorSnap) => String(s.commentWindow?.closed);
  await drive<MajorSnap>(
    ctx,
    id,
    (s) => s.stage === 'CLOSED',
    {
      LAUNCH: () => step('leader.zhou', 'launch', { launch: true, undertakingUnitId: ctx.eduUnitId, reason: '启动' }),
      DRAFTING: async (s) => {
        const sha = s.documents?.DRAFT?.sha256 ?? (await upload('DRAFT', text('决定', code))).documents!.DRAFT.sha256;
        await step('drafter.edu', 'draft-options', {
          options: [{ label: '方案一', sha256: sha }],
          lawInventory: '教育法',
        });
      },
      CONSULTATION: () =>
        step('drafter.edu', 'consultation', { consulted: ['财政局'], consensus: false, disputeMemo: '资金来源有争议' }),
      PUBLIC_PARTICIPATION: async (s) => {
        if (!s.commentWindow) await step('drafter.edu', 'comment-window');
        else if (!s.commentWindow.closed) await sleep(1000);
        else await step('drafter.edu', 'complete-public-participation');
      },
      EXPERT_ARGUMENTATION: async () => {
        await step('drafter.edu', 'expert-opinions', {
          expert: {
            name: '钱教授',
            affiliation: '南京师范大学',
            declaredInterest: false,
            dissenting: false,
            opinion: '可行。',
            signedSha256: 'e'.repeat(64),
          },
        });
        await step('drafter.edu', 'complete-experts', { adoption: '已采纳', dissentingInvited: true });
      },
      RISK_ASSESSMENT: () =>
        step('drafter.edu', 'risk-assessment', {
          riskPoints: '征地',
          measures: '公示',
          contingencyPlan: '预案',
          level: '低',
          method: '评估办法',
          controllable: true,
        }),
      LEGALITY_REVIEW: async (s) => {
        await step('drafter.edu', 'legality-review', {
          basisStatement: '义务教育法',
          proceduresPerformed: '已公开征求意见',
        });
        await step('officer.zhang', 'legality-opinion', {
          conclusion: 'LAWFUL',
          reasons: '合法',
          reviewedSha256: s.documents!.DRAFT.sha256,
        });
      },
      MEETING_PACKAGE: () => step('drafter.edu', 'meeting-package', { note: '审议材料齐全' }),
      COLLECTIVE_DISCUSSION: () =>
        step('leader.zhou', 'meeting', {
          meetingType: 'EXECUTIVE',
          meeting: '区政府常务会议',
          meetingDate: new Date().toISOString(),
          positions: [{ memberId: ctx.leaderId, name: '周区长', position: 'FOR', statement: '同意' }],
          // More than half of the meeting's members present: its quorum.
          attendees: [
            { memberId: 'chaos-m1', name: '孙副区长' },
            { memberId: 'chaos-m2', name: '王副区长' },
            { memberId: ctx.leaderId, name: '周区长' },
          ],
          membersTotal: 5,
          headId: ctx.leaderId,
          decision: 'ADOPTED',
        }),
      PARTY_REPORT: () =>
        step('leader.zhou', 'party-report', { reportedTo: '中共常州市金坛区委', reference: `坛政请 ${code}` }),
      PUBLICATION: () =>
        step('leader.zhou', 'publication', {
          channels: ['GAZETTE', 'WEBSITE', 'NEWSPAPER'],
          reference: `公报 ${code}`,
        }),
      ARCHIVE: () => step('officer.zhang', 'archive', { note: '归档' }),
      EXECUTION: () => step('leader.zhou', 'close', { reason: '执行完毕' }),
    },
    windowOf,
  );
  return id;
}
