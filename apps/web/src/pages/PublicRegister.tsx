import { Alert, Button, Card, Descriptions, Form, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { apiText, get, post } from '../api';
import { useLang, useTr } from '../i18n';
import { explain, formatTime, stageName, statusName } from '../labels';
import type { Answer, PublicCatalog, PublicWindow, PublishedDecision, RegisterEntry, RegisterPage } from '../api/types';

export function PublicRegisterPage() {
  const { t, lang } = useLang();
  const tr = useTr();
  const [q, setQ] = useState('');
  const [entries, setEntries] = useState<RegisterEntry[]>([]);
  const [windows, setWindows] = useState<PublicWindow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const search = useCallback(
    async (query: string) => {
      try {
        setEntries((await get<RegisterPage>('/api/public/register', { q: query || undefined, limit: 50 })).items);
      } catch (err) {
        setError(explain(err, lang));
      }
    },
    [lang],
  );
  useEffect(() => {
    void search('');
    get<PublicWindow[]>('/api/public/comment-windows')
      .then(setWindows)
      .catch((err: unknown) => setError(explain(err, lang)));
  }, [search, lang]);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {tr('行政规范性文件公开登记', 'Public register of normative documents')}
      </Typography.Title>
      {error && <Alert type="error" message={error} role="alert" />}
      <Card title={t.openWindows} size="small">
        <List
          dataSource={windows}
          locale={{ emptyText: tr('目前没有正在征求意见的草案', 'No draft is open for comment at the moment') }}
          renderItem={(w) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Link to={`/public/comment-windows/${w.windowId}`}>{w.title}</Link>
                <Typography.Text type="secondary">
                  {tr(
                    `截止 ${formatTime(w.closesAt)} · 已收到 ${w.comments} 条意见`,
                    `Closes ${formatTime(w.closesAt)} · ${w.comments} comments received`,
                  )}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title={tr('已发布文件', 'Published documents')} size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.Search
            aria-label={tr('按标题搜索', 'Search by title')}
            placeholder={tr('按标题搜索，如：校外培训', 'Search by title, e.g. 校外培训')}
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
            locale={{ emptyText: tr('没有符合条件的文件', 'No document matches') }}
            columns={[
              { title: tr('文号', 'Number'), dataIndex: 'number' },
              {
                title: tr('标题', 'Title'),
                key: 'title',
                render: (_, e) => <Link to={`/public/documents/${e.id}`}>{e.title}</Link>,
              },
              { title: tr('制定机关', 'Issuer'), key: 'issuer', render: (_, e) => e.issuer.name },
              {
                title: tr('状态', 'Status'),
                dataIndex: 'status',
                render: (s: string) => <Tag color={s === 'IN_FORCE' ? 'blue' : 'default'}>{statusName(s, lang)}</Tag>,
              },
              { title: tr('有效期至', 'Valid until'), dataIndex: 'validUntil' },
            ]}
          />
        </Space>
      </Card>
      <PublicDecisions />
      <Card title={t.feeds} size="small">
        <Space wrap>
          <a href="/api/public/feeds/publications.json">{tr('新发布（JSON）', 'New publications (JSON)')}</a>
          <a href="/api/public/feeds/publications.atom">{tr('新发布（Atom）', 'New publications (Atom)')}</a>
          <a href="/api/public/feeds/expiring.json">{tr('即将到期（JSON）', 'Expiring soon (JSON)')}</a>
          <a href="/api/public/feeds/comment-windows.json">{tr('征求意见（JSON）', 'Open for comment (JSON)')}</a>
          <a href="/api/public/feeds/comment-windows.atom">{tr('征求意见（Atom）', 'Open for comment (Atom)')}</a>
          <Link to="/public/enforcement-disclosures">{tr('重大执法决定公开', 'Disclosed enforcement decisions')}</Link>
          <a href="/api/public/feeds/enforcement-disclosures.json">
            {tr('执法决定公开（JSON）', 'Enforcement disclosures (JSON)')}
          </a>
          <Link to="/public/filing-catalog">{tr('规范性文件备案目录', 'Catalog of filed documents')}</Link>
          <a href="/api/public/feeds/filings.atom">{tr('备案目录（Atom）', 'Filed documents (Atom)')}</a>
          <a href="/api/public/feeds/expiring.atom">{tr('即将到期（Atom）', 'Expiring soon (Atom)')}</a>
          <Link to="/public/comments">
            {tr('意见答复查询（凭回执编号）', 'Look up a comment by its receipt number')}
          </Link>
        </Space>
      </Card>
      <Card title={tr('台账核验', 'Checking the ledger')} size="small">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {tr(
            '程序台账定期签发检查点，签名公钥与检查点在此公开，任何人可据此核验台账和归档清单未被改动。',
            'The procedure ledger is checkpointed and signed at intervals; with the public key and the checkpoints ' +
              'published here anyone can check that the ledger and the archive manifests were not changed.',
          )}
        </Typography.Paragraph>
        <Space wrap>
          <a href="/api/public/ledger/key">{tr('签名公钥（PEM）', 'Signing public key (PEM)')}</a>
          <a href="/api/public/feeds/ledger-checkpoints.json">
            {tr('台账检查点（JSON）', 'Ledger checkpoints (JSON)')}
          </a>
        </Space>
      </Card>
    </Space>
  );
}

/** Major decisions for everyone: the latest published decision catalog with each matter's stage, and the decisions published. */
function PublicDecisions() {
  const { lang } = useLang();
  const tr = useTr();
  const [decisions, setDecisions] = useState<PublishedDecision[]>([]);
  const [catalog, setCatalog] = useState<PublicCatalog | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    (async () => {
      setDecisions(await get<PublishedDecision[]>('/api/public/decisions'));
      const [latest] = await get<number[]>('/api/public/decisions/catalog-years');
      if (latest !== undefined) setCatalog(await get<PublicCatalog>(`/api/public/catalog/${latest}`));
    })().catch((err: unknown) => setError(explain(err, lang)));
  }, [lang]);
  return (
    <Card title={tr('重大行政决策', 'Major administrative decisions')} size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        {error && <Alert type="error" message={error} role="alert" />}
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {catalog
            ? tr(
                `${catalog.year} 年度决策事项目录（第 ${catalog.version} 版）`,
                `${catalog.year} decision catalog (version ${catalog.version})`,
              )
            : tr('决策事项目录', 'Decision catalog')}
        </Typography.Title>
        <Table
          rowKey="itemKey"
          size="small"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={catalog?.items ?? []}
          locale={{ emptyText: tr('尚未公布决策事项目录', 'No decision catalog has been published') }}
          columns={[
            { title: tr('事项', 'Matter'), dataIndex: 'title' },
            {
              title: tr('当前阶段', 'Stage'),
              key: 'stage',
              render: (_, i) => (
                <span title={i.stageBasis ?? undefined}>
                  {i.stage === 'NOT_STARTED' ? tr('尚未启动', 'Not started') : stageName(i.stage, lang)}
                </span>
              ),
            },
          ]}
        />
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {tr('已公布的决策', 'Published decisions')}
        </Typography.Title>
        <List
          size="small"
          dataSource={decisions}
          locale={{ emptyText: tr('暂无已公布的决策', 'No decision published yet') }}
          renderItem={(d) => (
            <List.Item>
              <List.Item.Meta
                title={d.title}
                description={`${d.departmentName} · ${formatTime(d.publishedAt)} · ${d.statement}`}
              />
            </List.Item>
          )}
        />
      </Space>
    </Card>
  );
}

