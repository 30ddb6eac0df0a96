import { Alert, Card, Collapse, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { get } from '../../api';
import type { FilingCatalog, FilingCatalogEdition } from '../../api/types';
import { useLang, useTr } from '../../i18n';
import { explain, formatTime } from '../../labels';

/**
 * The public catalog of filed normative documents (no login): the editions published on the policy's cadence (one
 * per period, each listing the documents whose review passed within it), and every document filed so far, newest
 * first, with its issuer, number, publication date and when it entered the catalog.
 */
export function FilingCatalogPage() {
  const { lang } = useLang();
  const tr = useTr();
  const [catalog, setCatalog] = useState<FilingCatalog | null>(null);
  const [editions, setEditions] = useState<FilingCatalogEdition[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<FilingCatalog>('/api/public/filing-catalog')
      .then(setCatalog)
      .catch((err: unknown) => setError(explain(err, lang)));
    get<FilingCatalogEdition[]>('/api/public/filing-catalog/editions?limit=20')
      .then(setEditions)
      .catch((err: unknown) => setError(explain(err, lang)));
  }, [lang]);
  const columns = [
    { title: tr('文件名称', 'Title'), dataIndex: 'title', key: 'title' },
    { title: tr('文号', 'Number'), dataIndex: 'documentNumber', key: 'number' },
    { title: tr('制定机关', 'Issuer'), dataIndex: 'issuer', key: 'issuer' },
    { title: tr('发布日期', 'Published'), dataIndex: 'publishedOn', key: 'published' },
    {
      title: tr('列入目录', 'Filed'),
      key: 'filed',
      render: (_: unknown, r: { filedAt: string }) => formatTime(r.filedAt),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {tr('规范性文件备案目录', 'Catalog of filed normative documents')}
      </Typography.Title>
      {catalog && (
        <Typography.Paragraph type="secondary">
          {tr(
            `备案审查机关：${catalog.receivingOrgan}；目录${catalog.cadence === 'MONTHLY' ? '每月' : '每季度'}公布。`,
            `Filed with ${catalog.receivingOrgan}; published ${catalog.cadence === 'MONTHLY' ? 'monthly' : 'quarterly'}.`,
          )}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" message={error} role="alert" />}
      <Card
        size="small"
        title={tr('定期公布的目录', 'Published editions')}
        extra={<a href="/api/public/feeds/filing-catalog.atom">{tr('订阅目录（Atom）', 'Editions feed (Atom)')}</a>}
      >
        {editions.length === 0 ? (
          <Typography.Text type="secondary">{tr('尚未公布目录', 'No edition published yet')}</Typography.Text>
        ) : (
          <Collapse
            data-testid="filing-catalog-editions"
            items={editions.map((e) => ({
              key: e.periodKey,
              label: (
                <span id={e.periodKey}>
                  {tr(`备案目录（${e.label}）`, `Edition ${e.periodKey}`)} · {e.entries.length}{' '}
                  {tr('件', e.entries.length === 1 ? 'document' : 'documents')} · {tr('公布于', 'published')}{' '}
                  {formatTime(e.publishedAt)}
                </span>
              ),
              children: (
                <Table
                  size="small"
                  rowKey="caseId"
                  dataSource={e.entries}
                  pagination={false}
                  locale={{ emptyText: tr('本期无新备案文件', 'No document filed in this period') }}
                  columns={columns}
                />
              ),
            }))}
          />
        )}
      </Card>
      <Card
        size="small"
        title={tr('全部备案文件', 'All filed documents')}
        extra={<a href="/api/public/feeds/filings.atom">{tr('订阅（Atom）', 'Feed (Atom)')}</a>}
      >
        <Table
          size="small"
          rowKey="caseId"
          data-testid="filing-catalog"
          dataSource={catalog?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: tr('暂无备案的规范性文件', 'No document filed yet') }}
          columns={columns}
        />
      </Card>
    </Space>
  );
}
