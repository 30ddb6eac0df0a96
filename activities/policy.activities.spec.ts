import { loadConfig, type AppConfig } from '@lawgate/config';
import { ErrorCode, policyVersionFor } from '@lawgate/domain';
import { PolicyActivities, demoPolicyAllowed } from './policy.activities';

/** The worker's side of "policy is not input": which installations may run the demonstration policy versions. */
describe(PolicyActivities.name, () => {
  const demo = policyVersionFor('NORMATIVE_DOCUMENT', true);
  const statutory = policyVersionFor('NORMATIVE_DOCUMENT', false);
  const worker = (config: Partial<AppConfig>) => new PolicyActivities({ ...loadConfig({}), ...config });
  /** The refusal the activity throws (synchronously or as a rejection). */
  const refusal = async (run: () => Promise<unknown>): Promise<unknown> => {
    try {
      await run();
    } catch (err) {
      return err;
    }
    throw new Error('expected a refusal');
  };

  it('should refuse a demonstration version on a worker whose configuration does not allow it', async () => {
    // A development or test worker without the explicit allowance refuses it (it used to accept it by default).
    for (const NODE_ENV of ['development', 'test'] as const) {
      const refused = await refusal(() =>
        worker({ NODE_ENV, PROCEDURE_DEMO_POLICY_ALLOWED: false }).resolvePolicy({
          procedureType: 'NORMATIVE_DOCUMENT',
          version: demo,
        }),
      );
      expect(refused).toMatchObject({
        type: ErrorCode.RuleViolation,
        nonRetryable: true,
        message: expect.stringContaining('demonstration periods') as string,
      });
    }
  });

  it('should resolve a demonstration version where configuration explicitly allows it', async () => {
    const policy = await worker({ NODE_ENV: 'test', PROCEDURE_DEMO_POLICY_ALLOWED: true }).resolvePolicy({
      procedureType: 'NORMATIVE_DOCUMENT',
      version: demo,
    });
    expect(policy.version).toBe(demo);
  });

  it('should never resolve a demonstration version for a production start, whatever the configuration says', async () => {
    expect(demoPolicyAllowed({ NODE_ENV: 'production', PROCEDURE_DEMO_POLICY_ALLOWED: true })).toBe(false);
    const production = worker({ NODE_ENV: 'production', PROCEDURE_DEMO_POLICY_ALLOWED: true });
    const refused = await refusal(() =>
      production.resolvePolicy({ procedureType: 'NORMATIVE_DOCUMENT', version: demo }),
    );
    expect(refused).toMatchObject({ type: ErrorCode.RuleViolation });
    const policy = await production.resolvePolicy({ procedureType: 'NORMATIVE_DOCUMENT', version: statutory });
    expect(policy.version).toBe(statutory);
  });
});