export function PublicDocumentPage() {
  const { id } = useParams<{ id: string }>();
  const { lang } = useLang();
  const tr = useTr();
  const [entry, setEntry] = useState<RegisterEntry | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<RegisterEntry>(`/api/public/register/${id}`)
      .then(async (e) => {
        setEntry(e);
        if (e.textUrl) setText(await apiText(e.textUrl));
      })
      .catch((err: unknown) => setError(explain(err, lang)));
  }, [id, lang]);
  if (error) return <Alert type="error" message={error} role="alert" />;
  if (!entry) return <Typography.Text>{tr('加载中…', 'Loading…')}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {entry.title}
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={tr('文号', 'Number')}>{entry.number}</Descriptions.Item>
        <Descriptions.Item label={tr('制定机关', 'Issuer')}>{entry.issuer.name}</Descriptions.Item>
        <Descriptions.Item label={tr('状态', 'Status')}>{statusName(entry.status, lang)}</Descriptions.Item>
        <Descriptions.Item label={tr('可作为行政管理依据', 'Usable as a basis for administration')}>
          {entry.usableAsBasis ? tr('是', 'Yes') : tr('否', 'No')}
        </Descriptions.Item>
        <Descriptions.Item label={tr('发布', 'Published')}>
          {entry.publication ? `${formatTime(entry.publication.publishedAt)}` : tr('未发布', 'Not published')}
        </Descriptions.Item>
        <Descriptions.Item label={tr('有效期至', 'Valid until')}>{entry.validUntil}</Descriptions.Item>
      </Descriptions>
      {text !== null && (
        <pre className="lg-pre" data-testid="published-text" tabIndex={0} aria-label={tr('文件全文', 'Full text')}>
          {text}
        </pre>
      )}
      <Space wrap>
        {entry.publication && (
          <Link to={`/public/documents/${entry.id}/print`}>{tr('公文版式（打印）', 'Print layout (GB/T 9704)')}</Link>
        )}
        {entry.textUrl && (
          <a href={`/api/public/register/${entry.id}/text`} download>
            {tr('下载原文件', 'Download the published file')}
          </a>
        )}
        <Link to="/public">{tr('返回登记簿', 'Back to the register')}</Link>
      </Space>
    </Space>
  );
}

