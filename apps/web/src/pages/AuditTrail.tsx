import { Alert, Button, DatePicker, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { get } from '../api';
import { useLastLoad } from '../last-load';
import { useTr } from '../i18n';
import { explain } from '../labels';
import { Select } from '../select';
import type { AuditEntry, AuditPage } from '../api/types';

interface Filters {
  action?: string;
  actorUsername?: string;
  procedureId?: string;
  from?: string;
  to?: string;
}

/** Actions the office looks for most; any other action (or a prefix ending in ".") can be typed. */
const COMMON_ACTIONS: [string, string, string][] = [
  ['auth.', '全部登录事件', 'All sign-in events'],
  ['auth.login.failed', '登录失败', 'Failed sign-ins'],
  ['auth.login', '登录成功', 'Sign-ins'],
  ['document.read', '查阅文件', 'Document reads'],
  ['archive.downloaded', '下载档案', 'Archive downloads'],
  ['export.downloaded', '导出', 'Exports'],
  ['admin.change', '管理变更', 'Administrative changes'],
  ['operator.action', '运维操作', 'Operator actions'],
  ['task.', '任务', 'Tasks'],
  ['procedure.', '程序', 'Procedures'],
];

/**
 * The audit trail (审计日志): every login (failed ones too), document read, export, archive download, administrative
 * change and operator action, newest first, filtered by action, user, procedure and time. Entries are hash-chained
 * and append-only; the ledger check in the console verifies them.
 */
export function AuditTrailPage() {
  const tr = useTr();
  const [filters, setFilters] = useState<Filters>({});
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  // Only the last search's (or page's) answer is shown: an earlier one may come after it.
  const begin = useLastLoad();
  const load = useCallback(
    async (f: Filters, beforeId?: string) => {
      const current = begin();
      setLoading(true);
      try {
        const page = await get<AuditPage>('/api/admin/audit', {
          ...f,
          beforeId,
          limit: 50,
        });
        if (!current()) return;
        setEntries((old) => (beforeId ? [...old, ...page.entries] : page.entries));
        setNext(page.nextBeforeId);
        setError(null);
      } catch (err) {
        if (current()) setError(explain(err));
      } finally {
        if (current()) setLoading(false);
      }
    },
    [begin],
  );
  useEffect(() => {
    void load({});
  }, [load]);

  const search = (v: {
    action?: string;
    actorUsername?: string;
    procedureId?: string;
    range?: [{ toISOString: () => string } | null, { toISOString: () => string } | null] | null;
  }) => {
    const f: Filters = {
      action: v.action?.trim() || undefined,
      actorUsername: v.actorUsername?.trim() || undefined,
      procedureId: v.procedureId?.trim() || undefined,
      from: v.range?.[0]?.toISOString(),
      to: v.range?.[1]?.toISOString(),
    };
    setFilters(f);
    void load(f);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={2}>{tr('审计日志', 'Audit trail')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {tr(
          '登录（含失败）、查阅文件、导出、下载档案、管理变更和运维操作，逐条哈希链接、只增不改。',
          'Sign-ins (failed ones too), document reads, exports, archive downloads, administrative changes and operator actions; hash-chained and append-only.',
        )}{' '}
        <Link to="/console">{tr('返回工作台', 'Back to the console')}</Link>
      </Typography.Paragraph>
      <Form layout="inline" onFinish={search} aria-label={tr('筛选审计日志', 'Filter the audit trail')}>
        <Form.Item name="action" label={tr('事件', 'Action')}>
          <Select
            allowClear
            showSearch
            style={{ width: 220 }}
            placeholder={tr('全部', 'All')}
            aria-label={tr('事件', 'Action')}
            options={COMMON_ACTIONS.map(([value, zh, en]) => ({ value, label: tr(zh, en) }))}
          />
        </Form.Item>
        <Form.Item name="actorUsername" label={tr('用户名', 'Username')}>
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="procedureId" label={tr('程序编号', 'Procedure id')}>
          <Input allowClear style={{ width: 300 }} />
        </Form.Item>
        <Form.Item name="range" label={tr('时间', 'Time')}>
          <DatePicker.RangePicker showTime />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {tr('查询', 'Search')}
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={entries}
        pagination={false}
        data-testid="audit-entries"
        columns={[
          { title: tr('时间', 'Time'), key: 'at', render: (_, e) => new Date(e.at).toLocaleString() },
          {
            title: tr('事件', 'Action'),
            key: 'action',
            render: (_, e) => <Tag color={e.action.endsWith('.failed') ? 'red' : undefined}>{e.action}</Tag>,
          },
          {
            title: tr('用户', 'User'),
            key: 'actor',
            render: (_, e) =>
              e.actorName ?? (typeof e.details.username === 'string' ? e.details.username : null) ?? e.actorKind,
          },
          {
            title: tr('程序', 'Procedure'),
            key: 'procedure',
            render: (_, e) =>
              e.procedureId ? <Link to={`/procedures/${e.procedureId}`}>{e.procedureId.slice(0, 8)}</Link> : null,
          },
          { title: tr('理由', 'Reason'), key: 'reason', render: (_, e) => e.reason },
          {
            title: tr('详情', 'Details'),
            key: 'details',
            render: (_, e) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[e.details.route, e.details.ip].filter(Boolean).join(' · ')}
              </Typography.Text>
            ),
          },
        ]}
      />
      {next && (
        <Button onClick={() => void load(filters, next)} disabled={loading}>
          {tr('更早的记录', 'Older entries')}
        </Button>
      )}
    </Space>
  );
}
