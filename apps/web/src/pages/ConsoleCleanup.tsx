import { ExcelExport } from '../ExcelExport';
import { Alert, App, Button, Card, Form, Input, Progress, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { get, post } from '../api';
import { useLastLoad } from '../last-load';
import type { Answer, CleanupCampaign, CleanupListEntry, CleanupLists, CleanupProgress } from '../api/types';
import { useLang, useTr } from '../i18n';
import { explain, formatTime } from '../labels';

const STATUS: Record<string, [string, string]> = {
  RUNNING: ['正在启动审查', 'Starting reviews'],
  STARTED_ALL: ['审查进行中', 'Reviews under way'],
  DONE: ['已完成', 'Done'],
};

/**
 * Clean-up campaigns (清理) for the legal-affairs office: start one, follow how many documents in force have a review
 * and how many are decided, and read the lists of documents kept, amended, repealed and expired.
 */
export function CleanupPanel() {
  const { lang } = useLang();
  const tr = useTr();
  const { message } = App.useApp();
  const [campaigns, setCampaigns] = useState<CleanupCampaign[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [progress, setProgress] = useState<CleanupProgress | null>(null);
  const [lists, setLists] = useState<CleanupLists | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const loadList = useCallback(async () => {
    try {
      const list = await get<CleanupCampaign[]>('/api/admin/cleanup-campaigns');
      setCampaigns(list);
      setSelected((current) => current ?? list[0]?.id ?? null);
    } catch (err) {
      setError(explain(err));
    }
  }, []);

  // The campaign's record is written by its workflow a moment after the start: read its progress once it is listed.
  const listed = campaigns.some((c) => c.id === selected);
  // Only the campaign chosen last is shown: an earlier choice's answer may come after it.
  const begin = useLastLoad();
  const loadSelected = useCallback(async () => {
    if (!selected || !listed) return;
    const current = begin();
    try {
      const [p, l] = await Promise.all([
        get<CleanupProgress>(`/api/admin/cleanup-campaigns/${encodeURIComponent(selected)}`),
        get<CleanupLists>(`/api/admin/cleanup-campaigns/${encodeURIComponent(selected)}/lists`),
      ]);
      if (!current()) return;
      setProgress(p);
      setLists(l);
    } catch (err) {
      if (current()) setError(explain(err));
    }
  }, [selected, listed, begin]);

  useEffect(() => {
    void loadList();
  }, [loadList]);

  // A running (or just started) campaign is followed every few seconds; a finished one is read once.
  const running = Boolean(selected) && (!listed || progress?.status !== 'DONE');
  useEffect(() => {
    void loadSelected();
    if (!running) return;
    const timer = window.setInterval(() => void (listed ? loadSelected() : loadList()), listed ? 5000 : 1000);
    return () => window.clearInterval(timer);
  }, [running, listed, loadSelected, loadList]);

  const status = (s: string) => STATUS[s]?.[lang === 'en' ? 1 : 0] ?? s;
  const entries = (rows: CleanupListEntry[], withReason: boolean) => (
    <Table<CleanupListEntry>
      rowKey="registerEntryId"
      size="small"
      scroll={{ x: 560 }}
      dataSource={rows}
      locale={{ emptyText: tr('暂无', 'None') }}
      columns={[
        { title: tr('文号', 'Number'), dataIndex: 'number' },
        {
          title: tr('标题', 'Title'),
          key: 't',
          render: (_, r) => <Link to={`/procedures/${r.procedureId}`}>{r.title}</Link>,
        },
        ...(withReason
          ? [
              { title: tr('理由', 'Reason'), dataIndex: 'reason', render: (v: string | null) => v || '—' },
              { title: tr('决定时间', 'Decided'), dataIndex: 'decidedAt', render: (v: string | null) => formatTime(v) },
            ]
          : [{ title: tr('有效期至', 'Valid until'), dataIndex: 'validUntil' }]),
      ]}
    />
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {error && <Alert type="error" message={error} showIcon role="alert" closable onClose={() => setError(null)} />}
      <Form
        form={form}
        layout="inline"
        name="cleanupStart"
        aria-label={tr('启动清理', 'Start a clean-up campaign')}
        onFinish={(v: { title: string; campaignId?: string }) =>
          void post<Answer<'/api/admin/cleanup-campaigns', 'post'>>('/api/admin/cleanup-campaigns', {
            title: v.title,
            ...(v.campaignId ? { campaignId: v.campaignId } : {}),
          })
            .then(async (r) => {
              void message.success(tr('清理已启动', 'Campaign started'));
              form.resetFields();
              setProgress(null);
              setLists(null);
              setSelected(r.campaignId);
              await loadList();
            })
            .catch((err: unknown) => setError(explain(err)))
        }
      >
        <Form.Item
          name="title"
          label={tr('清理名称', 'Title')}
          rules={[{ required: true, min: 2, message: tr('请填写清理名称', 'Give the campaign a title') }]}
        >
          <Input
            style={{ minWidth: 260 }}
            placeholder={tr('2026年度行政规范性文件清理', '2026 clean-up of normative documents')}
          />
        </Form.Item>
        <Form.Item name="campaignId" label={tr('编号（默认为当年）', 'Key (default: this year)')}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {tr('启动清理', 'Start')}
        </Button>
      </Form>

      <Table<CleanupCampaign>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={campaigns}
        locale={{ emptyText: tr('尚未开展清理。', 'No clean-up campaign yet.') }}
        rowClassName={(c) => (c.id === selected ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: tr('清理', 'Campaign'),
            key: 't',
            render: (_, c) => (
              <Button
                type="link"
                onClick={() => {
                  setProgress(null);
                  setSelected(c.id);
                }}
                aria-pressed={c.id === selected}
              >
                {c.title}（{c.id}）
              </Button>
            ),
          },
          { title: tr('状态', 'Status'), dataIndex: 'status', render: (s: string) => <Tag>{status(s)}</Tag> },
          { title: tr('在施行文件', 'Documents in force'), dataIndex: 'totalInForce' },
          { title: tr('开始', 'Started'), dataIndex: 'startedAt', render: (v: string) => formatTime(v) },
          { title: tr('结束', 'Finished'), dataIndex: 'finishedAt', render: (v: string | null) => formatTime(v) },
        ]}
      />

      {selected && !listed && (
        <Typography.Text type="secondary">
          {tr(`清理 ${selected} 正在启动…`, `Campaign ${selected} is starting…`)}
        </Typography.Text>
      )}
      {progress && progress.id === selected && (
        <Card
          size="small"
          title={tr(`清理进展：${progress.title}`, `Progress: ${progress.title}`)}
          extra={
            <ExcelExport
              path={`/api/admin/exports/cleanup-lists.xlsx?campaignId=${encodeURIComponent(progress.id)}`}
              label={tr('导出清理结果 Excel', 'Export the lists to Excel')}
            />
          }
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            <div>
              <Typography.Text>
                {tr(
                  `已启动审查 ${progress.reviewsStarted} / ${progress.totalInForce} 件`,
                  `Reviews started: ${progress.reviewsStarted} of ${progress.totalInForce}`,
                )}
              </Typography.Text>
              <Progress
                percent={pct(progress.reviewsStarted, progress.totalInForce)}
                aria-label={tr('已启动审查', 'Reviews started')}
              />
            </div>
            <div>
              <Typography.Text data-testid="cleanup-decided">
                {tr(
                  `已作出决定 ${progress.decided.total} / ${progress.reviews} 件：继续有效 ${progress.decided.kept}，修改 ${progress.decided.amended}，废止 ${progress.decided.repealed}`,
                  `Decided: ${progress.decided.total} of ${progress.reviews} — kept ${progress.decided.kept}, amended ${progress.decided.amended}, repealed ${progress.decided.repealed}`,
                )}
              </Typography.Text>
              <Progress
                percent={pct(progress.decided.total, progress.reviews)}
                status={progress.status === 'DONE' ? 'success' : 'active'}
                aria-label={tr('已作出决定', 'Decided')}
              />
            </div>
            {lists && (
              <Tabs
                items={[
                  {
                    key: 'kept',
                    label: tr(`继续有效（${lists.kept.length}）`, `Kept (${lists.kept.length})`),
                    children: entries(lists.kept, true),
                  },
                  {
                    key: 'amended',
                    label: tr(`修改（${lists.amended.length}）`, `Amended (${lists.amended.length})`),
                    children: entries(lists.amended, true),
                  },
                  {
                    key: 'repealed',
                    label: tr(`废止（${lists.repealed.length}）`, `Repealed (${lists.repealed.length})`),
                    children: entries(lists.repealed, true),
                  },
                  {
                    key: 'expired',
                    label: tr(`已失效（${lists.expired.length}）`, `Expired (${lists.expired.length})`),
                    children: entries(lists.expired, false),
                  },
                ]}
              />
            )}
          </Space>
        </Card>
      )}
    </Space>
  );
}

const pct = (n: number, total: number): number => (total === 0 ? 100 : Math.floor((n / total) * 100));
