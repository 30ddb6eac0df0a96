/**
 * The operations of the API (as the access table names them, `METHOD /path/{param}`) that no screen of the web app
 * calls, each with the reason. Every other operation has a caller in `apps/web/src`: `test/unit/web-screens.spec.ts`
 * fails on an operation that has neither, and on an entry here that has a caller after all. An operation belongs
 * here only when a person has no use for a screen of it (a probe, a protocol step, a duplicate view).
 */
export const OPERATIONS_WITHOUT_SCREEN: Readonly<Record<string, string>> = {
  'GET /api/health': 'A readiness probe for the load balancer and the orchestrator, not for people.',
  'GET /api/health/live': 'A liveness probe for the orchestrator, not for people.',
  'GET /metrics': 'Prometheus metrics, scraped by the monitoring system.',
  'GET /api/auth/oidc/callback':
    'The identity provider redirects the browser here after sign-in; the API then sends it on to /login/oidc.',
  'GET /api/procedures/major-decisions/{id}':
    'The live state of a major decision: the procedure page shows the same snapshot through GET /api/procedures/{id} ' +
    '(its `live` field), as for every procedure type.',
};
