import { useStack } from '../support/stack';
import { testEnv } from '../support/test-env';

/**
 * The enforcement-review benchmark (`bench/enforcement-reviews.ts`) in a small form against the run's API, Temporal
 * and database: every case submitted by concurrent handlers arrives once, and the bot reviewers pass every one.
 */
describe('the enforcement-review benchmark, small form', () => {
  const stack = useStack('e2e-bench-er', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });

  it('should lose and duplicate no case, and print its figures', async () => {
    Object.assign(process.env, {
      LAWGATE_API_URL: stack.http.baseUrl,
      TEMPORAL_ADDRESS: testEnv().temporalAddress,
      DATABASE_URL: testEnv().databaseUrl,
      BENCH_REVIEWS: '40',
      BENCH_HANDLERS: '10',
      BENCH_REVIEWERS: '3',
    });
    const { benchEnforcementReviews } = await import('../../bench/enforcement-reviews');
    const result = await benchEnforcementReviews();
    console.log(JSON.stringify(result));
    expect(result).toMatchObject({ reviews: 40, lost: 0, duplicated: 0, reviewedByBots: 40, failedSubmissions: 0 });
  }, 600000);
});
