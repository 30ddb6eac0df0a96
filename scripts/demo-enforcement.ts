/**
 * `npm run demo:enforcement`: one major enforcement case (重大执法决定法制审核) by the seeded users through LawGate's
 * HTTP API — the market-regulation bureau submits a penalty case with its evidence, the legal-affairs office asks for
 * a missing file (the review clock does not start), accepts the supplemented materials, finds a problem with the
 * discretion applied, the case unit reworks it as a new version, the review passes, the head decides on the version
 * reviewed, the decision is disclosed and the case archived — printing each stage and the ledger, ending with the
 * ledger verified. It uses LawGate at LAWGATE_API_URL or starts one with demonstration periods.
 */
import { call, runDemo, say } from './lib/demo-http';
import { enforcementChecklist as checklist, sampleEnforcementCase } from './lib/sample-procedures';

interface Snapshot {
  procedureId: string;
  stage: string;
  waitingFor?: string | null;
  documents: Record<string, { version: number; sha256: string }>;
  versions: { version: number }[];
  opinions: { caseVersion: number; conclusion: string }[];
}

const show = (s: Snapshot, what: string) => {
  say(`  ${what.padEnd(30)} → ${s.stage}${s.waitingFor ? `（${s.waitingFor}）` : ''}`);
  return s;
};

runDemo(async () => {
  const title = '某商贸公司销售不合格电器案（示例）';
  say(`\n${title} — 重大执法决定法制审核\n`);
  let s = await call<Snapshot>(
    'POST',
    '/api/procedures/enforcement-reviews',
    'drafter.mkt',
    sampleEnforcementCase(`demo-${Date.now().toString(36)}`, title),
  );
  const id = s.procedureId;
  show(s, 'C1–C2 立案为重大执法决定');
  const stepAs = (user: string, name: string, body: unknown = {}) =>
    call<Snapshot>('POST', `/api/procedures/${id}/steps/${name}`, user, body);
  const upload = (kind: string, text: string) =>
    call<Snapshot>('POST', `/api/procedures/${id}/documents/${kind}`, 'drafter.mkt', undefined, text);

  await upload('DRAFT', '行政处罚决定书（草稿）\n当事人：某商贸公司\n处罚：罚款二十万元\n');
  const evidence = await upload('EVIDENCE', '现场检查笔录：查获不合格电器200台');
  const materials = (extra: { title: string; sha: string }[] = []) => ({
    facts: '经查，当事人销售经抽检不合格的电器200台，货值金额八万元。',
    evidence: [
      { title: '现场检查笔录', source: '现场检查', fileSha256: evidence.documents.EVIDENCE.sha256 },
      ...extra.map((e) => ({ title: e.title, source: '抽样检验', fileSha256: e.sha })),
    ],
    provisions: ['《中华人民共和国产品质量法》第四十九条'],
    discretionStandard: '江苏省市场监管行政处罚裁量基准（一般情节）',
    proposedDecision: '没收违法所得，罚款二十万元',
    hearingHeld: false,
  });
  // The inspection report is listed but not yet uploaded: the intake check asks for it.
  const missingSha = 'f'.repeat(64);
  s = show(
    await stepAs('drafter.mkt', 'submit-case', { materials: materials([{ title: '检验报告', sha: missingSha }]) }),
    'C4 送审（第1版）',
  );
  s = show(
    await stepAs('officer.zhang', 'request-materials', { missing: ['检验报告文件'] }),
    'C5 材料不齐，补充（不计时）',
  );
  const report = await upload('EVIDENCE', '产品质量检验报告：不合格');
  s = show(
    await stepAs('drafter.mkt', 'submit-case', {
      materials: materials([{ title: '检验报告', sha: report.documents.EVIDENCE.sha256 }]),
    }),
    'C5 补充材料（第2版）',
  );
  s = show(await stepAs('officer.zhang', 'accept-materials'), 'C5 材料齐全，审核起算');
  s = show(
    await stepAs('officer.zhang', 'conclusion', {
      conclusion: 'PROBLEMS',
      reasons: '货值金额八万元，适用裁量基准“一般情节”罚款幅度偏重。',
      checklist: checklist({ LAW_AND_DISCRETION: '裁量幅度偏重' }),
      reviewedSha256: s.documents.DRAFT.sha256,
      noConflictDeclared: true,
    }),
    'C7 审核意见：存在问题',
  );
  await upload('DRAFT', '行政处罚决定书（修改稿）\n当事人：某商贸公司\n处罚：罚款十二万元\n');
  s = show(
    await stepAs('drafter.mkt', 'submit-case', {
      materials: {
        ...materials([{ title: '检验报告', sha: report.documents.EVIDENCE.sha256 }]),
        proposedDecision: '罚款十二万元',
      },
    }),
    'C8 修改后重新送审（第3版）',
  );
  s = show(await stepAs('officer.zhang', 'accept-materials'), 'C5 材料齐全');
  s = show(
    await stepAs('officer.zhang', 'conclusion', {
      conclusion: 'AGREE',
      reasons: '事实清楚，证据确凿，适用依据正确，程序合法，裁量适当。',
      checklist: checklist(),
      reviewedSha256: s.documents.DRAFT.sha256,
      noConflictDeclared: true,
    }),
    'C7 审核意见：同意',
  );
  s = show(
    await stepAs('leader.zhou', 'decision', {
      outcome: 'PENALTY',
      decisionNumber: '坛市监罚〔2026〕1号',
      summary: '罚款十二万元',
      decidedSha256: s.documents.DRAFT.sha256,
    }),
    'C10 作出处罚决定',
  );
  s = show(
    await stepAs('drafter.mkt', 'disclosure', { channel: '金坛区行政执法公示平台', reference: 'GS-2026-0001' }),
    'C11 公示',
  );
  s = show(
    await stepAs('drafter.mkt', 'archive', { note: '调查终结报告、两次审核意见、决定书、公示记录归档' }),
    'C12 归档',
  );
  say(
    `\n版本 ${s.versions.map((v) => v.version).join('、')}；审核意见 ${s.opinions.map((o) => `第${o.caseVersion}版 ${o.conclusion}`).join('，')}`,
  );
  const detail = await call<{
    ledger: { stage: string; decision: string; actorName: string; documentSha256: string | null }[];
  }>('GET', `/api/procedures/${id}`, 'officer.zhang');
  say('\n签署台账（ledger）:');
  for (const e of detail.ledger) {
    say(
      `  ${e.stage.padEnd(20)} ${e.decision.padEnd(26)} ${e.actorName}${e.documentSha256 ? ` ${e.documentSha256.slice(0, 12)}…` : ''}`,
    );
  }
  const verify = await call<{ ok: boolean }>('GET', '/api/admin/ledger/verify', 'officer.zhang');
  say(`ledger:verify → ${JSON.stringify(verify)}`);
  if (!verify.ok) throw new Error('the ledger does not verify');
});
