import { Alert, Button, Card, Divider, Form, Input, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { get } from '../api';
import { useAuth } from '../auth';
import { useLang, useTr } from '../i18n';
import { explain } from '../labels';

interface OidcSetup {
  enabled: boolean;
  label: string | null;
}

/** Why the identity provider's sign-in did not end in a session (the API's `oidc_error`). */
const OIDC_ERRORS: Record<string, [string, string]> = {
  'unknown-user': [
    '统一身份认证通过，但本系统没有对应的账号。请联系系统管理员开通。',
    'The identity provider knows you, but LawGate has no account for you. Ask the administrator to create one.',
  ],
  inactive: ['该账号已停用。', 'This account is deactivated.'],
  'no-claim': ['身份提供方没有给出用于识别账号的信息。', 'The identity provider did not say which account you are.'],
  'provider-error': [
    '统一身份认证未能完成，请重试。',
    'Signing in through the identity provider did not complete; try again.',
  ],
};

/** How long the sign-in page waits for its set-up (whether an identity provider is configured) before it shows. */
const SETUP_WAIT_MS = 3000;

export function LoginPage() {
  const { signIn } = useAuth();
  const { t, lang } = useLang();
  const tr = useTr();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [oidc, setOidc] = useState<OidcSetup | null>(null);
  // The form is shown once the sign-in set-up is known: with an identity provider its button comes first and the
  // password's is secondary, and a page that re-arranged itself a moment after it appeared would move the button a
  // person is about to press (and animate its colours half-way, a contrast failure for that moment).
  const [setupKnown, setSetupKnown] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;
  const oidcError = new URLSearchParams(location.search).get('oidc_error');

  useEffect(() => {
    get<OidcSetup>('/api/auth/oidc')
      .then(setOidc)
      .catch(() => setOidc(null))
      .finally(() => setSetupKnown(true));
    // A slow answer does not keep a person from the password form: it is shown after SETUP_WAIT_MS however the
    // set-up request fares (the provider's button then appears when, and if, the answer comes).
    const shown = window.setTimeout(() => setSetupKnown(true), SETUP_WAIT_MS);
    return () => window.clearTimeout(shown);
  }, []);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username.trim(), values.password);
      navigate(from ?? '/', { replace: true });
    } catch (err) {
      setError(explain(err, lang));
    } finally {
      setBusy(false);
    }
  };

  const oidcMessage = oidcError ? (OIDC_ERRORS[oidcError] ?? OIDC_ERRORS['provider-error']) : null;

  if (!setupKnown) {
    return (
      <Card style={{ maxWidth: 420, margin: '32px auto', textAlign: 'center' }}>
        <Spin aria-label={t.login} />
      </Card>
    );
  }
  return (
    <Card style={{ maxWidth: 420, margin: '32px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t.login}
      </Typography.Title>
      {oidcMessage && (
        <Alert
          type="error"
          showIcon
          message={tr(oidcMessage[0], oidcMessage[1])}
          role="alert"
          style={{ marginBottom: 16 }}
          data-testid="oidc-error"
        />
      )}
      {oidc?.enabled && (
        <>
          <Button
            type="primary"
            block
            href={`/api/auth/oidc/login?returnTo=${encodeURIComponent(from ?? '/')}`}
            data-testid="oidc-sign-in"
          >
            {oidc.label}
          </Button>
          <Divider plain>{tr('或使用本系统密码', 'or with a LawGate password')}</Divider>
        </>
      )}
      <Typography.Paragraph type="secondary">
        {tr(
          '演示账号：drafter.edu、officer.zhang、adviser.li 等，密码 lawgate-demo。',
          'Demo accounts: drafter.edu, officer.zhang, adviser.li and others, password lawgate-demo.',
        )}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)}>
        <Form.Item
          label={t.username}
          name="username"
          rules={[{ required: true, message: tr('请输入用户名', 'Enter your username') }]}
        >
          <Input autoComplete="username" autoFocus={!oidc?.enabled} />
        </Form.Item>
        <Form.Item
          label={t.password}
          name="password"
          rules={[{ required: true, message: tr('请输入密码', 'Enter your password') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type={oidc?.enabled ? 'default' : 'primary'} htmlType="submit" loading={busy} block>
          {t.login}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * Where the API sends the browser after the identity provider: the LawGate token is in the fragment (never sent to
 * a server, removed from the address bar at once); the page adopts it and goes on to where the person started.
 */
export function OidcReturnPage() {
  const { adoptToken } = useAuth();
  const tr = useTr();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const done = useRef(false);

  useEffect(() => {
    if (done.current) return;
    done.current = true;
    const fragment = new URLSearchParams(window.location.hash.slice(1));
    window.history.replaceState(null, '', window.location.pathname);
    const token = fragment.get('token');
    const returnTo = fragment.get('returnTo') ?? '/';
    if (!token) {
      setFailed(true);
      return;
    }
    adoptToken(token)
      .then(() => navigate(returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/', { replace: true }))
      .catch(() => setFailed(true));
  }, [adoptToken, navigate]);

  if (failed) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        message={tr('登录未完成，请重新登录。', 'Signing in did not complete; sign in again.')}
      />
    );
  }
  return <Spin aria-label={tr('正在登录', 'Signing in')} />;
}
