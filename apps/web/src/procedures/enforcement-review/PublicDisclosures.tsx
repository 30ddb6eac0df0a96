import { Alert, Card, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { get } from '../../api';
import type { PublicDisclosure } from '../../api/types';
import { useLang, useTr } from '../../i18n';
import { explain, formatTime } from '../../labels';

const OUTCOMES: Record<string, [string, string]> = {
  PENALTY: ['行政处罚', 'Penalty'],
  NO_PENALTY: ['不予行政处罚', 'No penalty'],
  FACTS_NOT_ESTABLISHED: ['违法事实不能成立', 'Facts not established'],
  GRANTED: ['准予许可', 'Permit granted'],
  REFUSED: ['不予许可', 'Permit refused'],
  OTHER: ['其他决定', 'Other decision'],
};

/**
 * The public list of disclosed major enforcement decisions (no login): what was decided, by which department, when it
 * was decided and where it was disclosed. A disclosure withdrawn after its decision was revoked is no longer listed.
 */
export function PublicDisclosuresPage() {
  const { lang } = useLang();
  const tr = useTr();
  const [rows, setRows] = useState<PublicDisclosure[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<PublicDisclosure[]>('/api/public/enforcement-disclosures')
      .then(setRows)
      .catch((err: unknown) => setError(explain(err, lang)));
  }, [lang]);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {tr('重大执法决定公开', 'Disclosed major enforcement decisions')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {tr(
          '行政处罚、行政许可决定自作出之日起七个工作日内公开，其他决定二十个工作日内公开；决定被撤销或者变更的，三个工作日内撤回原公开信息。',
          'Penalty and permit decisions are disclosed within 7 working days of the decision, others within 20; a decision revoked or changed has its disclosure withdrawn within 3 working days.',
        )}
      </Typography.Paragraph>
      {error && <Alert type="error" message={error} role="alert" />}
      <Card
        size="small"
        extra={<a href="/api/public/feeds/enforcement-disclosures.json">{tr('订阅（JSON）', 'Feed (JSON)')}</a>}
      >
        <Table
          size="small"
          rowKey="procedureId"
          data-testid="enforcement-disclosures"
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: tr('暂无公开的执法决定', 'No decision disclosed yet') }}
          columns={[
            { title: tr('案件', 'Case'), dataIndex: 'title', key: 'title' },
            { title: tr('执法部门', 'Department'), dataIndex: 'departmentName', key: 'department' },
            {
              title: tr('决定类型', 'Kind'),
              key: 'outcome',
              render: (_, r) => OUTCOMES[r.outcome]?.[lang === 'en' ? 1 : 0] ?? r.outcome,
            },
            { title: tr('决定', 'Decision'), dataIndex: 'decision', key: 'decision' },
            { title: tr('决定日期', 'Decided'), key: 'decided', render: (_, r) => formatTime(r.decidedAt) },
            { title: tr('公开渠道', 'Disclosed at'), dataIndex: 'disclosure', key: 'disclosure' },
            { title: tr('公开时间', 'Disclosed'), key: 'disclosed', render: (_, r) => formatTime(r.disclosedAt) },
          ]}
        />
      </Card>
    </Space>
  );
}
