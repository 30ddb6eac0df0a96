import { auditedAction } from './audit-trail.interceptor';

describe(auditedAction.name, () => {
  it.each([
    ['POST', '/api/auth/login', [], false, 'auth.login'],
    ['GET', '/api/documents/versions/:versionId/content', ['LEGAL_ADVISER'], false, 'document.read'],
    ['GET', '/api/documents/versions/:versionId/diff', ['LEGAL_ADVISER'], false, 'document.read'],
    ['GET', '/api/procedures/:id/archive', ['LEADER'], true, 'archive.downloaded'],
    ['GET', '/api/admin/register', ['SYSTEM_ADMIN'], true, 'export.downloaded'],
    ['PUT', '/api/admin/routing/rules', ['LEGAL_AFFAIRS_OFFICER'], false, 'admin.change'],
    ['PUT', '/api/calendar/years/:year', ['SYSTEM_ADMIN'], false, 'operator.action'],
    ['POST', '/api/tasks/:id/reassign', ['SYSTEM_ADMIN', 'LEGAL_AFFAIRS_OFFICER'], false, 'operator.action'],
  ])('%s %s by %j (attachment %s) is recorded as %s', (method, route, roles, attachment, action) => {
    expect(auditedAction(method, route, roles, attachment)).toBe(action);
  });

  it.each([
    ['GET', '/api/procedures/:id', ['LEGAL_AFFAIRS_OFFICER'], false],
    ['GET', '/api/admin/audit', ['SYSTEM_ADMIN'], false],
    ['POST', '/api/tasks/:id/legality-opinion', ['LEGAL_AFFAIRS_OFFICER'], false],
  ])("leaves %s %s by %j to the services' own entries", (method, route, roles, attachment) => {
    expect(auditedAction(method, route, roles, attachment)).toBeNull();
  });
});
