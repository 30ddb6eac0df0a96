import { Alert, App, Button, Card, List, Space, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, get } from '../api';
import { useLang, useTr } from '../i18n';
import { explain } from '../labels';
import type { Notice, NotificationPreferences } from '../api/types';

const KINDS: Record<string, [string, string]> = {
  TASK_ASSIGNED: ['新待办', 'New task'],
  TASK_REMINDER: ['即将到期', 'Due soon'],
  TASK_OVERDUE: ['已逾期', 'Overdue'],
  OPINION_RETURNED: ['意见返回', 'Opinion returned'],
  DECISION_TAKEN: ['已作决定', 'Decision taken'],
};

const changed = () => window.dispatchEvent(new Event('lawgate:notifications-changed'));

/** Notifications for me and my unit, newest first, and the channels they reach me by. */
export function NotificationsPage() {
  const tr = useTr();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [notices, setNotices] = useState<Notice[]>([]);
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [n, p] = await Promise.all([
        get<Notice[]>('/api/notifications'),
        get<NotificationPreferences>('/api/notifications/preferences'),
      ]);
      setNotices(n);
      setPrefs(p);
    } catch (err) {
      setError(explain(err, lang));
    }
  }, [lang]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = (work: Promise<unknown>) =>
    work
      .then(async () => {
        changed();
        await load();
      })
      .catch((err: unknown) => setError(explain(err, lang)));

  const setChannel = (channel: 'email' | 'webhook', on: boolean) => {
    if (!prefs) return;
    void run(
      api('PUT', '/api/notifications/preferences', {
        body: { email: prefs.email, webhook: prefs.webhook, [channel]: on },
      }).then(() => message.success(tr('已保存', 'Saved'))),
    );
  };

  const kind = (k: string) => (KINDS[k] ? (lang === 'en' ? KINDS[k][1] : KINDS[k][0]) : k);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={2}>{tr('通知', 'Notifications')}</Typography.Title>
      {error && <Alert type="error" message={error} showIcon role="alert" closable onClose={() => setError(null)} />}
      <Card size="small" title={tr('接收方式', 'How notices reach me')}>
        {prefs && (
          <Space direction="vertical">
            <Typography.Text>{tr('站内通知：始终开启', 'In the app: always on')}</Typography.Text>
            <Space>
              <Switch
                checked={prefs.email}
                onChange={(on) => setChannel('email', on)}
                aria-label={tr('电子邮件', 'E-mail')}
              />
              <span>
                {tr('电子邮件', 'E-mail')}
                {prefs.emailAddress
                  ? `（${prefs.emailAddress}）`
                  : tr('（未登记邮箱，请联系管理员）', ' (no address on file: ask the administrator)')}
              </span>
            </Space>
            <Space>
              <Switch
                checked={prefs.webhook}
                onChange={(on) => setChannel('webhook', on)}
                aria-label={tr('政务消息平台', 'Government messaging platform')}
              />
              <span>{tr('政务消息平台', 'Government messaging platform')}</span>
            </Space>
          </Space>
        )}
      </Card>
      <Button onClick={() => void run(api('POST', '/api/notifications/read-all'))}>
        {tr('全部标为已读', 'Mark all read')}
      </Button>
      <List<Notice>
        bordered
        dataSource={notices}
        locale={{ emptyText: tr('暂无通知', 'No notifications') }}
        renderItem={(n) => (
          <List.Item
            actions={
              n.readAt
                ? []
                : [
                    <Button
                      key="r"
                      size="small"
                      onClick={() => void run(api('POST', `/api/notifications/${n.id}/read`))}
                    >
                      {tr('标为已读', 'Mark read')}
                    </Button>,
                  ]
            }
          >
            <Space direction="vertical" size={0}>
              <Space>
                <Tag color={n.readAt ? undefined : 'red'}>{kind(n.kind)}</Tag>
                <Typography.Text type="secondary">{new Date(n.createdAt).toLocaleString()}</Typography.Text>
              </Space>
              {n.procedureId ? (
                <Link to={`/procedures/${n.procedureId}`}>{n.message}</Link>
              ) : (
                <Typography.Text>{n.message}</Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
