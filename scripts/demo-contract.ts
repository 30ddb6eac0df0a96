/**
 * `npm run demo:contract`: one government contract (政府合同合法性审查) by the seeded users through LawGate's HTTP API —
 * submitted, reviewed by the routed legal adviser who finds a guarantee in the government's name, revised, passed,
 * signed as the very text reviewed, filed, and kept in the register (a milestone, an acceptance with its SME payment
 * deadline, the payment) to completion, ending with the ledger verified.
 */
import { call, runDemo, say } from './lib/demo-http';
import { contractChecklist as checklist, sampleContract } from './lib/sample-procedures';

interface Snapshot {
  procedureId: string;
  stage: string;
  openTaskId: string | null;
  waitingFor?: string | null;
  documents: Record<string, { sha256: string }>;
  payments: { item: string; dueAt: string }[];
}

const show = (s: Snapshot, what: string) => {
  say(`  ${what.padEnd(30)} → ${s.stage}${s.waitingFor ? `（${s.waitingFor}）` : ''}`);
  return s;
};
async function reviewerOf(taskId: string): Promise<string> {
  for (const user of ['adviser.li', 'adviser.chen', 'adviser.zhao', 'officer.zhang']) {
    const inbox = await call<{ items: { id: string }[] }>('GET', '/api/tasks/inbox?limit=200', user);
    if (inbox.items.some((t) => t.id === taskId)) return user;
  }
  throw new Error(`nobody holds task ${taskId}`);
}

runDemo(async () => {
  const title = '城区公共停车场特许经营协议（示例）';
  say(`\n${title} — 政府合同合法性审查\n`);
  let s = await call<Snapshot>(
    'POST',
    '/api/procedures/contract-reviews',
    'drafter.mkt',
    sampleContract(`demo-${Date.now().toString(36)}`, title),
  );
  const id = s.procedureId;
  show(s, 'D1 立项（特许经营，应审查）');
  const stepAs = (user: string, name: string, body: unknown = {}) =>
    call<Snapshot>('POST', `/api/procedures/${id}/steps/${name}`, user, body);
  const upload = (text: string) =>
    call<Snapshot>('POST', `/api/procedures/${id}/documents/DRAFT`, 'drafter.mkt', undefined, text);

  await upload('特许经营协议（草案）\n第十条 区政府为乙方融资提供担保。\n');
  s = show(await stepAs('drafter.mkt', 'submit', { note: '招标文件、中标通知书、相对人资信材料' }), 'D4 送审');
  let reviewer = await reviewerOf(s.openTaskId!);
  s = show(
    await stepAs(reviewer, 'opinion', {
      conclusion: 'REVISE',
      reasons: '行政机关不得以其名义提供担保。',
      checklist: checklist({ NO_GOVERNMENT_GUARANTEE: '删除第十条' }),
      reviewedSha256: s.documents.DRAFT.sha256,
    }),
    `D5 审查意见（${reviewer}）：修改`,
  );
  await upload('特许经营协议（修改稿）\n第十条 删除。\n');
  s = show(await stepAs('drafter.mkt', 'submit', { note: '已删除担保条款' }), 'D6 修改后重新送审');
  reviewer = await reviewerOf(s.openTaskId!);
  s = show(
    await stepAs(reviewer, 'opinion', {
      conclusion: 'PASS',
      reasons: '合法',
      checklist: checklist(),
      reviewedSha256: s.documents.DRAFT.sha256,
    }),
    `D5 审查意见（${reviewer}）：通过`,
  );
  s = show(
    await stepAs('drafter.mkt', 'sign', { signedSha256: s.documents.DRAFT.sha256, signatory: '区市场监管局局长' }),
    'D7 签订（审查文本）',
  );
  s = show(
    await stepAs('drafter.mkt', 'file', { filedWith: ['区司法局', '区档案馆'], reference: 'BA-2026-0001' }),
    'D8 备案',
  );
  await stepAs('drafter.mkt', 'milestones', { title: '一期建成', dueDate: '2026-12-31' });
  s = await stepAs('drafter.mkt', 'acceptance', { item: '一期工程款' });
  say(`  D9 验收：付款期限至 ${s.payments[0].dueAt}（中小企业款项支付）`);
  await stepAs('drafter.mkt', 'complete-milestone', { item: '一期建成' });
  await stepAs('drafter.mkt', 'payment', { item: '一期工程款' });
  s = show(await stepAs('drafter.mkt', 'close', { reason: '履行完毕' }), 'D10 履行完毕');
  const verify = await call<{ ok: boolean }>('GET', '/api/admin/ledger/verify', 'officer.zhang');
  say(`ledger:verify → ${JSON.stringify(verify)}`);
  if (!verify.ok) throw new Error('the ledger does not verify');
});
