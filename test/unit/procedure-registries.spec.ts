import { PROCEDURE_APIS } from '../../apps/api/src/procedures/registry';
import type { ProcedureApi } from '../../apps/api/src/procedures/procedure-api';
import { type ProcedureDefinition, PROCEDURE_TYPES, type ProcedureType, PROCEDURES } from '@lawgate/domain';

/**
 * Every layer keeps its procedure types in a `Record<ProcedureType, …>`: a type added to `PROCEDURE_TYPES` but
 * missing from a layer's registry does not compile. The `@ts-expect-error` lines below are checked by the type check
 * (`tsc -p tsconfig.json`): were a registry not exhaustive, the expected error would vanish and the check would
 * fail. The web app's registry has the same check in `apps/web/src/procedures/registry.typecheck.ts`.
 */
type WithNewType = ProcedureType | 'GOVERNMENT_CONTRACT';

describe('procedure registries', () => {
  it('should fail to compile when a procedure type is missing from a layer', () => {
    // @ts-expect-error the domain registry has no GOVERNMENT_CONTRACT definition
    const domain: Record<WithNewType, ProcedureDefinition> = PROCEDURES;
    // @ts-expect-error the API registry has no GOVERNMENT_CONTRACT steps
    const api: Record<WithNewType, ProcedureApi> = PROCEDURE_APIS;
    // @ts-expect-error a registry that leaves out MAJOR_DECISION is refused
    const partial: Record<ProcedureType, ProcedureApi> = { NORMATIVE_DOCUMENT: PROCEDURE_APIS.NORMATIVE_DOCUMENT };
    expect([domain, api, partial].every((registry) => typeof registry === 'object')).toBe(true);
  });

  it('should give every layer one entry per procedure type, under its own type', () => {
    expect(Object.keys(PROCEDURES).sort()).toEqual([...PROCEDURE_TYPES].sort());
    expect(Object.keys(PROCEDURE_APIS).sort()).toEqual([...PROCEDURE_TYPES].sort());
    for (const type of PROCEDURE_TYPES) expect(PROCEDURE_APIS[type].type).toBe(type);
  });

  it("should let a step close only tasks its procedure's definition declares, in stages it has", () => {
    for (const type of PROCEDURE_TYPES) {
      const definition = PROCEDURES[type];
      const stages = new Set<string>(definition.stages.map((s) => s.stage));
      for (const [name, step] of Object.entries(PROCEDURE_APIS[type].steps)) {
        for (const kind of step.tasks) expect([name, kind in definition.tasks]).toEqual([name, true]);
        for (const stage of step.stages) expect([name, stages.has(stage)]).toEqual([name, true]);
        expect([name, step.scope === 'TASK']).toEqual([name, step.tasks.length > 0]);
      }
    }
  });
});
