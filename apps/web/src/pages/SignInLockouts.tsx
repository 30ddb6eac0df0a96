import { Alert, App, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, get } from '../api';
import type { Answer } from '../api/types';
import { useLang, useTr } from '../i18n';
import { explain, formatTime } from '../labels';

type Lockout = Answer<'/api/admin/sign-in-lockouts', 'get'>[number];

/**
 * Sign-in lockouts for the system administrator: accounts locked after wrong passwords (and accounts with wrong
 * passwords counted), and the unlock before the lockout ends, an audited act with its reason.
 */
export function SignInLockoutsPanel() {
  const tr = useTr();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Lockout[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [unlocking, setUnlocking] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const load = useCallback(async () => {
    try {
      setRows(await get<Lockout[]>('/api/admin/sign-in-lockouts'));
    } catch (err) {
      setError(explain(err, lang));
    }
  }, [lang]);
  useEffect(() => {
    void load();
  }, [load]);

  const locked = (r: Lockout) => !!r.lockedUntil && new Date(r.lockedUntil).getTime() > Date.now();

  const unlock = async (reason: string) => {
    if (!unlocking) return;
    try {
      await api<Answer<'/api/admin/sign-in-lockouts/{username}/unlock', 'post'>>(
        'POST',
        `/api/admin/sign-in-lockouts/${encodeURIComponent(unlocking)}/unlock`,
        { body: { reason } },
      );
      void message.success(tr(`已解除 ${unlocking} 的锁定`, `${unlocking} is unlocked`));
      setUnlocking(null);
      form.resetFields();
      setError(null);
      await load();
    } catch (err) {
      setError(explain(err, lang));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">
        {tr(
          '连续输错密码达到上限的账号会被锁定一段时间；确认是本人后可提前解除，理由记入审计日志。',
          'An account is locked for a while after too many wrong passwords in a row; once you know it is its holder, ' +
            'you can unlock it sooner, and the reason goes into the audit trail.',
        )}
      </Typography.Paragraph>
      {error && <Alert type="error" message={error} showIcon role="alert" closable onClose={() => setError(null)} />}
      <Table<Lockout>
        rowKey="username"
        size="small"
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        dataSource={rows}
        locale={{ emptyText: tr('没有被锁定或输错密码的账号', 'No account is locked or has wrong passwords counted') }}
        columns={[
          { title: tr('用户名', 'Username'), dataIndex: 'username' },
          { title: tr('连续错误次数', 'Wrong passwords in a row'), dataIndex: 'failures' },
          {
            title: tr('最近一次错误', 'Last wrong password'),
            dataIndex: 'lastFailureAt',
            render: (t: string | null) => (t ? formatTime(t) : '—'),
          },
          {
            title: tr('状态', 'Status'),
            key: 'status',
            render: (_, r) =>
              locked(r) ? (
                <Tag color="red">
                  {tr(`锁定至 ${formatTime(r.lockedUntil)}`, `Locked until ${formatTime(r.lockedUntil)}`)}
                </Tag>
              ) : (
                <Tag>{tr('未锁定', 'Not locked')}</Tag>
              ),
          },
          {
            title: tr('操作', 'Actions'),
            key: 'a',
            render: (_, r) =>
              locked(r) ? (
                <Button size="small" onClick={() => setUnlocking(r.username)}>
                  {tr('解除锁定', 'Unlock')}
                </Button>
              ) : null,
          },
        ]}
      />
      {unlocking && (
        <Modal
          open
          title={tr(`解除 ${unlocking} 的登录锁定`, `Unlock ${unlocking}`)}
          onCancel={() => setUnlocking(null)}
          onOk={() => form.submit()}
          okText={tr('解除锁定', 'Unlock')}
        >
          <Form form={form} layout="vertical" onFinish={(v) => void unlock(v.reason)}>
            <Form.Item
              name="reason"
              label={tr('理由', 'Reason')}
              rules={[{ required: true, min: 2, message: tr('请填写理由', 'Give a reason') }]}
            >
              <Input />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Space>
  );
}
