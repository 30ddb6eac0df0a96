/**
 * `npm run demo`: one administrative normative document through every stage, by the seeded users, through LawGate's
 * public HTTP API — project approval, drafting, fair-competition review, public comment (with comments from the
 * public and their answers), the drafting unit's own check, the materials check, a legality review that finds the
 * draft unlawful, the revision and the second review, the deliberation, registration with its number, publication
 * and filing — printing each stage, the number and the ledger, and ending with the ledger verified.
 *
 * It uses the API at LAWGATE_API_URL (default http://127.0.0.1:3000) when one answers there; otherwise it starts
 * LawGate itself (`npm start` with PROCEDURE_PERIODS=demo, so that statutory periods last seconds) and stops it after.
 */
import { createHash, randomUUID } from 'node:crypto';
import { BASE, call, runDemo, say, sleep } from './lib/demo-http';

interface Snapshot {
  procedureId: string;
  stage: string;
  status: string;
  openTaskId: string | null;
  waitingFor?: string | null;
  documents?: Record<string, { version: number; sha256: string }>;
  commentWindow?: { windowId: string; closesAt: string; closed: boolean } | null;
  registration?: { number: string; validUntil: string } | null;
  filing?: { status: string } | null;
  filings?: { filingId: string; recipient: string; status: string }[];
}
interface LedgerEntry {
  seq: string;
  stage: string;
  actorName: string;
  decision: string;
  documentSha256: string | null;
  hash: string;
}

function step(snapshot: Snapshot, what: string): Snapshot {
  say(`  ${what.padEnd(34)} → ${snapshot.stage}${snapshot.waitingFor ? `（${snapshot.waitingFor}）` : ''}`);
  return snapshot;
}

async function live(procedureId: string, user: string): Promise<Snapshot> {
  const detail = await call<{ live: Snapshot | null; stage: string }>('GET', `/api/procedures/${procedureId}`, user);
  if (!detail.live) throw new Error('the procedure has no live state');
  return detail.live;
}

async function holderOf(taskId: string, candidates: string[]): Promise<string> {
  for (const user of candidates) {
    const inbox = await call<{ items: { id: string }[] }>('GET', '/api/tasks/inbox?limit=200', user);
    if (inbox.items.some((t) => t.id === taskId)) return user;
  }
  throw new Error(`none of ${candidates.join(', ')} holds task ${taskId}`);
}

