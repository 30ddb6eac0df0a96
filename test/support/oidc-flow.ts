/**
 * Drives the authorization code flow as a browser would, with plain HTTP: LawGate's start endpoint, the provider's
 * own login form (cookies kept per origin), and back to LawGate's callback. Redirects are followed by hand so each
 * step can be looked at.
 */
export class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();

  store(url: string, response: Response): void {
    const origin = new URL(url).origin;
    const jar = this.cookies.get(origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    this.cookies.set(origin, jar);
  }

  header(url: string): string {
    const jar = this.cookies.get(new URL(url).origin);
    return jar ? [...jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  }
}

export async function step(
  jar: CookieJar,
  url: string,
  init: { method?: string; form?: Record<string, string> } = {},
): Promise<{ status: number; location: string | null; text: string }> {
  const headers: Record<string, string> = { cookie: jar.header(url) };
  let body: string | undefined;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
  jar.store(url, response);
  const location = response.headers.get('location');
  return {
    status: response.status,
    location: location ? new URL(location, url).toString() : null,
    text: await response.text(),
  };
}

/** Signs `login` in at the provider from an authorization URL; returns LawGate's callback URL with code and state. */
export async function authorizeAtProvider(jar: CookieJar, authorizationUrl: string, login: string): Promise<string> {
  let url = authorizationUrl;
  for (let hops = 0; hops < 10; hops += 1) {
    if (url.includes('/api/auth/oidc/callback')) return url;
    const res = await step(jar, url);
    const prompt = /name="prompt" value="(\w+)"/.exec(res.text)?.[1];
    if (res.status === 200 && prompt) {
      // The provider's login form, then (a loopback client is always asked) its consent form.
      const action = /<form[^>]*action="([^"]+)"/.exec(res.text)?.[1];
      if (!action) throw new Error(`no form at ${url}`);
      const form: Record<string, string> =
        prompt === 'login' ? { prompt, login, password: 'any password the provider checks' } : { prompt };
      const submitted = await step(jar, new URL(action.replace(/&amp;/g, '&'), url).toString(), {
        method: 'POST',
        form,
      });
      if (!submitted.location) throw new Error(`the login form answered ${submitted.status}: ${submitted.text}`);
      url = submitted.location;
      continue;
    }
    if (!res.location) throw new Error(`the provider answered ${res.status} at ${url}: ${res.text.slice(0, 500)}`);
    url = res.location;
  }
  throw new Error('too many redirects at the provider');
}

export interface SignInOutcome {
  /** Where LawGate's callback sent the browser. */
  location: string;
  token?: string;
  returnTo?: string;
  error?: string;
}

/** The callback's redirect, read: a token in the fragment, or the sign-in page's reason. */
export function readOutcome(location: string): SignInOutcome {
  const url = new URL(location);
  if (url.pathname === '/login/oidc') {
    const fragment = new URLSearchParams(url.hash.slice(1));
    return { location, token: fragment.get('token') ?? undefined, returnTo: fragment.get('returnTo') ?? undefined };
  }
  return { location, error: url.searchParams.get('oidc_error') ?? undefined };
}
