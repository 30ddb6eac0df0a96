import { Badge, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { get } from './api';
import { useTr } from './i18n';
import type { Answer } from './api/types';

const POLL_MS = 30000;

/** The bell in the header: unread notifications for the signed-in person or their unit, polled twice a minute. */
export function NotificationBell() {
  const tr = useTr();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let alive = true;
    const load = () =>
      get<Answer<'/api/notifications/unread-count', 'get'>>('/api/notifications/unread-count')
        .then((r) => alive && setUnread(r.unread))
        .catch(() => undefined);
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    const refresh = () => void load();
    window.addEventListener('lawgate:notifications-changed', refresh);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('lawgate:notifications-changed', refresh);
    };
  }, []);
  const label = tr(`通知（${unread} 条未读）`, `Notices (${unread} unread)`);
  return (
    <Badge count={unread} size="small" data-testid="bell-count">
      <Button size="small" aria-label={label} title={label} onClick={() => navigate('/notifications')}>
        <span aria-hidden="true">🔔</span> {tr('通知', 'Notices')}
      </Button>
    </Badge>
  );
}
