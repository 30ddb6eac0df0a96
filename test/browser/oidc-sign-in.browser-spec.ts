import type { Browser } from 'playwright-core';
import { checkPage, launchChromium, openPage, type WatchedPage } from '../support/browser';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

/**
 * Signing in through the government's identity provider on real Chromium: LawGate's sign-in page, the provider's own
 * login and consent pages (a real `oidc-provider`, started by the test), and back into LawGate signed in.
 */
describe('OIDC sign-in in the browser', () => {
  let provider: TestOidcProvider;
  const extraEnv: Record<string, string> = {};
  beforeAll(async () => {
    provider = await startOidcProvider();
    Object.assign(extraEnv, provider.env({ OIDC_LABEL: '政务服务统一身份认证' }));
  });
  afterAll(() => provider?.stop());
  const stack = useStack('browser-oidc', { withWorker: false, extraEnv });
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Through the provider's pages; the provider's own page may fail to load its web font (no Internet here). */
  const throughProvider = async (watched: WatchedPage, login: string) => {
    const { page } = watched;
    await page.goto('/login');
    const before = watched.errors.length;
    const failed: string[] = [];
    const onResponse = (response: { status(): number; url(): string }) => {
      if (response.status() >= 400) failed.push(response.url());
    };
    page.on('response', onResponse);
    await page.getByTestId('oidc-sign-in').click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('a password for the provider');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    // A loopback client is always asked for consent by this provider.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.origin === stack.http.baseUrl && url.pathname !== '/login/oidc');
    page.off('response', onResponse);
    // What failed to load on the way was the provider's (its favicon, its web font), never LawGate's.
    expect(failed.filter((url) => new URL(url).origin !== provider.issuer)).toEqual([]);
    const providerErrors = watched.errors.splice(before);
    expect(providerErrors.filter((e) => !/^Failed to load resource: /.test(e))).toEqual([]);
  };

  it('should sign an officer in through the provider and show their console', async () => {
    const watched = await openPage(browser, stack.http.baseUrl);
    const { page } = watched;
    await page.goto('/login');
    await page.getByTestId('oidc-sign-in').waitFor();
    expect(await page.getByTestId('oidc-sign-in').textContent()).toBe('政务服务统一身份认证');
    await throughProvider(watched, 'officer.zhang');
    await page.waitForURL('**/console');
    const token = await page.evaluate<string | null>('localStorage.getItem("lawgate.token")');
    expect(page.url()).not.toContain('token=');
    const me = await stack.http.request<{ username: string }>('GET', '/api/auth/me', { token: token ?? '' });
    expect(me.body.username).toBe('officer.zhang');
    await page.getByRole('link', { name: '张审核（司法局）' }).waitFor();
    await page.getByText('按时办结率').first().waitFor();
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    await checkPage(watched, 'oidc-signed-in');
    await watched.context.close();
  });

  it('should bring a person LawGate has no account for back to the sign-in page with the reason', async () => {
    const watched = await openPage(browser, stack.http.baseUrl);
    const { page } = watched;
    await throughProvider(watched, `nobody.${uniqueSuffix()}`);
    await page.waitForURL('**/login?oidc_error=unknown-user');
    await page.getByTestId('oidc-error').waitFor();
    expect(await page.getByTestId('oidc-error').textContent()).toContain('没有对应的账号');
    expect(await page.evaluate<string | null>('localStorage.getItem("lawgate.token")')).toBeNull();
    await checkPage(watched, 'oidc-refused');
    await watched.context.close();
  });

  it('should show the sign-in page with its provider button once the set-up is known, and the password form if it never answers', async () => {
    const watched = await openPage(browser, stack.http.baseUrl);
    const { page } = watched;
    await page.goto('/login');
    // Shown whole: the provider's button and the password form together, not one a moment after the other.
    await page.getByTestId('oidc-sign-in').waitFor();
    expect(await page.getByLabel('用户名').count()).toBe(1);
    // The set-up request left unanswered: the spinner first, then the password form, without the provider's button.
    await page.route('**/api/auth/oidc', () => undefined);
    await page.reload();
    await page.locator('.ant-spin').first().waitFor();
    expect(await page.getByLabel('用户名').count()).toBe(0);
    await page.getByLabel('用户名').waitFor({ timeout: 10000 });
    expect(await page.getByTestId('oidc-sign-in').count()).toBe(0);
    await watched.context.close();
  });
});
