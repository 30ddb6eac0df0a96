/**
 * `npm run demo:filing`: one normative document filed with the district government (规范性文件备案审查) by the seeded
 * users through LawGate's HTTP API — filed from outside LawGate by the market-regulation bureau, its registration
 * deferred for a missing drafting explanation, supplemented and registered, reviewed against the standards with the
 * pre-review's findings decided, corrected after a written opinion, passed into the public catalog, ending with the
 * ledger verified.
 */
import { call, runDemo, say } from './lib/demo-http';
import { filingFile as file, filingStandards as standards } from './lib/sample-procedures';

interface Snapshot {
  procedureId: string;
  stage: string;
  waitingFor?: string | null;
  documents: Record<string, { sha256: string }>;
}
interface PreReview {
  findings: { key: string; ruleId: string; title: [string, string] }[];
}

const show = (s: Snapshot, what: string) => {
  say(`  ${what.padEnd(30)} → ${s.stage}${s.waitingFor ? `（${s.waitingFor}）` : ''}`);
  return s;
};
runDemo(async () => {
  const title = '金坛区市场主体信用分类监管办法（示例）';
  const documentNumber = `坛市监规〔2026〕${Date.now().toString(36)}号`;
  say(`\n${title}（${documentNumber}）— 规范性文件备案审查\n`);
  let s = await call<Snapshot>('POST', '/api/procedures/filing-reviews', 'drafter.mkt', {
    title,
    documentNumber,
    publishedOn: new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10),
    files: [
      file('DRAFT', '第一条 为加强信用监管，制定本办法。\n第五条 对失信主体处五千元罚款。\n'),
      file('FILING_REPORT', '关于报送备案的报告'),
    ],
  });
  const id = s.procedureId;
  show(s, 'E1 报送备案（系统外发布）');
  const stepAs = (user: string, name: string, body: unknown = {}) =>
    call<Snapshot>('POST', `/api/procedures/${id}/steps/${name}`, user, body);
  const upload = (kind: string, text: string) =>
    call<Snapshot>('POST', `/api/procedures/${id}/documents/${kind}`, 'drafter.mkt', undefined, text);
  /** The pre-review of the text under review, each finding decided by the reviewer. */
  const decided = async (confirm: Record<string, string>) => {
    const pre = await call<PreReview>('GET', `/api/procedures/${id}/pre-review`, 'officer.zhang');
    for (const f of pre.findings) say(`    自动预审：${f.title[0]}（${f.ruleId}）`);
    return pre.findings.map((f) => ({
      key: f.key,
      decision: f.ruleId in confirm ? 'CONFIRMED' : 'DISMISSED',
      reason: confirm[f.ruleId] ?? '已核对，不构成问题',
    }));
  };

  s = show(
    await stepAs('officer.zhang', 'register', { decision: 'DEFER', reasons: '材料不齐', missing: ['起草说明'] }),
    'E2 暂缓登记（缺起草说明）',
  );
  await upload('DRAFTING_EXPLANATION', '起草说明');
  s = show(await stepAs('drafter.mkt', 'supplement', { note: '已补充起草说明' }), 'E2 补充材料');
  s = show(await stepAs('officer.zhang', 'register', { decision: 'REGISTER', reasons: '材料齐全' }), 'E2 登记');
  s = show(
    await stepAs('officer.zhang', 'review', {
      outcome: 'FORMAL_OPINION',
      reasons: '第五条设定罚款，行政规范性文件不得设定行政处罚。',
      standards: standards({ NO_UNLAWFUL_LICENCE_PENALTY_COERCION_FEE: '第五条设定罚款' }),
      reviewedSha256: s.documents.DRAFT.sha256,
      request: '删除第五条',
      preReviewDecisions: await decided({ PENALTY_WITHOUT_BASIS: '规范性文件不得设定罚款' }),
    }),
    'E5 书面审查意见',
  );
  await upload('HANDLING_REPORT', '已删除第五条');
  await upload('DRAFT', '第一条 为加强信用监管，制定本办法。\n第五条 依照有关法律法规处理。\n');
  s = show(await stepAs('drafter.mkt', 'report', { revised: true, note: '已按审查意见修改并重新报送' }), 'E6 纠正');
  s = show(
    await stepAs('officer.zhang', 'review', {
      outcome: 'PASSED',
      reasons: '修改后符合备案审查标准。',
      standards: standards(),
      reviewedSha256: s.documents.DRAFT.sha256,
      preReviewDecisions: await decided({}),
    }),
    'E4 审查通过',
  );
  const catalog = await call<{ items: { caseId: string; documentNumber: string }[] }>(
    'GET',
    '/api/public/filing-catalog',
    null,
  );
  say(`  E3 备案目录：${catalog.items.some((i) => i.caseId === id) ? '已列入' : '未列入'} ${documentNumber}`);
  if (!catalog.items.some((i) => i.caseId === id)) throw new Error('the document is not in the catalog');
  const verify = await call<{ ok: boolean }>('GET', '/api/admin/ledger/verify', 'officer.zhang');
  say(`ledger:verify → ${JSON.stringify(verify)}`);
  if (!verify.ok) throw new Error('the ledger does not verify');
});
