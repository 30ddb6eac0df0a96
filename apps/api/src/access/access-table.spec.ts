import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_ROLES } from '@lawgate/domain';
import { ACCESS_TABLE } from './access-table';
import { endpointsMarkdown } from './endpoints-markdown';

const DOC = join(__dirname, '..', '..', '..', '..', 'docs', 'endpoints.md');

describe('access table', () => {
  it('should name each operation once as METHOD /path with a known role list', () => {
    for (const [operation, access] of Object.entries(ACCESS_TABLE)) {
      expect(operation).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/(api\/)?[\w/{}.-]+$/);
      if (access !== 'public') {
        expect(access.length).toBeGreaterThan(0);
        for (const role of access) expect(ALL_ROLES).toContain(role);
      }
    }
  });

  it('should be the source of docs/endpoints.md', () => {
    if (process.env.UPDATE_ENDPOINTS_DOC) writeFileSync(DOC, endpointsMarkdown());
    expect(readFileSync(DOC, 'utf8')).toBe(endpointsMarkdown());
  });
});
