import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import {
  DocumentKind,
  Role,
  NORMATIVE_DOCUMENT_WORKFLOW_TYPE,
  awaitSettledUpdate,
  decideProjectApprovalUpdate,
  giveAdviserOpinionUpdate,
  requestAdviserOpinionUpdate,
  submitDocumentVersionUpdate,
  type Actor,
  type NormativeDocumentInput,
  type NormativeDocumentWorkflow,
} from '@lawgate/domain';
import type { Calls } from '../support/fake-activities';
import { uniqueSuffix } from '../support/test-env';
import { useWorkflowHarness } from './harness';

const departmentId = randomUUID();
const person = (roles: Role[], unitId: string): Actor => ({
  userId: randomUUID(),
  username: roles[0].toLowerCase(),
  displayName: roles[0],
  roles,
  unitId,
});
const drafter = person([Role.Drafter], departmentId);
const officer = person([Role.LegalAffairsOfficer], randomUUID());
const adviser = person([Role.LegalAdviser], randomUUID());

/** The drafter's question to an adviser reaches the adviser's task, the procedure's view and the ledger. */
describe('the drafting unit’s question to a legal adviser', () => {
  const harness = useWorkflowHarness('law-question');
  let calls: Calls;
  let client: Client;
  beforeAll(() => {
    calls = harness.calls;
    client = harness.client;
  });

  it('is on the routed task, in the snapshot (asked and answered) and in the ledger with the text it was asked on', async () => {
    const projectCode = uniqueSuffix();
    const input: NormativeDocumentInput = {
      procedureId: randomUUID(),
      projectCode,
      title: '关于规范校外培训收费的规定',
      departmentId,
      departmentCode: 'EDU',
      applicant: drafter,
      application: {
        necessity: 'n',
        legalBasis: 'b',
        mainContent: 'c',
        touchesBusiness: false,
        alsoMajorDecision: false,
      },
      policy: { version: 'test', projectApprovalPeriod: { amount: 30, unit: 'SECONDS' }, reminderLeadSeconds: 10 },
    };
    const workflowId = `normative-document:EDU:${projectCode}`;
    const handle = await client.workflow.start<NormativeDocumentWorkflow>(NORMATIVE_DOCUMENT_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: harness.taskQueue,
      args: [harness.versioned(input)],
    });
    const settled = await handle.executeUpdate(awaitSettledUpdate, { args: [] });
    await handle.executeUpdate(decideProjectApprovalUpdate, {
      args: [{ taskId: settled.openTaskId!, decision: 'APPROVED', opinion: '', actor: officer }],
    });
    await handle.executeUpdate(submitDocumentVersionUpdate, {
      args: [
        {
          kind: DocumentKind.Draft,
          sha256: 'c'.repeat(64),
          size: 1,
          mediaType: 'text/plain',
          filename: 'd.txt',
          note: '',
          actor: drafter,
        },
      ],
    });
    const question = '第三条的收费项目是否有上位法依据？';
    const asked = await handle.executeUpdate(requestAdviserOpinionUpdate, {
      args: [{ expertise: ['教育'], question: `  ${question} `, actor: drafter }],
    });

    // The adviser's task carries the question.
    expect(calls.routeTask.filter((c) => c.workflowId === workflowId)).toEqual([
      expect.objectContaining({ kind: 'ADVISER_OPINION', question }),
    ]);
    // The procedure's view shows it while the opinion is pending.
    expect(asked.pendingOpinion).toMatchObject({ question, requestedOn: { sha256: 'c'.repeat(64) } });
    // The ledger keeps what was asked, on which text, by whom.
    expect(calls.recordDecision.filter((c) => c.workflowId === workflowId && c.stage === 'DRAFTING')).toEqual([
      expect.objectContaining({
        decision: 'ADVISER_OPINION_REQUESTED',
        opinion: `向法律顾问提出的问题：${question}`,
        documentSha256: 'c'.repeat(64),
        actorRole: Role.Drafter,
        taskId: null,
      }),
    ]);

    const answered = await handle.executeUpdate(giveAdviserOpinionUpdate, {
      args: [
        {
          taskId: asked.pendingOpinion!.taskId,
          conclusion: 'MUST_AMEND',
          reasons: '第三条缺乏上位法依据',
          reviewedSha256: 'c'.repeat(64),
          actor: adviser,
        },
      ],
    });
    // The answered opinion keeps the question it answers, for the review view.
    expect(answered.opinions).toEqual([expect.objectContaining({ conclusion: 'MUST_AMEND', question })]);
    await handle.terminate('test done');
  });
});
