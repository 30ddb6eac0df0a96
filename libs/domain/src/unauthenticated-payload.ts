/**
 * What a payload that does not authenticate decodes to: a plain JSON object with this one key. Workflow code (see
 * `workflows/interceptors.ts`) refuses or ignores any start, update or signal whose arguments contain it, so a payload
 * forged without LawGate's keys reaches no workflow logic. No imports: the workflow sandbox loads this file; the
 * payload codec (libs/temporal/src/codec) produces the marker.
 */
export const UNAUTHENTICATED_KEY = '$lawgateUnauthenticatedPayload';

export interface UnauthenticatedPayload {
  [UNAUTHENTICATED_KEY]: string;
}

export function isUnauthenticated(value: unknown): value is UnauthenticatedPayload {
  return typeof value === 'object' && value !== null && UNAUTHENTICATED_KEY in value;
}

/** The reason of the first unauthenticated argument, or undefined when every argument authenticated. */
export function unauthenticatedReason(args: readonly unknown[]): string | undefined {
  const found = args.find(isUnauthenticated);
  return found ? found[UNAUTHENTICATED_KEY] : undefined;
}
