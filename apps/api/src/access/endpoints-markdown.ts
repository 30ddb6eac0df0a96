import { ACCESS_TABLE, ROLE_COLUMNS } from './access-table';

const SHORT: Record<string, string> = {
  DRAFTER: 'drafter',
  LEGAL_ADVISER: 'adviser',
  LEGAL_AFFAIRS_OFFICER: 'officer',
  LEADER: 'leader',
  SYSTEM_ADMIN: 'admin',
};

/** `docs/endpoints.md`: the access table as a page, one row per operation and one column per role. */
export function endpointsMarkdown(): string {
  const header = ['Operation', 'Public', ...ROLE_COLUMNS.map((r) => SHORT[r])];
  const rows = Object.entries(ACCESS_TABLE).map(([operation, access]) => {
    const [method, path] = operation.split(' ');
    const cells =
      access === 'public'
        ? ['yes', ...ROLE_COLUMNS.map(() => '·')]
        : ['', ...ROLE_COLUMNS.map((role) => (access.includes(role) ? '✓' : ''))];
    return [`\`${method} ${path}\``, ...cells];
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    '# Endpoints and who may call them',
    '',
    'Generated from `apps/api/src/access/access-table.ts` (the access table); do not edit by hand. Run',
    '`UPDATE_ENDPOINTS_DOC=1 npx jest --selectProjects unit apps/api/src/access` after changing the table.',
    '"Public" operations need no sign-in; a ✓ admits a signed-in user holding that role. Inside a procedure, the',
    'workflow decides further (whose task it is, which stage the procedure is in). The access-matrix test',
    '(`test/e2e/access-matrix.e2e-spec.ts`) calls every operation as every role, with no token and with forged',
    'tokens, and fails where the API and this table disagree.',
    '',
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
    '',
  ].join('\n');
}
