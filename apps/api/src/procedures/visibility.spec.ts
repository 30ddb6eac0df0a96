import { Role } from '@lawgate/domain';
import type { ProcedureEntity, TaskEntity } from '@lawgate/persistence';
import type { Principal } from '../auth/principal';
import { canSeeProcedure } from './procedures.service';

const procedure = { id: 'p', departmentId: 'edu' } as ProcedureEntity;
const tasks = [{ assigneeUnitId: 'lao', assigneeUserId: null }] as TaskEntity[];
const who = (roles: Role[], unitId: string, userId = 'u'): Principal => ({
  userId,
  username: userId,
  displayName: userId,
  roles,
  unitId,
  unitCode: unitId,
  unitKind: '',
});

describe(canSeeProcedure.name, () => {
  it.each([
    ['a drafter of the drafting department', who([Role.Drafter], 'edu'), true],
    ['a drafter of another department', who([Role.Drafter], 'mkt'), false],
    ['a legal-affairs officer', who([Role.LegalAffairsOfficer], 'lao'), true],
    ['a leader', who([Role.Leader], 'gov'), true],
    ['a system administrator', who([Role.SystemAdmin], 'lao'), true],
    ['an adviser without a task in it', who([Role.LegalAdviser], 'pool'), false],
    // A task waiting in the unit's pool involves the office's officers, not an adviser seated in that unit.
    ['an adviser in the unit whose pool holds a task', who([Role.LegalAdviser], 'lao'), false],
  ])('should decide for %s', (_name, principal, expected) => {
    expect(canSeeProcedure(principal, procedure, tasks)).toBe(expected);
  });

  it('should let an adviser see a procedure with a task assigned to them personally', () => {
    const personal = [{ assigneeUnitId: 'lao', assigneeUserId: 'adviser-7' }] as TaskEntity[];
    expect(canSeeProcedure(who([Role.LegalAdviser], 'pool', 'adviser-7'), procedure, personal)).toBe(true);
  });

  it("should not let an adviser see a procedure through another adviser's task in their committee", () => {
    const others = [{ assigneeUnitId: 'pool', assigneeUserId: 'adviser-8', delegateUserId: null }] as TaskEntity[];
    expect(canSeeProcedure(who([Role.LegalAdviser], 'pool', 'adviser-7'), procedure, others)).toBe(false);
  });

  it('should let an adviser still see a procedure after completing their task there', () => {
    const done = [
      { assigneeUnitId: 'pool', assigneeUserId: 'adviser-7', completedBy: 'adviser-7', status: 'DONE' },
    ] as TaskEntity[];
    expect(canSeeProcedure(who([Role.LegalAdviser], 'pool', 'adviser-7'), procedure, done)).toBe(true);
  });
});