async function run(): Promise<void> {
  const title = '金坛区校外培训机构管理办法（示例）';
  say(`\n《${title}》 — 行政规范性文件制定程序\n`);
  let s = await call<Snapshot>('POST', '/api/procedures/normative-documents', 'drafter.edu', {
    projectCode: `demo-${Date.now().toString(36)}`,
    title,
    application: {
      necessity: '规范校外培训机构办学行为，保护学生和家长的合法权益。',
      legalBasis: '《中华人民共和国民办教育促进法》及其实施条例',
      mainContent: '设立条件、收费与退费、日常监管。',
      touchesBusiness: true,
      alsoMajorDecision: false,
      classificationReason: '涉及培训机构和学生家长的权利义务，具有普遍约束力，在一定期限内反复适用。',
    },
  });
  const id = s.procedureId;
  step(s, 'B1 立项申请（教育局）');
  s = step(
    await call('POST', `/api/procedures/${id}/steps/project-approval`, 'officer.zhang', {
      decision: 'APPROVED',
      opinion: '同意立项。',
    }),
    'B1 立项审批（司法局）',
  );

  const v1 = '第一条 为规范校外培训机构，制定本办法。\n第五条 设立培训机构须经区教育局许可，并缴纳保证金五十万元。\n';
  for (const [kind, text] of [
    ['DRAFT', v1],
    ['DRAFTING_EXPLANATION', '一、制定背景……二、主要内容……'],
    ['BASIS_LIST', '《中华人民共和国民办教育促进法》第十八条'],
  ]) {
    await call('POST', `/api/procedures/${id}/documents/${kind}`, 'drafter.edu', undefined, text);
  }
  s = step(
    await call('POST', `/api/procedures/${id}/steps/complete-drafting`, 'drafter.edu', { note: '草案起草完成。' }),
    'B2 起草完成',
  );
  s = step(
    await call('POST', `/api/procedures/${id}/steps/fair-competition-review`, 'drafter.edu', {
      conclusion: 'COMPLIANT',
      summary: '经审查，不含排除、限制竞争的内容。',
    }),
    'B3 公平竞争审查（起草单位初审）',
  );
  s = step(
    await call('POST', `/api/procedures/${id}/steps/market-regulation-review`, 'drafter.mkt', {
      conclusion: 'COMPLIANT',
      summary: '经审查，不含排除、限制竞争的内容。',
    }),
    'B3 公平竞争审查（市场监管局）',
  );
  s = step(await call('POST', `/api/procedures/${id}/steps/comment-window`, 'drafter.edu', {}), 'B4 发布征求意见稿');
  const windowId = s.commentWindow!.windowId;
  if (Date.parse(s.commentWindow!.closesAt) - Date.now() > 5 * 60 * 1000) {
    throw new Error(
      `The comment window runs until ${s.commentWindow!.closesAt}: this LawGate uses statutory periods. ` +
        'Run the demo against LawGate started with PROCEDURE_PERIODS=demo.',
    );
  }
  for (const content of ['建议明确退费的具体期限。', '保证金数额过高，建议取消。']) {
    const receipt = await call<{ receiptNo: string }>(
      'POST',
      `/api/public/comment-windows/${windowId}/comments`,
      null,
      {
        content,
      },
    );
    say(`    公众意见「${content}」 回执 ${receipt.receiptNo}`);
  }
  while (!(s = await live(id, 'drafter.edu')).commentWindow?.closed) await sleep(500);
  step(s, 'B4 征求意见期满');
  const received = await call<{ commentId: string; content: string }[]>(
    'GET',
    `/api/comment-windows/${windowId}/comments`,
    'drafter.edu',
  );
  for (const comment of received) {
    await call('POST', `/api/procedures/${id}/steps/answer-comment`, 'drafter.edu', {
      commentId: comment.commentId,
      answer: 'ADOPTED',
      reason: '已采纳，修改相应条款。',
    });
  }
  say(`    逐条答复 ${received.length} 条意见`);
  s = step(
    await call('POST', `/api/procedures/${id}/steps/complete-public-comment`, 'drafter.edu', {
      note: '意见已逐条答复。',
    }),
    'B4 征求意见结束',
  );
  await call(
    'POST',
    `/api/procedures/${id}/documents/OWN_LEGALITY_OPINION`,
    'drafter.edu',
    undefined,
    '经审核，合法。',
  );
  s = step(
    await call('POST', `/api/procedures/${id}/steps/submit-for-review`, 'drafter.edu', {
      note: '经本单位法制机构审核，草案合法。',
      expertise: ['教育'],
    }),
    'B5 本单位合法性审核并报送',
  );
  s = step(
    await call('POST', `/api/procedures/${id}/steps/materials-check`, 'officer.zhang', {
      complete: true,
      note: '材料齐全，审核期限自即日起计算。',
    }),
    'B6 材料齐全性审查',
  );

  const advisers = ['adviser.li', 'adviser.chen', 'adviser.zhao', 'officer.zhang', 'officer.liu'];
  const review = async (conclusion: string, reasons: string) => {
    const reviewer = await holderOf(s.openTaskId!, advisers);
    for (;;) {
      try {
        return await call<Snapshot>('POST', `/api/procedures/${id}/steps/legality-opinion`, reviewer, {
          conclusion,
          reasons,
          reviewedSha256: s.documents!.DRAFT.sha256,
        });
      } catch (err) {
        // The reviewer is left a minimum review time; the demo waits it out.
        if (!String(err).includes('minimum review time')) throw err;
        await sleep(1000);
      }
    }
  };
  s = step(await review('UNLAWFUL', '第五条设定行政许可和保证金，无法律、法规依据。'), 'B6 合法性审核：不合法');
  const v2 = '第一条 为规范校外培训机构，制定本办法。\n第五条 培训机构的设立依照《民办教育促进法》有关规定执行。\n';
  await call('POST', `/api/procedures/${id}/documents/DRAFT`, 'drafter.edu', undefined, v2);
  s = step(
    await call('POST', `/api/procedures/${id}/steps/resubmit`, 'drafter.edu', { adoptedAll: true }),
    'B7 修改后重新报送',
  );
  s = step(await review('LAWFUL', ''), 'B6 合法性审核：合法');
  s = step(
    await call('POST', `/api/procedures/${id}/steps/deliberation`, 'leader.zhou', {
      decision: 'ADOPTED',
      meeting: '区政府第12次常务会议',
      meetingDate: new Date().toISOString().slice(0, 10),
      minutes: '会议审议通过，由区长签发。',
    }),
    'B8 集体审议决定',
  );
  s = step(
    await call('POST', `/api/procedures/${id}/steps/registration`, 'officer.zhang', {}),
    'B9 统一登记、统一编号',
  );
  say(`    文号 ${s.registration!.number}，有效期至 ${s.registration!.validUntil}`);
  s = step(
    await call('POST', `/api/procedures/${id}/steps/publication`, 'officer.zhang', {
      channel: 'WEBSITE',
      reference: `https://www.jintan.gov.cn/gfxwj/${randomUUID().slice(0, 8)}.html`,
    }),
    'B10 统一发布',
  );
  // Filed with each recipient the issuer requires (a government document: the city government and the district
  // people's congress standing committee).
  for (const filing of s.filings ?? []) {
    for (const [event, note] of [
      ['SUBMITTED', `已报送${filing.recipient}备案。`],
      ['ACCEPTED', '准予备案。'],
    ]) {
      s = step(
        await call('POST', `/api/procedures/${id}/steps/filing-events`, 'officer.zhang', {
          filingId: filing.filingId,
          event,
          note,
        }),
        `B11 备案（${filing.recipient}）：${event}`,
      );
    }
  }

  const detail = await call<{ ledger: LedgerEntry[] }>('GET', `/api/procedures/${id}`, 'officer.zhang');
  say('\n签署台账（ledger）:');
  for (const e of detail.ledger) {
    say(
      `  #${e.seq.padStart(4)} ${e.stage.padEnd(24)} ${e.decision.padEnd(24)} ${e.actorName}` +
        `${e.documentSha256 ? ` 稿件 ${e.documentSha256.slice(0, 12)}…` : ''}  ${e.hash.slice(0, 16)}…`,
    );
  }
  // Anyone can find the document in the public register and read exactly the text that was signed.
  const found = await call<{ items: { id: string; number: string; textUrl: string | null }[] }>(
    'GET',
    `/api/public/register?number=${encodeURIComponent(s.registration!.number)}`,
    null,
  );
  const entry = found.items.find((e) => e.number === s.registration!.number);
  if (!entry?.textUrl) throw new Error(`${s.registration!.number} is not in the public register`);
  const text = Buffer.from(await (await fetch(`${BASE}${entry.textUrl}`)).arrayBuffer());
  const textSha = createHash('sha256').update(text).digest('hex');
  say(
    `\n公开登记簿 ${entry.number}: 公布文本 SHA-256 ${textSha.slice(0, 16)}…（与签署的第2稿${textSha === s.documents!.DRAFT.sha256 ? '一致' : '不一致'}）`,
  );
  if (textSha !== s.documents!.DRAFT.sha256) throw new Error('the published text is not the text that was signed');
  // The same walk over the hash chain as `npm run ledger:verify`, through the administrators' endpoint.
  const verify = await call<{ ok: boolean; checked?: number }>('GET', '/api/admin/ledger/verify', 'officer.zhang');
  say(`ledger:verify → ${JSON.stringify(verify)}`);
  if (!verify.ok) throw new Error('the ledger does not verify');
}

runDemo(run);
