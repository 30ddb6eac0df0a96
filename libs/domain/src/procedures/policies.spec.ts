import { POLICY_VERSIONS, policyVersionFor, resolvePolicyVersion } from './policies';

describe('policy versions', () => {
  it('should resolve each procedure type to its own statutory version', () => {
    const nd = policyVersionFor('NORMATIVE_DOCUMENT', false);
    const md = policyVersionFor('MAJOR_DECISION', false);
    expect(resolvePolicyVersion('NORMATIVE_DOCUMENT', nd, false)).toEqual({ policy: POLICY_VERSIONS[nd].policy });
    expect(resolvePolicyVersion('MAJOR_DECISION', md, false)).toEqual({ policy: POLICY_VERSIONS[md].policy });
  });

  it('should refuse an unknown version, a missing one and one of another procedure', () => {
    expect(resolvePolicyVersion('NORMATIVE_DOCUMENT', 'nd-1999.1', true)).toHaveProperty('refusal');
    expect(resolvePolicyVersion('NORMATIVE_DOCUMENT', undefined, true)).toHaveProperty('refusal');
    const md = policyVersionFor('MAJOR_DECISION', false);
    expect(resolvePolicyVersion('NORMATIVE_DOCUMENT', md, true)).toEqual({
      refusal: expect.stringContaining('belongs to MAJOR_DECISION') as unknown,
    });
  });

  it('should give demonstration periods only where the configuration allows them', () => {
    const demo = policyVersionFor('NORMATIVE_DOCUMENT', true);
    expect(resolvePolicyVersion('NORMATIVE_DOCUMENT', demo, false)).toHaveProperty('refusal');
    expect(resolvePolicyVersion('NORMATIVE_DOCUMENT', demo, true)).toHaveProperty('policy');
  });

  it('should keep statutory versions free of periods in seconds', () => {
    for (const v of Object.values(POLICY_VERSIONS).filter((x) => !x.demo)) {
      const periods = Object.values(v.policy).filter((x): x is { unit: string } => typeof x === 'object' && !!x);
      expect(periods.every((p) => p.unit !== 'SECONDS')).toBe(true);
    }
  });
});
