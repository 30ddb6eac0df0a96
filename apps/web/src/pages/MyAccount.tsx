import { Alert, App, Button, Card, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../api';
import { useAuth } from '../auth';
import { useLang, useTr } from '../i18n';
import { explain } from '../labels';

/** A person's own account: change the password (every session ends, so sign in again), sign out everywhere. */
export function MyAccountPage() {
  const tr = useTr();
  const { lang } = useLang();
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; repeat: string }>();

  const leave = (done: string) => {
    void message.success(done);
    signOut();
    navigate('/login');
  };

  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 520 }}>
      {error && <Alert type="error" message={error} showIcon role="alert" />}
      <Card title={tr(`${user?.displayName ?? ''} 修改密码`, `Change the password of ${user?.displayName ?? ''}`)}>
        <Form
          form={form}
          layout="vertical"
          name="changePassword"
          onFinish={(v) =>
            void api('POST', '/api/account/password', {
              body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
            })
              .then(() => leave(tr('密码已修改，请重新登录', 'Password changed; sign in again')))
              .catch((err: unknown) => setError(explain(err, lang)))
          }
        >
          <Form.Item name="currentPassword" label={tr('当前密码', 'Current password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={tr('新密码（至少10位）', 'New password (10+ characters)')}
            rules={[{ required: true, min: 10 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={tr('再次输入新密码', 'New password again')}
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(tr('两次输入不一致', 'The two entries differ'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {tr('修改密码', 'Change password')}
          </Button>
        </Form>
      </Card>
      <Button
        onClick={() =>
          void api('POST', '/api/auth/logout-everywhere')
            .then(() => leave(tr('已在所有设备退出', 'Signed out everywhere')))
            .catch((err: unknown) => setError(explain(err, lang)))
        }
      >
        {tr('在所有设备退出', 'Sign out everywhere')}
      </Button>
    </Space>
  );
}
