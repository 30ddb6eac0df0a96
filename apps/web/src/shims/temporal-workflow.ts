/**
 * The browser build imports libs/domain's procedure contract for its stage order and legal bases. The contract also
 * defines the workflow's updates and queries with @temporalio/workflow; in the browser those definitions are only
 * names, so this stands in for the SDK (see vite.config.ts and tsconfig.json).
 */
export function defineUpdate<Ret = unknown, Args extends unknown[] = []>(name: string) {
  return { type: 'update', name } as unknown as { name: string; __ret?: Ret; __args?: Args };
}

export function defineQuery<Ret = unknown, Args extends unknown[] = []>(name: string) {
  return { type: 'query', name } as unknown as { name: string; __ret?: Ret; __args?: Args };
}

export function defineSignal<Args extends unknown[] = []>(name: string) {
  return { type: 'signal', name } as unknown as { name: string; __args?: Args };
}
