import type { ProcedureRun } from '../kernel/procedure-run';

/**
 * Publication (统一发布／决策公布), the parts every procedure shares: where and under which reference the text was
 * published (see `gateStep` for who and when, and the binding to the reviewed text).
 */
export function requirePublicationReference<S extends string, Snap>(
  p: ProcedureRun<S, Snap>,
  reference: string | undefined,
): void {
  p.requireText(reference, 'Give the URL or the gazette issue of the publication.');
}

/** When the text was published: workflow time, so that replay gives the same instant. */
export function publishedNow(): string {
  return new Date().toISOString();
}
