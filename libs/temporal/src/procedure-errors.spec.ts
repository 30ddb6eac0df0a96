import { ServiceError } from '@temporalio/client';
import { ErrorCode } from '@lawgate/domain';
import { fromTemporalError } from './procedure-errors';

describe(fromTemporalError.name, () => {
  const grpc = (code: number, details: string) => Object.assign(new Error(details), { code, details });

  it('should tell the person to try again when the server aborted an update under load (nothing recorded)', () => {
    const aborted = new ServiceError('Workflow Update failed', { cause: grpc(14, 'workflow update was aborted') });
    expect(fromTemporalError(aborted, { workflowId: 'w' })?.code).toBe(ErrorCode.Unavailable);
    const shed = new ServiceError('Workflow Update failed', { cause: grpc(8, 'namespace rate limit exceeded') });
    expect(fromTemporalError(shed, { workflowId: 'w' })?.code).toBe(ErrorCode.Unavailable);
    for (const [code, details] of [
      [1, 'context canceled'],
      [2, 'unknown'],
      [10, 'aborted'],
      [9, 'Unable to perform workflow execution update due to Workflow Task in failed state.'],
      [9, 'Unable to perform workflow execution update due to unexpected workflow task failure.'],
    ] as const) {
      const transient = new ServiceError('Workflow Update failed', { cause: grpc(code, details) });
      expect(fromTemporalError(transient, { workflowId: 'w' })?.code).toBe(ErrorCode.Unavailable);
    }
  });

  it('should leave an unknown service failure to the caller', () => {
    const other = new ServiceError('Workflow Update failed', { cause: grpc(3, 'bad request') });
    expect(fromTemporalError(other, { workflowId: 'w' })).toBeUndefined();
    expect(other.message).toBe('Workflow Update failed (gRPC status 3: bad request)');
    const precondition = new ServiceError('Workflow Update failed', { cause: grpc(9, 'some other precondition') });
    expect(fromTemporalError(precondition, { workflowId: 'w' })).toBeUndefined();
  });
});
