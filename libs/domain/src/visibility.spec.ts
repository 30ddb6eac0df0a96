import { Role } from './roles';
import { canReadDrafts, canSeeProcedure, type VisibilityContext } from './visibility';

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
