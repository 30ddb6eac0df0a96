/**
 * The normative-document bot: a government document taken from project approval through drafting, the drafting unit's
 * and the market regulation department's fair-competition reviews, public comment, the legality review, the executive
 * meeting, registration and publication, to its filing with (and acceptance by) each recipient its issuer requires.
 */
import { drive, sleep, start, stepsOf, text, uploaderOf, type BotContext, type Snap } from './shared';

interface NormativeSnap extends Snap {
  commentWindow?: { windowId: string; closed: boolean } | null;
  /** One filing per recipient the issuer requires (a government document: two). */
  filings?: { filingId: string; recipient: string; status: string }[];
  fairCompetition?: { marketRegulationReviews: boolean; marketRegulationTaskId: string | null } | null;
}

export async function normativeBot(ctx: BotContext, code: string): Promise<string> {
  const id = await start(ctx, 'drafter.edu', '/api/procedures/normative-documents', code, {
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
  const step = stepsOf(ctx, id);
  const p = (name: string, body: unknown, key: string, user = 'drafter.edu') => step(user, name, body, key);
  const task = (s: Snap, name: string, body: unknown, user = 'officer.zhang') =>
    p(name, body, `${name}:${s.openTaskId}`, user);
  const uploadAs = uploaderOf(ctx, id, 'drafter.edu');
  const upload = async (s: Snap, kind: string) => {
    if (!s.documents?.[kind]) await uploadAs(kind, text(kind, code));
  };
  // Done once the document is filed with, and accepted by, each recipient its issuer requires.
  const filed = (s: NormativeSnap) => !!s.filings?.length && s.filings.every((f) => f.status === 'ACCEPTED');
  const filingsOf = (s: NormativeSnap) => `${s.filings?.map((f) => f.status).join(',')}:${s.commentWindow?.closed}`;
  await drive<NormativeSnap>(
    ctx,
    id,
    filed,
    {
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
    },
    filingsOf,
  );
  return id;
}
