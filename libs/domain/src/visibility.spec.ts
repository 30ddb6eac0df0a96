import { Role } from './roles';
import {
  canReadDrafts,
  canSeeProcedure,
  involvedThroughTasks,
  type TaskInvolvement,
  type VisibilityContext,
} from './visibility';

const base = {
  userId: 'u',
  unitId: 'x',
  procedureDepartmentId: 'edu',
  procedureType: 'NORMATIVE_DOCUMENT',
  involvedThroughTask: false,
};
const ctx = (roles: Role[], stage: string, overrides: Partial<VisibilityContext> = {}): VisibilityContext => ({
  ...base,
  roles,
  procedureStage: stage,
  ...overrides,
});

describe('who sees a procedure and who reads its drafts, per role and stage', () => {
  it.each<[string, VisibilityContext, boolean, boolean]>([
    ['a drafter of the department, while drafting', ctx([Role.Drafter], 'DRAFTING', { unitId: 'edu' }), true, true],
    ['a drafter of another department', ctx([Role.Drafter], 'DRAFTING', { unitId: 'mkt' }), false, false],
    [
      'a legal-affairs officer, during project approval',
      ctx([Role.LegalAffairsOfficer], 'PROJECT_APPROVAL'),
      true,
      true,
    ],
    ['a leader, while drafting', ctx([Role.Leader], 'DRAFTING'), true, false],
    ['a leader, once the draft left drafting', ctx([Role.Leader], 'LEGALITY_REVIEW'), true, true],
    ['a system administrator', ctx([Role.SystemAdmin], 'DRAFTING'), true, false],
    [
      'a leader, while a major decision is drafted',
      ctx([Role.Leader], 'DRAFTING', { procedureType: 'MAJOR_DECISION' }),
      true,
      false,
    ],
    [
      "a leader, at a major decision's launch",
      ctx([Role.Leader], 'LAUNCH', { procedureType: 'MAJOR_DECISION' }),
      true,
      true,
    ],
    ['an adviser without a task', ctx([Role.LegalAdviser], 'DRAFTING'), false, false],
    [
      'an adviser holding a task in it',
      ctx([Role.LegalAdviser], 'DRAFTING', { involvedThroughTask: true }),
      true,
      true,
    ],
  ])('should decide for %s', (_who, context, sees, reads) => {
    expect(canSeeProcedure(context)).toBe(sees);
    expect(canReadDrafts(context)).toBe(reads);
  });
});

describe('involvement through tasks: one rule for advisers, officers and delegates', () => {
  const adviser = { userId: 'a7', unitId: 'committee', roles: [Role.LegalAdviser] };
  const officer = { userId: 'o1', unitId: 'lao', roles: [Role.LegalAffairsOfficer] };
  const task = (over: Partial<TaskInvolvement>): TaskInvolvement => ({
    assigneeUserId: null,
    assigneeUnitId: 'committee',
    delegateUserId: null,
    completedBy: null,
    ...over,
  });

  it.each<[string, typeof adviser, TaskInvolvement[], boolean]>([
    ['an adviser with no task', adviser, [], false],
    ["an adviser whose committee holds another adviser's task", adviser, [task({ assigneeUserId: 'a8' })], false],
    ["an adviser whose committee's pool holds an unclaimed task", adviser, [task({})], false],
    ['an adviser holding a task', adviser, [task({ assigneeUserId: 'a7' })], true],
    ['an adviser who completed a task', adviser, [task({ assigneeUserId: 'a7', completedBy: 'a7' })], true],
    ['an adviser drafting as delegate', adviser, [task({ assigneeUserId: 'a8', delegateUserId: 'a7' })], true],
    ["an officer whose office's pool holds a task", officer, [task({ assigneeUnitId: 'lao' })], true],
    [
      'an adviser whose task was reassigned to another adviser',
      adviser,
      [task({ assigneeUserId: 'a8', holders: [{ userId: 'a7' }, { userId: 'a8' }] })],
      true,
    ],
    [
      'an adviser who never held the reassigned task',
      adviser,
      [task({ assigneeUserId: 'a8', holders: [{ userId: 'a9' }, { userId: 'a8' }] })],
      false,
    ],
  ])('should decide for %s', (_who, who, tasks, involved) => {
    expect(involvedThroughTasks(who, tasks)).toBe(involved);
  });
});
