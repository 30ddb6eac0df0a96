import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { useStack } from './stack';

/** The part of a procedure's live snapshot the procedure journeys read. */
export interface JourneySnapshot {
  procedureId: string;
  stage: string;
  openTaskId: string | null;
  documents: Record<string, { sha256: string }>;
}

/**
 * A procedure's journey in Debian's Chromium, with the demonstration periods: the run's stack, one browser for the
 * file (call inside a `describe`), and `api`, a request as a demo user that must succeed (a text body when `raw` is
 * given), for the steps the journey takes over HTTP.
 */
export function useProcedureJourney(prefix: string) {
  const stack = useStack(prefix, { extraEnv: { PROCEDURE_PERIODS: 'demo' } });
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
  });

  const api = async <T>(user: string, method: string, path: string, body?: unknown, raw?: string): Promise<T> => {
    const res = await stack.http.as<T>(
      user,
      method,
      path,
      raw !== undefined ? { rawBody: raw, headers: { 'content-type': 'text/plain' } } : { body },
    );
    expect(res.status).toBeLessThan(300);
    return res.body;
  };

  return { stack, api, browser: (): Browser => browser! };
}
