import {
  ErrorCode,
  NormativeDocumentStage as Stage,
  getProcedureStateQuery,
  recordDeliberationUpdate,
  recordFilingEventUpdate,
  recordPublicationUpdate,
  registerDocumentUpdate,
  type Actor,
  type ProcedureSnapshot,
} from '@lawgate/domain';
import type { Calls } from '../support/fake-activities';
import { refusal, useWorkflowHarness } from './harness';
import {
  bureauLeader,
  departmentId,
  governmentLeader,
  officer,
  startDocument,
  toDeliberation,
  type Handle,
} from './support/normative-walk';

const JS158 = '江苏省行政规范性文件管理规定';

function deliberate(h: Handle, s: ProcedureSnapshot, actor: Actor, meetingKind?: 'EXECUTIVE' | 'BUREAU') {
  return h.executeUpdate(recordDeliberationUpdate, {
    args: [
      {
        taskId: s.openTaskId!,
        decision: 'ADOPTED',
        meeting: meetingKind === 'BUREAU' ? '区教育局2026年第5次局务会议' : '区政府第12次常务会议',
        meetingDate: '2026-11-20',
        minutes: '审议通过',
        ...(meetingKind ? { meetingKind } : {}),
        actor,
      },
    ],
  });
}

async function publish(h: Handle, s: ProcedureSnapshot) {
  s = await h.executeUpdate(registerDocumentUpdate, { args: [{ taskId: s.openTaskId!, actor: officer }] });
  return h.executeUpdate(recordPublicationUpdate, {
    args: [{ taskId: s.openTaskId!, channel: 'WEBSITE', reference: 'https://www.jintan.gov.cn/x', actor: officer }],
  });
}

/** Department documents are not government documents: the meeting, the signer and the filing follow the issuer. */
describe('the issuer decides the deliberation and the filing', () => {
  const harness = useWorkflowHarness('law-issuer');
  let calls: Calls;
  beforeAll(() => {
    calls = harness.calls;
  });

  it("should deliberate a bureau's own document at its bureau meeting, signed by its leader, and file it with the district government", async () => {
    const { handle, input } = await startDocument(harness, { issuer: 'DEPARTMENT' });
    let s = await toDeliberation(handle);
    // The deliberation task is the bureau's, not the government's.
    const task = calls.openTask.find((c) => c.workflowId === handle.workflowId && c.kind === 'DELIBERATION')!;
    expect(task.assignTo).toEqual({ unitId: departmentId });
    // A leader of the government does not sign a department's document, nor is it the government's executive meeting.
    const government = await refusal(deliberate(handle, s, governmentLeader));
    expect(government.type).toBe(ErrorCode.Forbidden);
    expect(government.message).toContain(JS158);
    const executive = await refusal(deliberate(handle, s, bureauLeader, 'EXECUTIVE'));
    expect(executive.type).toBe(ErrorCode.RuleViolation);
    expect(executive.message).toContain('局务会议');
    expect(executive.message).toContain(JS158);
    expect((await handle.query(getProcedureStateQuery)).stage).toBe(Stage.Deliberation);

    s = await deliberate(handle, s, bureauLeader, 'BUREAU');
    expect(s.stage).toBe(Stage.Registration);
    const adopted = calls.recordDecision.find((c) => c.workflowId === handle.workflowId && c.decision === 'ADOPTED')!;
    expect(adopted.opinion).toContain('局务会议');
    expect(adopted.actor.userId).toBe(bureauLeader.userId);

    s = await publish(handle, s);
    expect(s.stage).toBe(Stage.InForce);
    const filings = calls.openFiling.filter((c) => c.procedureId === input.procedureId);
    expect(filings.map((f) => f.recipient)).toEqual(['金坛区人民政府（区司法局）']);
    expect(s.filings!.map((f) => f.recipient)).toEqual(['金坛区人民政府（区司法局）']);
    await handle.terminate('test done');
  });

  it('should deliberate a government document at the executive meeting and file it with the city government and the district NPC standing committee', async () => {
    const { handle, input } = await startDocument(harness);
    let s = await toDeliberation(handle);
    const bureau = await refusal(deliberate(handle, s, bureauLeader));
    expect(bureau.type).toBe(ErrorCode.Forbidden);
    expect(bureau.message).toContain(JS158);
    s = await deliberate(handle, s, governmentLeader, 'EXECUTIVE');
    const adopted = calls.recordDecision.find((c) => c.workflowId === handle.workflowId && c.decision === 'ADOPTED')!;
    expect(adopted.opinion).toContain('政府常务会议');

    s = await publish(handle, s);
    const opened = calls.openFiling.filter((c) => c.procedureId === input.procedureId);
    expect(opened.map((f) => f.recipient)).toEqual(['常州市人民政府（市司法局）', '金坛区人民代表大会常务委员会']);
    // Each filing carries the whole package.
    for (const f of opened) {
      expect(f.packageItems.map((i) => i.kind)).toEqual(['TEXT', 'DRAFTING_EXPLANATION', 'LEGALITY_OPINION']);
    }
    const [city, npc] = s.filings!;
    const event = (filingId: string, ev: 'SUBMITTED' | 'ACCEPTED', note: string) =>
      handle.executeUpdate(recordFilingEventUpdate, { args: [{ filingId, event: ev, note, actor: officer }] });
    await event(city.filingId, 'SUBMITTED', '报市政府');
    s = await event(city.filingId, 'ACCEPTED', '市政府准予备案');
    // One recipient accepted: the filing task stays open for the other.
    expect(s.filings!.map((f) => f.status)).toEqual(['ACCEPTED', 'PENDING']);
    expect(s.openTaskId).not.toBeNull();
    expect(s.waitingFor).toContain('备案');
    await event(npc.filingId, 'SUBMITTED', '报区人大常委会');
    s = await event(npc.filingId, 'ACCEPTED', '区人大常委会准予备案');
    expect(s.filings!.map((f) => f.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(s.openTaskId).toBeNull();
    const accepted = calls.recordDecision.filter(
      (c) => c.workflowId === handle.workflowId && c.decision === 'FILING_ACCEPTED',
    );
    expect(accepted.map((c) => c.opinion.split('：')[0])).toEqual([
      '常州市人民政府（市司法局）',
      '金坛区人民代表大会常务委员会',
    ]);
    // Only the last acceptance closes the filing task.
    expect(accepted.map((c) => c.taskId === null)).toEqual([true, false]);
    await handle.terminate('test done');
  });
});