export function PublicWindowPage() {
  const { id } = useParams<{ id: string }>();
  const { t, lang } = useLang();
  const tr = useTr();
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
      .catch((err: unknown) => setError(explain(err, lang)));
  }, [id, lang]);

  const submit = async (v: { content: string; name?: string; contact?: string }) => {
    setError(null);
    try {
      const r = await post<Answer<'/api/public/comment-windows/{id}/comments', 'post'>>(
        `/api/public/comment-windows/${id}/comments`,
        {
          content: v.content,
          name: v.name || undefined,
          contact: v.contact || undefined,
        },
      );
      setReceipt(r.receiptNo);
    } catch (err) {
      setError(explain(err, lang));
    }
  };

  if (!w) {
    return error ? (
      <Alert type="error" message={error} role="alert" />
    ) : (
      <Typography.Text>{tr('加载中…', 'Loading…')}</Typography.Text>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {w.title}
        {tr('（征求意见稿）', ' (draft for comment)')}
      </Typography.Title>
      <Typography.Text>
        {tr(
          `征求意见期：${formatTime(w.opensAt)} 至 ${formatTime(w.closesAt)} · `,
          `Comment period: ${formatTime(w.opensAt)} to ${formatTime(w.closesAt)} · `,
        )}
        {w.status === 'OPEN' ? tr('正在征求意见', 'open for comment') : tr('未在征求意见期内', 'not open for comment')}
      </Typography.Text>
      {w.shortenedReason && (
        <Alert
          type="info"
          message={tr(
            `征求意见期缩短的理由：${w.shortenedReason}`,
            `Why the comment period is shorter: ${w.shortenedReason}`,
          )}
        />
      )}
      {draft !== null && (
        <pre className="lg-pre" tabIndex={0} aria-label={tr('征求意见稿全文', 'Full text of the draft')}>
          {draft}
        </pre>
      )}
      <a href={`/api/public/comment-windows/${id}/draft`} download>
        {tr('下载征求意见稿', 'Download the draft')}
      </a>
      <Card title={tr('提出意见', 'Your comment')} size="small">
        {receipt ? (
          <Alert
            type="success"
            showIcon
            role="status"
            data-testid="receipt"
            message={tr(`意见已提交。回执编号：${receipt}`, `Comment submitted. Receipt number: ${receipt}`)}
            description={
              <>
                {tr(
                  '请保存回执编号，可凭此查询起草单位的答复。',
                  "Keep the receipt number: with it you can look up the drafting department's answer.",
                )}{' '}
                <Link className="lg-inline-link" to={`/public/comments?receipt=${encodeURIComponent(receipt)}`}>
                  {tr('查询答复', 'Look up the answer')}
                </Link>
              </>
            }
          />
        ) : (
          <Form
            layout="vertical"
            onFinish={(v: { content: string; name?: string; contact?: string }) => void submit(v)}
          >
            {error && <Alert type="error" message={error} role="alert" style={{ marginBottom: 12 }} />}
            <Form.Item
              label={tr('意见内容', 'Comment')}
              name="content"
              rules={[{ required: true, whitespace: true, message: tr('请填写意见内容', 'Write your comment') }]}
            >
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
            <Form.Item label={tr('姓名（可选，不公开）', 'Name (optional, not published)')} name="name">
              <Input />
            </Form.Item>
            <Form.Item label={tr('联系方式（可选，不公开）', 'Contact (optional, not published)')} name="contact">
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={w.status !== 'OPEN'}>
              {t.submitComment}
            </Button>
          </Form>
        )}
      </Card>
      <Link to="/public">{tr('返回登记簿', 'Back to the register')}</Link>
    </Space>
  );
}
