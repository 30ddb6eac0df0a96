import { Alert, Button, Card, Descriptions, Form, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { apiText, get, post } from '../api';
import { useLang } from '../i18n';
import { explain, formatTime, statusName } from '../labels';
import type { PublicWindow, RegisterEntry } from '../types';

export function PublicRegisterPage() {
  const { t } = useLang();
  const [q, setQ] = useState('');
  const [entries, setEntries] = useState<RegisterEntry[]>([]);
  const [windows, setWindows] = useState<PublicWindow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const search = useCallback(async (query: string) => {
    try {
      setEntries(
        (await get<{ items: RegisterEntry[] }>('/api/public/register', { q: query || undefined, limit: 50 })).items,
      );
    } catch (err) {
      setError(explain(err));
    }
  }, []);
  useEffect(() => {
    void search('');
    get<PublicWindow[]>('/api/public/comment-windows')
      .then(setWindows)
      .catch((err: unknown) => setError(explain(err)));
  }, [search]);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        行政规范性文件公开登记
      </Typography.Title>
      {error && <Alert type="error" message={error} role="alert" />}
      <Card title={t.openWindows} size="small">
        <List
          dataSource={windows}
          locale={{ emptyText: '目前没有正在征求意见的草案' }}
          renderItem={(w) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Link to={`/public/comment-windows/${w.windowId}`}>{w.title}</Link>
                <Typography.Text type="secondary">
                  截止 {formatTime(w.closesAt)} · 已收到 {w.comments} 条意见
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title="已发布文件" size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.Search
            aria-label="按标题搜索"
            placeholder="按标题搜索，如：校外培训"
            enterButton={t.search}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => void search(v)}
          />
          <Table<RegisterEntry>
            rowKey="id"
            size="small"
            scroll={{ x: 640 }}
            dataSource={entries}
            locale={{ emptyText: '没有符合条件的文件' }}
            columns={[
              { title: '文号', dataIndex: 'number' },
              {
                title: '标题',
                key: 'title',
                render: (_, e) => <Link to={`/public/documents/${e.id}`}>{e.title}</Link>,
              },
              { title: '制定机关', key: 'issuer', render: (_, e) => e.issuer.name },
              {
                title: '状态',
                dataIndex: 'status',
                render: (s: string) => <Tag color={s === 'IN_FORCE' ? 'blue' : 'default'}>{statusName(s)}</Tag>,
              },
              { title: '有效期至', dataIndex: 'validUntil' },
            ]}
          />
        </Space>
      </Card>
      <Card title={t.feeds} size="small">
        <Space wrap>
          <a href="/api/public/feeds/publications.json">新发布（JSON）</a>
          <a href="/api/public/feeds/publications.atom">新发布（Atom）</a>
          <a href="/api/public/feeds/expiring.json">即将到期（JSON）</a>
          <a href="/api/public/feeds/comment-windows.json">征求意见（JSON）</a>
          <a href="/api/public/feeds/comment-windows.atom">征求意见（Atom）</a>
        </Space>
      </Card>
    </Space>
  );
}

export function PublicDocumentPage() {
  const { id } = useParams<{ id: string }>();
  const [entry, setEntry] = useState<RegisterEntry | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<RegisterEntry>(`/api/public/register/${id}`)
      .then(async (e) => {
        setEntry(e);
        if (e.textUrl) setText(await apiText(e.textUrl));
      })
      .catch((err: unknown) => setError(explain(err)));
  }, [id]);
  if (error) return <Alert type="error" message={error} role="alert" />;
  if (!entry) return <Typography.Text>加载中…</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {entry.title}
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label="文号">{entry.number}</Descriptions.Item>
        <Descriptions.Item label="制定机关">{entry.issuer.name}</Descriptions.Item>
        <Descriptions.Item label="状态">{statusName(entry.status)}</Descriptions.Item>
        <Descriptions.Item label="可作为行政管理依据">{entry.usableAsBasis ? '是' : '否'}</Descriptions.Item>
        <Descriptions.Item label="发布">
          {entry.publication ? `${formatTime(entry.publication.publishedAt)}` : '未发布'}
        </Descriptions.Item>
        <Descriptions.Item label="有效期至">{entry.validUntil}</Descriptions.Item>
      </Descriptions>
      {text !== null && (
        <pre className="lg-pre" data-testid="published-text" tabIndex={0} aria-label="文件全文">
          {text}
        </pre>
      )}
      <Link to="/public">返回登记簿</Link>
    </Space>
  );
}

export function PublicWindowPage() {
  const { id } = useParams<{ id: string }>();
  const [w, setW] = useState<PublicWindow | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<PublicWindow>(`/api/public/comment-windows/${id}`)
      .then(async (win) => {
        setW(win);
        if (win.draft.mediaType?.startsWith('text/')) setDraft(await apiText(win.draft.url));
      })
      .catch((err: unknown) => setError(explain(err)));
  }, [id]);

  const submit = async (v: { content: string; name?: string; contact?: string }) => {
    setError(null);
    try {
      const r = await post<{ receiptNo: string }>(`/api/public/comment-windows/${id}/comments`, {
        content: v.content,
        name: v.name || undefined,
        contact: v.contact || undefined,
      });
      setReceipt(r.receiptNo);
    } catch (err) {
      setError(explain(err));
    }
  };

  if (!w) {
    return error ? <Alert type="error" message={error} role="alert" /> : <Typography.Text>加载中…</Typography.Text>;
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {w.title}（征求意见稿）
      </Typography.Title>
      <Typography.Text>
        征求意见期：{formatTime(w.opensAt)} 至 {formatTime(w.closesAt)} ·{' '}
        {w.status === 'OPEN' ? '正在征求意见' : '未在征求意见期内'}
      </Typography.Text>
      {w.shortenedReason && <Alert type="info" message={`征求意见期缩短的理由：${w.shortenedReason}`} />}
      {draft !== null && (
        <pre className="lg-pre" tabIndex={0} aria-label="征求意见稿全文">
          {draft}
        </pre>
      )}
      <Card title="提出意见" size="small">
        {receipt ? (
          <Alert
            type="success"
            showIcon
            role="status"
            data-testid="receipt"
            message={`意见已提交。回执编号：${receipt}`}
            description="请保存回执编号，可凭此查询起草单位的答复。"
          />
        ) : (
          <Form
            layout="vertical"
            onFinish={(v: { content: string; name?: string; contact?: string }) => void submit(v)}
          >
            {error && <Alert type="error" message={error} role="alert" style={{ marginBottom: 12 }} />}
            <Form.Item
              label="意见内容"
              name="content"
              rules={[{ required: true, whitespace: true, message: '请填写意见内容' }]}
            >
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
            <Form.Item label="姓名（可选，不公开）" name="name">
              <Input />
            </Form.Item>
            <Form.Item label="联系方式（可选，不公开）" name="contact">
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={w.status !== 'OPEN'}>
              提交意见
            </Button>
          </Form>
        )}
      </Card>
      <Link to="/public">返回登记簿</Link>
    </Space>
  );
}
