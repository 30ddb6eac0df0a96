/**
 * Bot users taking procedures to their end through the HTTP API. Each bot reads the procedure's state, takes the
 * step that state asks for (with an idempotency key derived from the procedure, the step and its task), and reads
 * again: a request lost to a fault is simply taken again, and a step already taken answers the same.
 */
import { ApiError, type ChaosClient } from './client';

export interface Snap {
  procedureId: string;
  stage: string;
  status?: string;
  openTaskId: string | null;
  documents?: Record<string, { version: number; sha256: string }>;
  commentWindow?: { windowId: string; closed: boolean } | null;
  /** One filing per recipient the issuer requires (a government document: two). */
  filings?: { filingId: string; recipient: string; status: string }[];
  fairCompetition?: { marketRegulationReviews: boolean; marketRegulationTaskId: string | null } | null;
}

export interface BotContext {
  client: ChaosClient;
  /** username by user id, for tasks held by one person. */
  usernames: Map<string, string>;
  eduUnitId: string;
  leaderId: string;
  /** The business key's procedure id, when a start's answer was lost. */
  findByCode: (code: string) => Promise<string | undefined>;
  stuckAfterMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const text = (kind: string, code: string) => `${kind} ${code}\n第一条 为规范管理，制定本办法。\n`;

async function start(ctx: BotContext, path: string, code: string, body: unknown): Promise<string> {
  for (;;) {
    try {
      return (await ctx.client.call<Snap>('drafter.edu', 'POST', path, { body, key: `start:${code}` })).procedureId;
    } catch (err) {
      // A start whose answer was lost: the business key is taken, by this bot's own procedure.
      const found = await ctx.findByCode(code);
      if (found) return found;
      if (!(err instanceof ApiError) || err.status < 409) throw err;
      await sleep(1000);
    }
  }
}

async function detail(ctx: BotContext, id: string) {
  return ctx.client.call<{
    live: Snap | null;
    stage: string;
    status: string;
    tasks: { id: string; status: string; assigneeUserId: string | null }[];
  }>('officer.zhang', 'GET', `/api/procedures/${id}`);
}

type Action = (s: Snap, d: Awaited<ReturnType<typeof detail>>) => Promise<unknown>;

/** Drives one procedure until `done(snapshot)`; throws when it makes no progress for `stuckAfterMs`. */
async function drive(
  ctx: BotContext,
  id: string,
  done: (s: Snap) => boolean,
  actions: Record<string, Action>,
): Promise<void> {
  let lastStage = '';
  let since = Date.now();
  let lastError = '';
  for (;;) {
    const d = await detail(ctx, id);
    const s = d.live;
    if (s && done(s)) return;
    const filings = s?.filings?.map((f) => f.status).join(',');
    const progress = `${s?.stage}:${s?.openTaskId}:${filings}:${s?.commentWindow?.closed}`;
    if (progress !== lastStage) {
      lastStage = progress;
      since = Date.now();
    } else if (Date.now() - since > ctx.stuckAfterMs) {
      throw new Error(`procedure ${id} made no progress at ${progress} for ${ctx.stuckAfterMs} ms: ${lastError}`);
    }
    // No live state: the procedure's worker or Temporal is away; the read model still answers.
    if (!s) {
      await sleep(500);
      continue;
    }
    const action = actions[s.stage];
    if (!action) {
      lastError = `no bot action for stage ${s.stage}`;
      await sleep(500);
      continue;
    }
    try {
      await action(s, d);
    } catch (err) {
      // Wrong stage, closed task, a minimum review time: read the state again and take what it asks for then.
      if (!(err instanceof ApiError) || err.status >= 500 || err.status < 400) throw err;
      lastError = err.message;
      await sleep(500);
    }
  }
}

export async function normativeBot(ctx: BotContext, code: string): Promise<string> {
  const c = ctx.client;
  const id = await start(ctx, '/api/procedures/normative-documents', code, {
    projectCode: code,
    title: `混沌测试规范性文件 ${code}`,
    application: {
      necessity: '规范管理。',
      legalBasis: '《中华人民共和国民办教育促进法》',
      mainContent: '设立条件。',
      touchesBusiness: true,
      alsoMajorDecision: false,
      classificationReason: '具有普遍约束力，在一定期限内反复适用。',
    },
  });
  // Every step at the step API; a step that closes a task closes the procedure's open one (its id is in the key).
  const p = (name: string, body: unknown, key: string, user = 'drafter.edu') =>
    c.call<Snap>(user, 'POST', `/api/procedures/${id}/steps/${name}`, { body, key: `${key}:${id}` });
  const task = (s: Snap, name: string, body: unknown, user = 'officer.zhang') =>
    p(name, body, `${name}:${s.openTaskId}`, user);
  const upload = async (s: Snap, kind: string) => {
    if (!s.documents?.[kind]) {
      await c.call('drafter.edu', 'POST', `/api/procedures/${id}/documents/${kind}`, { text: text(kind, code) });
    }
  };
  // Done once the document is filed with, and accepted by, each recipient its issuer requires.
  const filed = (s: Snap) => !!s.filings?.length && s.filings.every((f) => f.status === 'ACCEPTED');
  await drive(ctx, id, filed, {
    PROJECT_APPROVAL: (s) => task(s, 'project-approval', { decision: 'APPROVED', opinion: '同意立项。' }),
    DRAFTING: async (s) => {
      for (const kind of ['DRAFT', 'DRAFTING_EXPLANATION', 'BASIS_LIST']) await upload(s, kind);
      await p('complete-drafting', { note: '起草完成。' }, 'drafted');
    },
    // The drafting unit's review, then (a government document) the market regulation department's.
    FAIR_COMPETITION_REVIEW: (s) => {
      const review = { conclusion: 'COMPLIANT', summary: '不含排除、限制竞争的内容。' };
      const mkt = s.fairCompetition?.marketRegulationTaskId;
      return mkt
        ? p('market-regulation-review', review, `fcr-mkt:${mkt}`, 'drafter.mkt')
        : p('fair-competition-review', review, 'fcr');
    },
    PUBLIC_COMMENT: async (s) => {
      if (!s.commentWindow) await p('comment-window', {}, 'window');
      else if (!s.commentWindow.closed) await sleep(1000);
      else await p('complete-public-comment', { note: '无意见。' }, 'commented');
    },
    OWN_LEGALITY_CHECK: async (s) => {
      await upload(s, 'OWN_LEGALITY_OPINION');
      await p('submit-for-review', { note: '经本单位审核，合法。', expertise: ['教育'] }, 'submitted');
    },
    MATERIALS_CHECK: (s) => task(s, 'materials-check', { complete: true, note: '材料齐全。' }),
    LEGALITY_REVIEW: async (s, d) => {
      const holder = d.tasks.find((t) => t.id === s.openTaskId)?.assigneeUserId;
      const reviewer = (holder && ctx.usernames.get(holder)) ?? 'officer.zhang';
      try {
        await task(
          s,
          'legality-opinion',
          { conclusion: 'LAWFUL', reasons: '', reviewedSha256: s.documents!.DRAFT.sha256 },
          reviewer,
        );
      } catch (err) {
        if (String(err).includes('minimum review time')) await sleep(1000);
        else throw err;
      }
    },
    DELIBERATION: (s) =>
      task(
        s,
        'deliberation',
        {
          decision: 'ADOPTED',
          meeting: '区政府常务会议',
          meetingKind: 'EXECUTIVE',
          meetingDate: new Date().toISOString().slice(0, 10),
          minutes: '审议通过。',
        },
        'leader.zhou',
      ),
    REGISTRATION: (s) => task(s, 'registration', {}),
    PUBLICATION: (s) =>
      task(s, 'publication', { channel: 'WEBSITE', reference: `https://www.jintan.gov.cn/gfxwj/${code}.html` }),
    // Filed with each recipient in turn: submitted, then accepted.
    IN_FORCE: async (s) => {
      const filing = s.filings?.find((f) => f.status !== 'ACCEPTED');
      if (!filing) return sleep(500);
      const event = filing.status === 'SUBMITTED' ? 'ACCEPTED' : 'SUBMITTED';
      await p(
        'filing-events',
        { filingId: filing.filingId, event, note: `${filing.recipient}备案。` },
        `filing-${filing.filingId}-${filing.status}`,
        'officer.zhang',
      );
    },
  });
  return id;
}

export async function majorDecisionBot(ctx: BotContext, code: string): Promise<string> {
  const c = ctx.client;
  const id = await start(ctx, '/api/procedures/major-decisions', code, {
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
  const step = (user: string, name: string, body: unknown = {}, key = name) =>
    c.call<Snap>(user, 'POST', `/api/procedures/${id}/steps/${name}`, { body, key: `${key}:${id}` });
  await drive(ctx, id, (s) => s.stage === 'CLOSED', {
    LAUNCH: () => step('leader.zhou', 'launch', { launch: true, undertakingUnitId: ctx.eduUnitId, reason: '启动' }),
    DRAFTING: async (s) => {
      const sha =
        s.documents?.DRAFT?.sha256 ??
        (
          await c.call<Snap>('drafter.edu', 'POST', `/api/procedures/${id}/documents/DRAFT`, {
            text: text('决定', code),
          })
        ).documents!.DRAFT.sha256;
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
      step('leader.zhou', 'publication', { channels: ['GAZETTE', 'WEBSITE', 'NEWSPAPER'], reference: `公报 ${code}` }),
    ARCHIVE: () => step('officer.zhang', 'archive', { note: '归档' }),
    EXECUTION: () => step('leader.zhou', 'close', { reason: '执行完毕' }),
  });
  return id;
}
