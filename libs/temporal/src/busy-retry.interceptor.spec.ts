import type { WorkflowStartUpdateInput, WorkflowStartUpdateOutput } from '@temporalio/client';
import { ErrorCode, PROCEDURE_BUSY_MESSAGE } from '@lawgate/domain';
import { BusyRetryInterceptor } from './busy-retry.interceptor';

const input = { updateName: 'completeDrafting', args: [{ note: 'x' }] } as unknown as WorkflowStartUpdateInput;
const busy: WorkflowStartUpdateOutput = {
  updateId: 'u1',
  workflowRunId: 'r1',
  outcome: {
    failure: { message: PROCEDURE_BUSY_MESSAGE, applicationFailureInfo: { type: ErrorCode.ProcedureBusy } },
  },
};
const done: WorkflowStartUpdateOutput = { updateId: 'u1', workflowRunId: 'r1', outcome: { success: {} } };
const otherRefusal: WorkflowStartUpdateOutput = {
  updateId: 'u1',
  workflowRunId: 'r1',
  outcome: {
    failure: {
      message: 'Drafting cannot end without the drafting explanation.',
      applicationFailureInfo: { type: ErrorCode.RuleViolation },
    },
  },
};
/** A refusal that merely carries the busy words, under another type, is not taken for busy. */
const wordsOnly: WorkflowStartUpdateOutput = {
  updateId: 'u1',
  workflowRunId: 'r1',
  outcome: { failure: { message: PROCEDURE_BUSY_MESSAGE, applicationFailureInfo: { type: ErrorCode.WrongStage } } },
};

describe(BusyRetryInterceptor.name, () => {
  const noSleep = () => Promise.resolve();

  it('sends the same update again while the procedure is busy, and returns what it then answers', async () => {
    const answers = [busy, busy, done];
    const sent: WorkflowStartUpdateInput[] = [];
    const next = jest.fn((i: WorkflowStartUpdateInput) => {
      sent.push(i);
      return Promise.resolve(answers.shift()!);
    });
    await expect(new BusyRetryInterceptor(5000, noSleep).startUpdate(input, next)).resolves.toBe(done);
    expect(sent).toEqual([input, input, input]);
  });

  it('passes any other refusal on at once', async () => {
    const next = jest.fn(() => Promise.resolve(otherRefusal));
    await expect(new BusyRetryInterceptor(5000, noSleep).startUpdate(input, next)).resolves.toBe(otherRefusal);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('tells busy apart by the failure type, not by the message', async () => {
    const next = jest.fn(() => Promise.resolve(wordsOnly));
    await expect(new BusyRetryInterceptor(5000, noSleep).startUpdate(input, next)).resolves.toBe(wordsOnly);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('gives up after its budget and passes the busy refusal on', async () => {
    const next = jest.fn(() => Promise.resolve(busy));
    await expect(new BusyRetryInterceptor(300, noSleep).startUpdate(input, next)).resolves.toBe(busy);
    expect(next).toHaveBeenCalledTimes(4); // the first try and three pauses of 100 ms
  });
});
