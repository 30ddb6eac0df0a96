import type { DocumentKind } from '../../documents';

/** A document a step needs before it may pass, and how a refusal names it. */
export interface Material {
  kind: DocumentKind;
  label: string;
}

/** The materials of `required` that the procedure does not hold yet, named for a refusal. */
export function missingMaterials(
  required: readonly Material[],
  held: Partial<Record<DocumentKind, unknown>>,
): string[] {
  return required.filter((m) => !held[m.kind]).map((m) => `${m.label}（${m.kind}）`);
}
