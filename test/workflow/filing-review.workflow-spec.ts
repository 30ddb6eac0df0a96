import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import {
  DocumentKind,
  ErrorCode,
  Role,
  DEFAULT_FILING_REVIEW_POLICY,
  FILING_REVIEW_WORKFLOW_TYPE,
  FILING_STANDARDS,
  FilingReviewStage as Stage,
  frAwaitSettledUpdate,
  frEscalateUpdate,
  frFileUpdate,
  frFollowUpUpdate,
  frGovernmentDecisionUpdate,
  frRegisterUpdate,
  frReportUpdate,
  frReviewUpdate,
  frSubmitDocumentVersionUpdate,
  frSupplementUpdate,
  getFilingReviewStateQuery,
  type FilingOutcome,
  type FilingReviewInput,
  type FilingReviewPolicy,
  type FilingReviewSnapshot,
  type FilingReviewWorkflow,
  type FrRegisterArgs,
} from '@lawgate/domain';
import { eventually } from '../support/eventually';
import { person, recordHistory, refusal, sha, useWorkflowHarness } from './harness';

const issuerUnit = randomUUID();
const issuer = person([Role.Drafter], issuerUnit, 'issuer');
const otherDrafter = person([Role.Drafter], randomUUID(), 'other');
const officer = person([Role.LegalAffairsOfficer], randomUUID(), 'officer');
const leader = person([Role.Leader], randomUUID(), 'leader');

const POLICY: FilingReviewPolicy = {
  ...DEFAULT_FILING_REVIEW_POLICY,
  version: 'test-seconds',
  reminderLeadSeconds: 1,
  filingPeriod: { amount: 2, unit: 'SECONDS' },
  registrationPeriod: { amount: 60, unit: 'SECONDS' },
  supplementPeriod: { amount: 60, unit: 'SECONDS' },
  reviewPeriod: { amount: 60, unit: 'SECONDS' },
  makerResponsePeriod: { amount: 3, unit: 'SECONDS' },
  governmentDecisionPeriod: { amount: 60, unit: 'SECONDS' },
  followUpPeriod: { amount: 60, unit: 'SECONDS' },
};
type Handle = WorkflowHandle<FilingReviewWorkflow>;
type Snap = FilingReviewSnapshot;
const standards = (failed: Record<string, string> = {}) =>
  FILING_STANDARDS.map((item) => ({ item, ok: !(item in failed), note: failed[item] ?? '' }));
const today = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
const item = (kind: DocumentKind, n: number) => ({
  kind,
  sha256: sha(n),
  size: 1,
  mediaType: 'text/plain',
  filename: 'f.txt',
});

