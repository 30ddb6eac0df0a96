/**
 * The enforcement bot (重大执法决定法制审核), the path `npm run demo:enforcement` walks: the market-regulation bureau
 * submits a penalty case whose inspection report is listed but not uploaded, the legal-affairs office asks for it (the
 * review clock does not start), accepts the supplemented materials, finds the discretion too heavy, the case unit
 * reworks the decision as a new version, the review agrees, the head decides on the version reviewed, the case unit
 * discloses the decision and archives the case. The case handlers (drafter.mkt, inspector.mkt) never review it: the
 * review body's qualified officer (officer.zhang) does.
 */
import { enforcementChecklist as checklist, sampleEnforcementCase } from '../../../scripts/lib/sample-procedures';
import { drive, holderOf, sha256, start, stepsOf, uploaderOf, type BotContext, type Snap } from './shared';

interface EnforcementSnap extends Snap {
  documents: Record<string, { version: number; sha256: string }>;
  versions: { version: number }[];
  opinions: { caseVersion: number; conclusion: string }[];
  materialsRequests: unknown[];
}

const CASE_UNIT = 'drafter.mkt';
const REVIEWER = 'officer.zhang';

export async function enforcementBot(ctx: BotContext, code: string): Promise<string> {
  const id = await start(
    ctx,
    CASE_UNIT,
    '/api/procedures/enforcement-reviews',
    code,
    sampleEnforcementCase(code, `混沌测试销售不合格电器案 ${code}`),
  );
  const step = stepsOf(ctx, id);
  const upload = uploaderOf(ctx, id, CASE_UNIT);
  const draft = `行政处罚决定书（草稿）${code}\n处罚：罚款二十万元\n`;
  const reworked = `行政处罚决定书（修改稿）${code}\n处罚：罚款十二万元\n`;
  const record = `现场检查笔录 ${code}：查获不合格电器200台`;
  const report = `产品质量检验报告 ${code}：不合格`;
  // Version 1 lists the inspection report before it is uploaded (a SHA-256 no upload has): intake asks for it.
  const materials = (reportSha: string, proposedDecision: string) => ({
    facts: '经查，当事人销售经抽检不合格的电器200台，货值金额八万元。',
    evidence: [
      { title: '现场检查笔录', source: '现场检查', fileSha256: sha256(record) },
      { title: '检验报告', source: '抽样检验', fileSha256: reportSha },
    ],
    provisions: ['《中华人民共和国产品质量法》第四十九条'],
    discretionStandard: '江苏省市场监管行政处罚裁量基准（一般情节）',
    proposedDecision,
    hearingHeld: false,
  });
  // A submission is keyed by the version it makes: the same request again finds the version it made.
  const submit = (s: EnforcementSnap, m: ReturnType<typeof materials>) =>
    step(CASE_UNIT, 'submit-case', { materials: m }, `submit-case:v${s.versions.length + 1}`);
  const task = (s: EnforcementSnap, user: string, name: string, body: unknown = {}) =>
    step(user, name, body, `${name}:${s.openTaskId}`);
  await drive<EnforcementSnap>(ctx, id, (s) => s.stage === 'CLOSED', {
    CASE_PREPARATION: async (s) => {
      await upload('DRAFT', draft);
      await upload('EVIDENCE', record);
      await submit(s, materials('f'.repeat(64), '没收违法所得，罚款二十万元'));
    },
    // The first intake finds the report missing; every later one finds the materials complete.
    INTAKE: (s) =>
      s.materialsRequests.length === 0
        ? task(s, REVIEWER, 'request-materials', { missing: ['检验报告文件'] })
        : task(s, REVIEWER, 'accept-materials'),
    MATERIALS_SUPPLEMENT: async (s) => {
      await upload('EVIDENCE', report);
      await submit(s, materials(sha256(report), '没收违法所得，罚款二十万元'));
    },
    // The first review finds the discretion too heavy; the reworked version passes.
    LEGAL_REVIEW: (s, d) =>
      task(
        s,
        holderOf(ctx, s, d, REVIEWER),
        'conclusion',
        s.opinions.length === 0
          ? {
              conclusion: 'PROBLEMS',
              reasons: '货值金额八万元，适用裁量基准“一般情节”罚款幅度偏重。',
              checklist: checklist({ LAW_AND_DISCRETION: '裁量幅度偏重' }),
              reviewedSha256: s.documents.DRAFT.sha256,
              noConflictDeclared: true,
            }
          : {
              conclusion: 'AGREE',
              reasons: '事实清楚，证据确凿，适用依据正确，程序合法，裁量适当。',
              checklist: checklist(),
              reviewedSha256: s.documents.DRAFT.sha256,
              noConflictDeclared: true,
            },
      ),
    REWORK: async (s) => {
      await upload('DRAFT', reworked);
      await submit(s, materials(sha256(report), '罚款十二万元'));
    },
    COLLECTIVE_DISCUSSION: (s) =>
      task(s, 'leader.zhou', 'collective-discussion', {
        meetingDate: new Date().toISOString().slice(0, 10),
        participants: ['周区长', '孙副区长'],
        conclusion: '同意按审核通过的版本作出决定。',
      }),
    DECISION: (s) =>
      task(s, 'leader.zhou', 'decision', {
        outcome: 'PENALTY',
        decisionNumber: `坛市监罚〔2026〕${code}号`,
        summary: '罚款十二万元',
        decidedSha256: s.documents.DRAFT.sha256,
      }),
    DISCLOSURE: (s) => task(s, CASE_UNIT, 'disclosure', { channel: '金坛区行政执法公示平台', reference: `GS-${code}` }),
    DISCLOSED: () =>
      step(CASE_UNIT, 'archive', { note: '调查终结报告、两次审核意见、决定书、公示记录归档' }, 'archive'),
  });
  return id;
}
