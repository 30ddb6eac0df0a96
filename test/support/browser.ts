import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Debian's Chromium for a test file, launched before its tests and closed after them (call at `describe` level;
 * `browser` is set once the file's tests run).
 */
export function useChromium(): { browser: Browser } {
  const held = {} as { browser: Browser };
  beforeAll(async () => {
    held.browser = await launchChromium();
  }, 60000);
  afterAll(async () => {
    await held.browser?.close();
  });
  return held;
}

/** A page that records console errors and uncaught exceptions, for `expectNoConsoleErrors`. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

export async function openPage(browser: Browser, baseURL: string, width = 1280): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL, viewport: { width, height: 900 }, locale: 'zh-CN' });
  // Every Content-Security-Policy violation in the page is kept, for `expectNoConsoleErrors` (the policy is the API's).
  await context.addInitScript({
    content:
      'window.__cspViolations = []; document.addEventListener("securitypolicyviolation", (e) => ' +
      'window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + ' +
      'e.sourceFile + ":" + e.lineNumber));',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  return { page, context, errors };
}

/** Console errors, leaving out the refusals a journey provokes on purpose (e.g. `status of 409`). */
export function expectNoConsoleErrors(watched: WatchedPage, allowed: RegExp[] = []): void {
  const unexpected = watched.errors.filter((e) => !allowed.some((pattern) => pattern.test(e)));
  expect(unexpected).toEqual([]);
}

/** No Content-Security-Policy violation in the page so far: the web app runs under the API's CSP as it is. */
export async function expectNoCspViolations(watched: WatchedPage): Promise<void> {
  const violations = await watched.page.evaluate<string[]>('window.__cspViolations ?? []');
  expect({ url: watched.page.url(), violations }).toEqual({ url: watched.page.url(), violations: [] });
  expect(watched.errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('lawgate-demo');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A pattern matching exactly `text`, for `chooseOption`'s option. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/**
 * Chooses an option of an antd Select as a person does, and waits until the field shows it. The option list opens
 * with an animation and is a virtual list that re-renders as it scrolls: on a busy machine a click can land while
 * the options still move and choose nothing (the list stays open, the form then refuses the empty field) or a
 * neighbour. So the choice is read back from the field, and made again (list closed, reopened) until it shows.
 * `within` scopes the field (a form or the page); `option` is the option's title, or a pattern of its text. The field
 * is clicked with `force`: a chosen value covers its input.
 *
 * `search` is typed into a searchable field first, as a person finds an entry in a long list: a virtual list renders
 * only the options near its top, so an option further down (a unit made by a test, after the units every other test
 * file of the lane made on the shared stack) is not in the page until the list is filtered or scrolled to it.
 */
export async function chooseOption(
  page: Page,
  within: Page | Locator,
  field: string,
  option: string | RegExp,
  { search, attempts = 3 }: { search?: string; attempts?: number } = {},
): Promise<void> {
  const box = within.getByRole('combobox', { name: field, exact: true });
  const select = box.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const chosen = select.locator('.ant-select-selection-item').filter({ hasText: option });
  for (let attempt = 1; ; attempt++) {
    await box.click({ force: true });
    if (search !== undefined) await box.fill(search);
    const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await (
      typeof option === 'string'
        ? list.locator(`.ant-select-item-option[title="${option}"]`)
        : list.locator('.ant-select-item-option').filter({ hasText: option })
    ).click();
    try {
      await chosen.waitFor({ timeout: 3000 });
      return;
    } catch (err) {
      if (attempt >= attempts) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // A person reads the page once it has settled: the check waits (up to 5 s) for the transitions and animations that
  // run to end (a button that changed its type fades between two colour schemes for 0.2 s, and half-way it fails the
  // contrast rule), leaving out those that never end (a spinner).
  // Asked with `evaluate` (the DevTools protocol), not `waitForFunction`, whose predicate the page's CSP refuses as eval.
  const settled =
    '!document.getAnimations().some((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity)';
  for (const until = Date.now() + 5000; Date.now() < until && !(await page.evaluate<boolean>(settled));) {
    await page.waitForTimeout(50);
  }
  // Evaluated through the DevTools protocol: an inline <script> would be refused by the page's CSP (script-src 'self').
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>(
    // Elements in the middle of an enter or leave animation (a form's help text fading out) are half transparent for
    // a moment and would fail the contrast rule at random; they are left out of this check.
    'axe.run({ exclude: [\'[class*="-leave"]\', \'[class*="-appear"]\', \'[class*="-enter"]\'] }, ' +
      '{ resultTypes: ["violations"] }).then((r) => r.violations)',
  );
  const severe = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(severe).toEqual([]);
}

/** Screenshots of the page at 1280 px and at a 390 px phone width, into test-results/screenshots/. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Accessibility, screenshots and console errors for one of the main pages, once it shows what it should. */
export async function checkPage(watched: WatchedPage, name: string, allowed: RegExp[] = []): Promise<void> {
  await expectAccessible(watched.page, name);
  await screenshots(watched.page, name);
  await expectNoCspViolations(watched);
  expectNoConsoleErrors(watched, allowed);
}