describe('filingReviewWorkflow (规范性文件备案审查)', () => {
  const harness = useWorkflowHarness('fr');

  async function start(withPackage = true, publishedOn = '2099-01-01'): Promise<[Handle, Snap]> {
    const procedureId = randomUUID();
    const input: FilingReviewInput = {
      procedureId,
      document: {
        title: '金坛区校外培训机构管理办法',
        issuerUnitId: issuerUnit,
        issuerUnitCode: 'JT-EDU',
        issuerName: '区教育局',
        documentNumber: `坛教规〔2026〕${procedureId.slice(0, 4)}号`,
        publishedOn,
      },
      source: withPackage ? 'UPLOAD' : 'EXPECTED',
      origin: null,
      package: withPackage ? [item(DocumentKind.Draft, 1), item(DocumentKind.FilingReport, 2)] : [],
      filedBy: withPackage ? issuer : officer,
      policy: POLICY,
    };
    const h = await harness.client.workflow.start<FilingReviewWorkflow>(FILING_REVIEW_WORKFLOW_TYPE, {
      taskQueue: harness.taskQueue,
      workflowId: `filing-review:test:${procedureId}`,
      args: [harness.versioned(input)],
    });
    return [h, await h.executeUpdate(frAwaitSettledUpdate, { args: [] })];
  }
  const upload = (h: Handle, kind: DocumentKind, n: number) =>
    h.executeUpdate(frSubmitDocumentVersionUpdate, {
      args: [{ ...item(kind, n), note: '', actor: issuer }],
    });
  const register = (h: Handle, s: Snap, args: Partial<FrRegisterArgs> = {}) =>
    h.executeUpdate(frRegisterUpdate, {
      args: [{ taskId: s.openTaskId!, decision: 'REGISTER', reasons: '', actor: officer, ...args }],
    });
  const review = (h: Handle, s: Snap, outcome: FilingOutcome, list = standards(), request?: string, shaOf?: string) =>
    h.executeUpdate(frReviewUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          outcome,
          reasons: '经审查',
          standards: list,
          reviewedSha256: shaOf ?? s.documents.DRAFT!.sha256,
          request,
          actor: officer,
        },
      ],
    });
  const kinds = (s: Snap) => s.steps.map((x) => x.decision);

  it('should register a filed package and pass it, bound to the text reviewed, refusing steps out of order', async () => {
    const [h, first] = await start();
    let s = first;
    expect([s.stage, s.late, kinds(s)]).toEqual([Stage.Registration, false, ['FILING_RECEIVED']]);
    expect(harness.calls.openTask.find((t) => t.workflowId === h.workflowId)?.kind).toBe('FR_REGISTER');
    const early = await refusal(review(h, s, 'PASSED'));
    expect([early.type, early.message]).toEqual([ErrorCode.WrongStage, expect.stringContaining('第十一条')]);
    const byIssuer = await refusal(register(h, s, { actor: issuer }));
    expect(byIssuer.type).toBe(ErrorCode.Forbidden);
    s = await register(h, s);
    expect(s.stage).toBe(Stage.Review);
    const late = await refusal(register(h, s));
    expect([late.type, late.message]).toEqual([ErrorCode.WrongStage, expect.stringContaining('第九条')]);
    const stale = await refusal(review(h, s, 'PASSED', standards(), undefined, sha(9)));
    expect(stale.type).toBe(ErrorCode.StaleVersion);
    const unfit = await refusal(review(h, s, 'PASSED', standards({ APPROPRIATE: '措施过严' })));
    expect(unfit.message).toContain('APPROPRIATE');
    const upload1 = await refusal(upload(h, DocumentKind.Draft, 5));
    expect(upload1.type).toBe(ErrorCode.WrongStage);
    s = await review(h, s, 'PASSED');
    expect([s.stage, s.status]).toEqual([Stage.Filed, 'ENDED']);
    expect(s.opinions[0]).toMatchObject({ outcome: 'PASSED', reviewedSha256: sha(1) });
    const signed = harness.calls.recordDecision.find(
      (d) => d.workflowId === h.workflowId && d.decision === 'FILING_REVIEW_PASSED',
    );
    expect(signed?.documentSha256).toBe(sha(1));
    recordHistory(h.workflowId, 'filing-review-v1-register-and-pass');
  });

  it('should refuse registration with a ground and reasons, and defer until the materials are supplemented', async () => {
    const [h, first] = await start();
    let s = first;
    const bare = await refusal(register(h, s, { decision: 'REFUSE', reasons: '内部管理制度' }));
    expect(bare.message).toContain('ground');
    const deferBare = await refusal(register(h, s, { decision: 'DEFER', missing: [] }));
    expect(deferBare.message).toContain('missing');
    s = await register(h, s, { decision: 'DEFER', missing: ['起草说明', '制定依据'] });
    expect(s.stage).toBe(Stage.Supplement);
    expect(harness.calls.openTask.filter((t) => t.workflowId === h.workflowId).map((t) => t.kind)).toEqual([
      'FR_REGISTER',
      'FR_SUPPLEMENT',
    ]);
    const nothing = await refusal(h.executeUpdate(frSupplementUpdate, { args: [{ note: '', actor: issuer }] }));
    expect(nothing.message).toContain('起草说明');
    await upload(h, DocumentKind.DraftingExplanation, 3);
    const stranger = await refusal(h.executeUpdate(frSupplementUpdate, { args: [{ note: '', actor: otherDrafter }] }));
    expect(stranger.type).toBe(ErrorCode.Forbidden);
    s = await h.executeUpdate(frSupplementUpdate, { args: [{ note: '已补充', actor: issuer }] });
    expect(s.stage).toBe(Stage.Registration);
    s = await register(h, s, {
      decision: 'REFUSE',
      ground: 'NOT_NORMATIVE',
      reasons: '属于内部管理制度，不是规范性文件',
    });
    expect([s.stage, s.status]).toEqual([Stage.NotRegistered, 'ENDED']);
    expect(kinds(s)).toEqual([
      'FILING_RECEIVED',
      'FILING_DEFERRED',
      'FILING_SUPPLEMENTED',
      'FILING_NOT_REGISTERED_NOT_NORMATIVE',
    ]);
  });

  it('should run the correction loop: a written opinion, the corrected text and report, review again', async () => {
    const [h, first] = await start();
    let s = first;
    s = await register(h, s);
    const noRequest = await refusal(
      review(h, s, 'FORMAL_OPINION', standards({ NO_DUTIES_ADDED_OR_RIGHTS_CUT: '第五条增设保证金' })),
    );
    expect(noRequest.message).toContain('第十八条');
    const technicalOnly = await refusal(
      review(h, s, 'FORMAL_OPINION', standards({ DRAFTING_TECHNIQUE: '序号' }), '改'),
    );
    expect(technicalOnly.message).toContain('TECHNICAL');
    s = await review(
      h,
      s,
      'FORMAL_OPINION',
      standards({ NO_DUTIES_ADDED_OR_RIGHTS_CUT: '第五条增设保证金' }),
      '删除第五条',
    );
    expect(s.stage).toBe(Stage.MakerResponse);
    expect(
      harness.calls.openTask.find((t) => t.workflowId === h.workflowId && t.kind === 'FR_MAKER_RESPONSE')?.period,
    ).toEqual(POLICY.makerResponsePeriod);
    const noReport = await refusal(
      h.executeUpdate(frReportUpdate, { args: [{ revised: true, note: '', actor: issuer }] }),
    );
    expect(noReport.message).toContain('HANDLING_REPORT');
    await upload(h, DocumentKind.HandlingReport, 7);
    const sameText = await refusal(
      h.executeUpdate(frReportUpdate, { args: [{ revised: true, note: '', actor: issuer }] }),
    );
    expect(sameText.message).toContain('DRAFT');
    await upload(h, DocumentKind.Draft, 8);
    s = await h.executeUpdate(frReportUpdate, { args: [{ revised: true, note: '已删除第五条', actor: issuer }] });
    expect(s.stage).toBe(Stage.Review);
    const old = await refusal(review(h, s, 'PASSED', standards(), undefined, sha(1)));
    expect(old.type).toBe(ErrorCode.StaleVersion);
    s = await review(h, s, 'PASSED');
    expect(s.stage).toBe(Stage.Filed);
    expect(s.opinions.map((o) => [o.outcome, o.reviewedSha256])).toEqual([
      ['FORMAL_OPINION', sha(1)],
      ['PASSED', sha(8)],
    ]);
    expect(s.reports).toEqual([expect.objectContaining({ revised: true, sha256: sha(8) })]);
    recordHistory(h.workflowId, 'filing-review-v1-correction-loop');
  });

  it('should escalate to the government only once the correction period has passed', async () => {
    const [h, first] = await start();
    let s = first;
    s = await register(h, s);
    s = await review(h, s, 'CORRECTION_AGREED', standards({ WITHIN_POWERS: '超越职权' }), '制定机关承诺修改第三条');
    const soon = await refusal(h.executeUpdate(frEscalateUpdate, { args: [{ reason: '未纠正', actor: officer }] }));
    expect(soon.message).toContain('第二十一条');
    await eventually(async () => expect((await h.query(getFilingReviewStateQuery)).overdue).toBe(true), 20000);
    s = await h.executeUpdate(frEscalateUpdate, { args: [{ reason: '逾期未纠正', actor: officer }] });
    expect(s.stage).toBe(Stage.GovernmentDecision);
    const byOfficer = await refusal(
      h.executeUpdate(frGovernmentDecisionUpdate, {
        args: [
          {
            taskId: s.openTaskId!,
            decision: 'REVOKE',
            reference: '坛政发〔2026〕9号',
            reasons: '越权',
            actor: officer,
          },
        ],
      }),
    );
    expect(byOfficer.type).toBe(ErrorCode.Forbidden);
    s = await h.executeUpdate(frGovernmentDecisionUpdate, {
      args: [
        { taskId: s.openTaskId!, decision: 'REVOKE', reference: '坛政发〔2026〕9号', reasons: '越权', actor: leader },
      ],
    });
    expect([s.stage, s.status, s.governmentDecision?.decision]).toEqual([Stage.Revoked, 'ENDED', 'REVOKE']);
  });

  it('should notice a missing filing, follow it up, and receive it late', async () => {
    const [h, first] = await start(false, today());
    let s = first;
    // The follow-up task opens when the filing period (seconds here) has passed: by the start's answer or soon after.
    expect(s.stage).toBe(Stage.AwaitingFiling);
    await eventually(async () => expect((await h.query(getFilingReviewStateQuery)).openTaskId).not.toBeNull(), 20000);
    s = await h.query(getFilingReviewStateQuery);
    expect(s.waitingFor).toContain('逾期未报送备案');
    const order = await refusal(
      h.executeUpdate(frFollowUpUpdate, {
        args: [{ taskId: s.openTaskId!, action: 'ORDER', note: '责令', actor: officer }],
      }),
    );
    expect(order.message).toContain('notice');
    s = await h.executeUpdate(frFollowUpUpdate, {
      args: [{ taskId: s.openTaskId!, action: 'NOTICE', note: '请于5个工作日内报送备案', actor: officer }],
    });
    expect(s.followUps.map((f) => f.action)).toEqual(['NOTICE']);
    expect(s.openTaskId).not.toBeNull();
    const empty = await refusal(h.executeUpdate(frFileUpdate, { args: [{ note: '', actor: issuer }] }));
    expect(empty.message).toContain('FILING_REPORT');
    await upload(h, DocumentKind.Draft, 11);
    await upload(h, DocumentKind.FilingReport, 12);
    s = await h.executeUpdate(frFileUpdate, { args: [{ note: '补报', actor: issuer }] });
    expect([s.stage, s.late]).toEqual([Stage.Registration, true]);
    expect(kinds(s)).toEqual(['FILING_FOLLOW_UP_NOTICE', 'FILING_RECEIVED_LATE']);
  });
});
