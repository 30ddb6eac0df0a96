import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth';
import { useLang, useTr } from '../i18n';
import { explain } from '../labels';

export function LoginPage() {
  const { signIn } = useAuth();
  const { t, lang } = useLang();
  const tr = useTr();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

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

  return (
    <Card style={{ maxWidth: 420, margin: '32px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t.login}
      </Typography.Title>
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
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          label={t.password}
          name="password"
          rules={[{ required: true, message: tr('请输入密码', 'Enter your password') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t.login}
        </Button>
      </Form>
    </Card>
  );
}
