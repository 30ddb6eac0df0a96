/**
 * The filing-review bot (规范性文件备案审查), the path `npm run demo:filing` walks: the market-regulation bureau files a
 * document issued outside LawGate, the legal-affairs office defers its registration for a missing drafting
 * explanation, the bureau supplements it and the filing is registered, the review (each pre-review finding decided)
 * asks for a correction in a written opinion, the bureau re-files the corrected text with its handling report, and
 * the review passes it into the public catalog.
 */
import { filingFile as file, filingStandards as standards } from '../../../scripts/lib/sample-procedures';
import { ApiError } from '../client';
import { drive, start, stepsOf, today, uploaderOf, type BotContext, type Snap } from './shared';

interface FilingSnap extends Snap {
  documents: Record<string, { version: number; sha256: string }>;
  registrations: unknown[];
  opinions: unknown[];
  reports: unknown[];
}
interface PreReview {
  sha256: string | null;
  findings: { key: string; ruleId: string }[];
}

const ISSUER = 'drafter.mkt';
const OFFICE = 'officer.zhang';
/** The document number (文号) a job's code files under: the procedure's business key. */
export const filingNumberOf = (code: string) => `坛市监规〔2026〕${code}号`;

export async function filingReviewBot(ctx: BotContext, code: string): Promise<string> {
  const documentNumber = filingNumberOf(code);
  const id = await start(ctx, ISSUER, '/api/procedures/filing-reviews', documentNumber, {
    title: `混沌测试市场主体信用分类监管办法 ${code}`,
    documentNumber,
    publishedOn: today(),
    files: [
      file('DRAFT', `${code}\n第一条 为加强信用监管，制定本办法。\n第五条 对失信主体处五千元罚款。\n`),
      file('FILING_REPORT', `关于报送备案的报告 ${code}`),
    ],
  });
  const step = stepsOf(ctx, id);
  const upload = uploaderOf(ctx, id, ISSUER);
  const task = (s: FilingSnap, name: string, body: unknown) => step(OFFICE, name, body, `${name}:${s.openTaskId}`);
  /** Each finding of the pre-review of the text under review, decided (`confirm`: the rules confirmed). */
  const decided = async (s: FilingSnap, confirm: Record<string, string>) => {
    const pre = await ctx.client.call<PreReview>(OFFICE, 'GET', `/api/procedures/${id}/pre-review`);
    // A text read before the corrected one arrived: read the state again (as a refusal would make the bot do).
    if (pre.sha256 !== s.documents.DRAFT.sha256) {
      throw new ApiError(409, 'STALE_VERSION', `pre-review of ${pre.sha256}`);
    }
    return pre.findings.map((f) => ({
      key: f.key,
      decision: f.ruleId in confirm ? 'CONFIRMED' : 'DISMISSED',
      reason: confirm[f.ruleId] ?? '已核对，不构成问题',
    }));
  };
  await drive<FilingSnap>(
    ctx,
    id,
    (s) => s.stage === 'FILED',
    {
      // The first registration is deferred for the drafting explanation; the supplemented filing is registered.
      FILING_REGISTRATION: (s) =>
        task(
          s,
          'register',
          s.registrations.length === 0
            ? { decision: 'DEFER', reasons: '材料不齐', missing: ['起草说明'] }
            : { decision: 'REGISTER', reasons: '材料齐全' },
        ),
      FILING_SUPPLEMENT: async (s) => {
        await upload('DRAFTING_EXPLANATION', `起草说明 ${code}`);
        await step(ISSUER, 'supplement', { note: '已补充起草说明' }, `supplement:${s.registrations.length}`);
      },
      // The first review asks for article 5 to go in a written opinion; the corrected text passes.
      FILING_REVIEW: async (s) =>
        task(
          s,
          'review',
          s.opinions.length === 0
            ? {
                outcome: 'FORMAL_OPINION',
                reasons: '第五条设定罚款，行政规范性文件不得设定行政处罚。',
                standards: standards({ NO_UNLAWFUL_LICENCE_PENALTY_COERCION_FEE: '第五条设定罚款' }),
                reviewedSha256: s.documents.DRAFT.sha256,
                request: '删除第五条',
                preReviewDecisions: await decided(s, { PENALTY_WITHOUT_BASIS: '规范性文件不得设定罚款' }),
              }
            : {
                outcome: 'PASSED',
                reasons: '修改后符合备案审查标准。',
                standards: standards(),
                reviewedSha256: s.documents.DRAFT.sha256,
                preReviewDecisions: await decided(s, {}),
              },
        ),
      MAKER_RESPONSE: async (s) => {
        await upload('HANDLING_REPORT', `已删除第五条 ${code}`);
        await upload('DRAFT', `${code}\n第一条 为加强信用监管，制定本办法。\n第五条 依照有关法律法规处理。\n`);
        await step(
          ISSUER,
          'report',
          { revised: true, note: '已按审查意见修改并重新报送' },
          `report:${s.reports.length}`,
        );
      },
    },
    (s) => `${s.registrations.length}:${s.opinions.length}`,
  );
  return id;
}
