import { setUp, sharedStacks, webApp } from './run-resources';

/** Browser tier: what the e2e tier has, and the built web app that the API serves. */
export default async function browserSetup(): Promise<void> {
  await setUp('browser', [sharedStacks, webApp]);
}
