import { App, Button, Card, Checkbox, Flex, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { Select } from '../select';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { get, post } from '../api';
import { useLastLoad } from '../last-load';
import { hasRole, useAuth } from '../auth';
import { useWorkingCalendar } from '../calendar';
import { useLang, useTr } from '../i18n';
import { countdown, explain, PROCEDURE_TYPE_OPTIONS, stageName, STAGE_OPTIONS } from '../labels';
import type { InboxPage as InboxPageDto, Task } from '../api/types';

interface Filters {
  procedureType?: string;
  stage?: string;
  dueWithinWorkingDays?: number;
  overdue?: boolean;
}

const VIEWS_KEY = 'lawgate.inbox.views';

function loadViews(): Record<string, Filters> {
  try {
    return JSON.parse(localStorage.getItem(VIEWS_KEY) ?? '{}') as Record<string, Filters>;
  } catch {
    return {};
  }
}

/** Working days left to a due time, or overdue (counted on the calendar the API serves). */
export function Countdown({ dueAt, problem }: { dueAt: string | null; problem?: string | null }) {
  const { lang } = useLang();
  const tr = useTr();
  const calendar = useWorkingCalendar();
  const c = countdown(dueAt, Date.now(), calendar, lang);
  // A due time that cannot be counted (a year's calendar not loaded): said in a dark amber that keeps the contrast
  // ratio above 4.5:1 on white (antd's warning text colour does not).
  if (!dueAt && problem) return <Typography.Text style={{ color: '#874d00' }}>{problem}</Typography.Text>;
  return (
    <span className={c.overdue ? 'lg-countdown-overdue' : undefined} data-testid="countdown">
      {c.overdue && <Tag color="red">{tr('逾期', 'Overdue')}</Tag>}
      {c.text}
    </span>
  );
}

export function InboxPage() {
  const { t, lang } = useLang();
  const tr = useTr();
  const { user } = useAuth();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState<InboxPageDto | null>(null);
  const [cursors, setCursors] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  const [views, setViews] = useState<Record<string, Filters>>(loadViews);
  const [viewName, setViewName] = useState('');

  // Only the last asked page is shown: an earlier filter's or page's answer may come after it.
  const begin = useLastLoad();
  const load = useCallback(
    async (cursor?: string) => {
      const current = begin();
      setLoading(true);
      try {
        const answer = await get<InboxPageDto>('/api/tasks/inbox', { ...filters, cursor, limit: 20 });
        if (current()) setPage(answer);
      } catch (err) {
        if (current()) void message.error(explain(err, lang));
      } finally {
        if (current()) setLoading(false);
      }
    },
    [filters, message, lang, begin],
  );

  useEffect(() => {
    setCursors([]);
    void load();
  }, [load]);

  const act = async (task: Task, action: 'claim' | 'release') => {
    try {
      await post(`/api/tasks/${task.id}/${action}`);
      void message.success(action === 'claim' ? tr('已认领', 'Claimed') : tr('已退回本单位', 'Released to your unit'));
      await load(cursors[cursors.length - 1]);
    } catch (err) {
      void message.error(explain(err, lang));
    }
  };

  const saveView = () => {
    if (!viewName.trim()) return;
    const next = { ...views, [viewName.trim()]: filters };
    localStorage.setItem(VIEWS_KEY, JSON.stringify(next));
    setViews(next);
    setViewName('');
  };

  const canClaim = hasRole(user, 'LEGAL_ADVISER', 'LEGAL_AFFAIRS_OFFICER');

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Flex align="center" gap={12} wrap="wrap">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t.inbox}
        </Typography.Title>
        <Tag color="blue" data-testid="count-open">
          {tr('待办', 'Open')} {page?.counts.open ?? 0}
        </Tag>
        <Tag color="red" data-testid="count-overdue">
          {tr('逾期', 'Overdue')} {page?.counts.overdue ?? 0}
        </Tag>
        <Typography.Text type="secondary">
          {tr(
            `共 ${page?.counts.open ?? 0} 件，逾期 ${page?.counts.overdue ?? 0} 件`,
            `${page?.counts.open ?? 0} in all, ${page?.counts.overdue ?? 0} overdue`,
          )}
        </Typography.Text>
      </Flex>
      <Card size="small" title={tr('筛选', 'Filters')}>
        <Flex gap={12} wrap="wrap" align="center">
          <Select
            aria-label={t.procedureType}
            placeholder={t.procedureType}
            allowClear
            style={{ minWidth: 160 }}
            value={filters.procedureType}
            onChange={(v: string | undefined) => setFilters({ ...filters, procedureType: v })}
            options={PROCEDURE_TYPE_OPTIONS.map((o) => ({ value: o.type, label: tr(o.name.zh, o.name.en) }))}
          />
          <Select
            aria-label={t.stage}
            placeholder={t.stage}
            allowClear
            style={{ minWidth: 160 }}
            value={filters.stage}
            onChange={(v: string | undefined) => setFilters({ ...filters, stage: v })}
            options={STAGE_OPTIONS.map((s) => ({ value: s, label: stageName(s, lang) }))}
          />
          <InputNumber
            aria-label={t.dueWithin}
            placeholder={t.dueWithin}
            min={0}
            max={60}
            style={{ width: 150 }}
            value={filters.dueWithinWorkingDays}
            onChange={(v) => setFilters({ ...filters, dueWithinWorkingDays: v ?? undefined })}
          />
          <Checkbox
            checked={!!filters.overdue}
            onChange={(e) => setFilters({ ...filters, overdue: e.target.checked || undefined })}
          >
            {t.onlyOverdue}
          </Checkbox>
          <Input
            aria-label={tr('视图名称', 'View name')}
            placeholder={tr('视图名称', 'View name')}
            style={{ width: 140 }}
            value={viewName}
            onChange={(e) => setViewName(e.target.value)}
          />
          <Button onClick={saveView}>{t.saveView}</Button>
          {Object.keys(views).length > 0 && (
            <Select
              aria-label={t.savedViews}
              placeholder={t.savedViews}
              style={{ minWidth: 140 }}
              onChange={(name: string) => setFilters(views[name] ?? {})}
              options={Object.keys(views).map((name) => ({ value: name, label: name }))}
            />
          )}
        </Flex>
      </Card>
      <Table<Task>
        rowKey="id"
        loading={loading}
        dataSource={page?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        rowClassName={(task) => (countdown(task.dueAt).overdue ? 'lg-row-overdue' : '')}
        columns={[
          {
            title: tr('任务', 'Task'),
            key: 'title',
            render: (_, task) => (
              <Space direction="vertical" size={0}>
                <Link to={`/procedures/${task.procedureId}?task=${task.id}`}>{task.title}</Link>
                <Typography.Text type="secondary">{task.procedureTitle}</Typography.Text>
                <span className="lg-phone-only">
                  <Countdown dueAt={task.dueAt} problem={task.dueProblem} />
                </span>
              </Space>
            ),
          },
          { title: t.stage, dataIndex: 'stage', render: (s: string) => <Tag>{stageName(s, lang)}</Tag> },
          {
            title: tr('期限', 'Due'),
            key: 'due',
            render: (_, task) => <Countdown dueAt={task.dueAt} problem={task.dueProblem} />,
          },
          {
            title: tr('承办', 'Holder'),
            key: 'holder',
            render: (_, task) =>
              task.delegateUserId === user?.userId && task.assigneeUserId !== user?.userId ? (
                <Tag color="purple">{tr('委托我起草', 'Delegated to me')}</Tag>
              ) : task.assigneeUserId === user?.userId ? (
                task.delegateUserId ? (
                  tr('我（已委托起草）', 'Me (drafting delegated)')
                ) : (
                  tr('我', 'Me')
                )
              ) : task.assigneeUserId ? (
                tr('他人', 'Someone else')
              ) : (
                tr('本单位', 'My unit')
              ),
          },
          {
            title: tr('操作', 'Actions'),
            key: 'actions',
            render: (_, task) => (
              <Space wrap>
                <Link to={`/procedures/${task.procedureId}?task=${task.id}`}>{t.open}</Link>
                {canClaim && !task.assigneeUserId && (
                  <Button size="small" onClick={() => void act(task, 'claim')}>
                    {t.claim}
                  </Button>
                )}
                {canClaim && task.assigneeUserId === user?.userId && (
                  <Button size="small" onClick={() => void act(task, 'release')}>
                    {t.release}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Space>
        <Button
          disabled={cursors.length === 0}
          onClick={() => {
            const prev = cursors.slice(0, -1);
            setCursors(prev);
            void load(prev[prev.length - 1]);
          }}
        >
          {tr('上一页', 'Previous')}
        </Button>
        <Button
          disabled={!page?.nextCursor}
          onClick={() => {
            const next = [...cursors, page!.nextCursor!];
            setCursors(next);
            void load(page!.nextCursor!);
          }}
        >
          {tr('下一页', 'Next')}
        </Button>
      </Space>
    </Space>
  );
}
