import type { Type } from '@nestjs/common';
import { getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/error-body';
import { ProcedureSnapshotDto } from './procedures.dto';
import { PROCEDURE_APIS } from './registry';

/** Every step body DTO, for the OpenAPI document's components (`extraModels`). */
export function stepBodyModels(): Type<unknown>[] {
  const models = new Set<Type<unknown>>([ErrorBodyDto, ProcedureSnapshotDto]);
  for (const api of Object.values(PROCEDURE_APIS)) for (const step of Object.values(api.steps)) models.add(step.body);
  return [...models];
}

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyDto) } } },
});

/**
 * Adds one path per step name, `/api/procedures/{id}/steps/<step>`, with its request body (the DTO of each
 * procedure type that has the step, as `oneOf` when several do), the snapshot it answers and every refusal.
 */
export function documentProcedureSteps(document: OpenAPIObject): OpenAPIObject {
  const byName = new Map<string, { type: string; summary: string; roles: readonly string[]; body: Type<object> }[]>();
  for (const api of Object.values(PROCEDURE_APIS)) {
    for (const [name, step] of Object.entries(api.steps)) {
      byName.set(name, [...(byName.get(name) ?? []), { type: api.type, ...step }]);
    }
  }
  for (const [name, variants] of [...byName.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const refs = [...new Set(variants.map((v) => getSchemaPath(v.body)))].map(($ref) => ({ $ref }));
    document.paths[`/api/procedures/{id}/steps/${name}`] = {
      post: {
        tags: ['procedure steps'],
        operationId: `procedureStep_${name.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase())}`,
        summary: variants.map((v) => `${v.type}: ${v.summary}`).join(' / '),
        description: `Taken by ${[...new Set(variants.flatMap((v) => v.roles))].join(', ')}; the workflow checks the stage.`,
        security: [{ bearer: [] }],
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description: 'Repeat the same key to repeat safely',
            schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,128}$' },
          },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: refs.length === 1 ? refs[0] : { oneOf: refs } } },
        },
        responses: {
          '200': {
            description: "The procedure's snapshot after the step",
            content: { 'application/json': { schema: { $ref: getSchemaPath(ProcedureSnapshotDto) } } },
          },
          '400': error('The body or a parameter is not valid; `details.fields` names each field'),
          '401': error('Not signed in'),
          '403': error('The role, unit or task holder does not allow it'),
          '404': error('No such procedure or step (or not visible to the caller)'),
          '409': error('The stage does not allow it, the task is closed, or the text changed'),
          '422': error('A rule of the procedure refuses it; the message names the rule'),
          '503': error('The workflow engine is not reachable'),
        },
      },
    };
  }
  return document;
}
