/**
 * The contract bot (政府合同合法性审查), the path `npm run demo:contract` walks: the market-regulation bureau submits a
 * franchise agreement with a guarantee in the government's name, the routed legal adviser asks for it to be revised,
 * the revised text passes, the bureau signs the very text reviewed and files it, and keeps the register (a milestone,
 * an acceptance with its SME payment deadline, the payment) to completion. The drafter never reviews the contract:
 * the adviser who holds the review task does.
 */
import { contractChecklist as checklist, sampleContract } from '../../../scripts/lib/sample-procedures';
import { drive, holderOf, start, stepsOf, uploaderOf, type BotContext, type Snap } from './shared';

interface ContractSnap extends Snap {
  documents: Record<string, { version: number; sha256: string }>;
  opinions: { conclusion: string }[];
  milestones: { title: string; doneAt: string | null }[];
  payments: { item: string; paidAt: string | null }[];
}

const UNIT = 'drafter.mkt';
const MILESTONE = '一期建成';
const PAYMENT = '一期工程款';

export async function contractBot(ctx: BotContext, code: string): Promise<string> {
  const id = await start(
    ctx,
    UNIT,
    '/api/procedures/contract-reviews',
    code,
    sampleContract(code, `混沌测试公共停车场特许经营协议 ${code}`),
  );
  const step = stepsOf(ctx, id);
  const upload = uploaderOf(ctx, id, UNIT);
  const unit = (name: string, body: unknown, key = name) => step(UNIT, name, body, key);
  // A submission is keyed by the review round it opens: the same request again finds the round it opened.
  const submit = (s: ContractSnap, draft: string, note: string) =>
    upload('DRAFT', draft).then(() => unit('submit', { note }, `submit:r${s.opinions.length + 1}`));
  await drive<ContractSnap>(
    ctx,
    id,
    (s) => s.stage === 'CONTRACT_COMPLETED',
    {
      SUBMISSION: (s) =>
        submit(s, `特许经营协议（草案）${code}\n第十条 区政府为乙方融资提供担保。\n`, '招标文件、中标通知书'),
      // The first review finds the guarantee; the revised text passes.
      CONTRACT_LEGALITY_REVIEW: (s, d) =>
        step(
          holderOf(ctx, s, d, 'officer.zhang'),
          'opinion',
          s.opinions.length === 0
            ? {
                conclusion: 'REVISE',
                reasons: '行政机关不得以其名义提供担保。',
                checklist: checklist({ NO_GOVERNMENT_GUARANTEE: '删除第十条' }),
                reviewedSha256: s.documents.DRAFT.sha256,
              }
            : { conclusion: 'PASS', reasons: '合法', checklist: checklist(), reviewedSha256: s.documents.DRAFT.sha256 },
          `opinion:${s.openTaskId}`,
        ),
      CONTRACT_REVISION: (s) => submit(s, `特许经营协议（修改稿）${code}\n第十条 删除。\n`, '已删除担保条款'),
      SIGNING: (s) => unit('sign', { signedSha256: s.documents.DRAFT.sha256, signatory: '区市场监管局局长' }),
      FILING: (s) =>
        unit('file', { filedWith: ['区司法局', '区档案馆'], reference: `BA-${code}` }, `file:${s.openTaskId}`),
      // The register: a milestone, an acceptance (its payment deadline), the milestone done, the payment, the close.
      PERFORMANCE: (s) => {
        if (s.milestones.length === 0) return unit('milestones', { title: MILESTONE, dueDate: '2026-12-31' });
        if (s.payments.length === 0) return unit('acceptance', { item: PAYMENT });
        if (s.milestones.some((m) => !m.doneAt)) return unit('complete-milestone', { item: MILESTONE });
        if (s.payments.some((p) => !p.paidAt)) return unit('payment', { item: PAYMENT });
        return unit('close', { reason: '履行完毕' });
      },
    },
    (s) => `${s.milestones.length}:${s.payments.length}`,
  );
  return id;
}
