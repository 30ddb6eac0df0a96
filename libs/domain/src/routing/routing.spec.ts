import { routeToAdviser, type AdviserCandidate, type RoutingRequest } from './routing';

const adviser = (userId: string, overrides: Partial<AdviserCandidate> = {}): AdviserCandidate => ({
  userId,
  displayName: userId,
  unitId: 'pool',
  expertise: [],
  openTasks: 0,
  maxOpenTasks: 5,
  lastAssignedAt: null,
  assignedDepartmentIds: [],
  conflictProcedureIds: [],
  conflictDepartmentIds: [],
  active: true,
  ...overrides,
});

const request: RoutingRequest = { procedureId: 'p1', departmentId: 'edu', drafterIds: ['drafter-1'], expertise: [] };

describe(routeToAdviser.name, () => {
  it('should balance load: the adviser with fewer open tasks first, then the one idle longest', () => {
    const decision = routeToAdviser(
      [adviser('a', { openTasks: 3 }), adviser('b', { openTasks: 1 }), adviser('c', { openTasks: 2 })],
      request,
    );
    expect(decision).toMatchObject({ kind: 'ADVISER', userId: 'b' });
    const tie = routeToAdviser(
      [
        adviser('a', { openTasks: 1, lastAssignedAt: '2026-11-20T00:00:00Z' }),
        adviser('b', { openTasks: 1, lastAssignedAt: '2026-11-01T00:00:00Z' }),
      ],
      request,
    );
    expect(tie).toMatchObject({ kind: 'ADVISER', userId: 'b' });
  });

  it('should prefer matching expertise over load, and say so', () => {
    const decision = routeToAdviser(
      [adviser('generalist'), adviser('tax', { expertise: ['税收', '行政许可'], openTasks: 4 })],
      { ...request, expertise: ['税收'] },
    );
    expect(decision).toMatchObject({ kind: 'ADVISER', userId: 'tax' });
    expect(decision.kind === 'ADVISER' && decision.reasons[0]).toBe('expertise 1/1 (税收)');
  });

  it('should prefer advisers assigned to the drafting department, or require them when the rules say so', () => {
    const candidates = [adviser('pool-1'), adviser('edu-adviser', { assignedDepartmentIds: ['edu'], openTasks: 2 })];
    expect(routeToAdviser(candidates, request)).toMatchObject({ userId: 'edu-adviser' });
    const onlyAssigned = routeToAdviser([adviser('pool-1')], request, {
      assignedAdvisersOnly: true,
      requireExpertiseMatch: false,
    });
    expect(onlyAssigned).toMatchObject({ kind: 'ESCALATE', excluded: { 'pool-1': 'not assigned to the department' } });
  });

  it('should never route a draft to its drafter, the drafting unit, or an adviser with a declared conflict', () => {
    const decision = routeToAdviser(
      [
        adviser('drafter-1'),
        adviser('colleague', { unitId: 'edu' }),
        adviser('conflicted', { conflictProcedureIds: ['p1'] }),
        adviser('related', { conflictDepartmentIds: ['edu'] }),
        adviser('free', { openTasks: 4 }),
      ],
      request,
    );
    expect(decision).toMatchObject({
      kind: 'ADVISER',
      userId: 'free',
      excluded: {
        'drafter-1': 'drafted this document',
        colleague: 'belongs to the drafting unit',
        conflicted: 'declared a conflict of interest in this procedure',
        related: 'declared a conflict of interest with the department',
      },
    });
  });

  it('should escalate to the legal-affairs office with the reason when nobody is eligible', () => {
    const decision = routeToAdviser(
      [
        adviser('busy', { openTasks: 5, displayName: '李律师' }),
        adviser('gone', { active: false, displayName: '陈教授' }),
      ],
      request,
    );
    expect(decision).toEqual({
      kind: 'ESCALATE',
      reason: 'No legal adviser is eligible: 李律师 (at capacity (5/5 open tasks)); 陈教授 (inactive).',
      excluded: { busy: 'at capacity (5/5 open tasks)', gone: 'inactive' },
    });
    expect(routeToAdviser([], request)).toMatchObject({ kind: 'ESCALATE', reason: 'No legal adviser is registered.' });
  });

  it('should require matching expertise when the rules say so', () => {
    const decision = routeToAdviser(
      [adviser('a', { expertise: ['环境'] })],
      { ...request, expertise: ['税收'] },
      {
        assignedAdvisersOnly: false,
        requireExpertiseMatch: true,
      },
    );
    expect(decision).toMatchObject({ kind: 'ESCALATE', excluded: { a: 'no matching expertise' } });
  });
});
