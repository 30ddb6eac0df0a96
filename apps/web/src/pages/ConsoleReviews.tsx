import { Alert, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { get } from '../api';
import { useLastLoad } from '../last-load';
import type { Rate, ReviewStatistics, TypeReviewStatistics } from '../api/types';
import { useLang, useTr } from '../i18n';
import { explain, procedureTypeName } from '../labels';
import { Select } from '../select';

const percent = (rate: Rate): string => (rate.rate === null ? '—' : `${Math.round(rate.rate * 1000) / 10}%`);
const withCounts = (rate: Rate): string => `${percent(rate)} (${rate.count}/${rate.total})`;

/**
 * The review statistics of the procedures whose definitions name their review outcomes (the major enforcement decision
 * review, the government contract review): volume, pass rate, return (rework) rate and overdue work, for the type,
 * per department and per month of the period chosen.
 */
export function ReviewStatisticsPanel() {
  const { lang } = useLang();
  const tr = useTr();
  const [months, setMonths] = useState(12);
  const [stats, setStats] = useState<ReviewStatistics | null>(null);
  const [error, setError] = useState<string | null>(null);

  const begin = useLastLoad();
  const load = useCallback(async () => {
    const current = begin();
    try {
      const answer = await get<ReviewStatistics>('/api/admin/review-statistics', { months });
      if (!current()) return;
      setStats(answer);
      setError(null);
    } catch (err) {
      if (current()) setError(explain(err, lang));
    }
  }, [months, lang, begin]);
  useEffect(() => {
    void load();
  }, [load]);

  const figureColumns = [
    { title: tr('送审量', 'Volume'), key: 'volume', render: (_: unknown, r: { volume: number }) => r.volume },
    {
      title: tr('通过率', 'Pass rate'),
      key: 'passed',
      render: (_: unknown, r: { passed: Rate }) => withCounts(r.passed),
    },
    {
      title: tr('退回率', 'Return rate'),
      key: 'returned',
      render: (_: unknown, r: { returned: Rate }) => withCounts(r.returned),
    },
  ];

  const typeCard = (t: TypeReviewStatistics) => (
    <Card
      key={t.type}
      size="small"
      type="inner"
      title={procedureTypeName(t.type, lang)}
      data-testid={`review-statistics-${t.type}`}
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={tr('送审量', 'Volume')} value={t.volume} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={tr('通过率', 'Pass rate')} value={withCounts(t.passed)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={tr('退回率', 'Return rate')} value={withCounts(t.returned)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={tr('现逾期任务', 'Tasks overdue now')} value={t.overdue} />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={14}>
          <Table
            size="small"
            rowKey="departmentId"
            pagination={false}
            aria-label={tr('按部门', 'By department')}
            title={() => tr('按部门', 'By department')}
            dataSource={t.byDepartment}
            columns={[
              { title: tr('部门', 'Department'), dataIndex: 'departmentName', key: 'department' },
              ...figureColumns,
              { title: tr('逾期', 'Overdue'), dataIndex: 'overdue', key: 'overdue' },
            ]}
          />
        </Col>
        <Col xs={24} md={10}>
          <Table
            size="small"
            rowKey="month"
            pagination={false}
            aria-label={tr('按月', 'By month')}
            title={() => tr('按月', 'By month')}
            dataSource={t.byMonth}
            columns={[{ title: tr('月份', 'Month'), dataIndex: 'month', key: 'month' }, ...figureColumns]}
          />
        </Col>
      </Row>
    </Card>
  );

  return (
    <Card
      size="small"
      data-testid="review-statistics"
      title={
        stats
          ? tr(
              `审查类程序统计（${stats.fromMonth} 至 ${stats.toMonth}）`,
              `Review procedures (${stats.fromMonth} to ${stats.toMonth})`,
            )
          : tr('审查类程序统计', 'Review procedures')
      }
      extra={
        <Select
          aria-label={tr('统计期间', 'Period')}
          value={months}
          onChange={setMonths}
          style={{ minWidth: 140 }}
          options={[3, 6, 12, 24].map((m) => ({ value: m, label: tr(`近${m}个月`, `Last ${m} months`) }))}
        />
      }
    >
      {error && <Alert type="error" message={error} showIcon role="alert" />}
      <Typography.Paragraph type="secondary">
        {tr(
          '各审查类程序分别统计；送审量为期间内提交审查的件数；通过率、退回率为期间内作出的审查结论中通过（同意）和退回修改（存在问题）的比例；逾期为目前已超过期限的待办任务数。',
          'Each review procedure is counted on its own; volume counts the matters submitted for review in the period; the pass and return rates are the shares of the review conclusions given in the period that passed or returned the case for rework; overdue counts open tasks past their due time now.',
        )}
      </Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        {stats?.types.map(typeCard)}
      </Space>
    </Card>
  );
}
