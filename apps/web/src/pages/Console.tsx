import { Alert, Card, Col, Input, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { Select } from '../select';
import * as echarts from 'echarts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { get } from '../api';
import { hasRole, useAuth } from '../auth';
import type { MonthlyRate, OverdueTask, Statistics } from '../api/types';
import { useLang, useTr } from '../i18n';
import { explain, formatTime, procedureTypeName, stageName, statusName } from '../labels';
import { PROCEDURE_TYPES } from '@lawgate/domain';
import { WEB_PROCEDURES } from '../procedures/registry';
import type { Procedure, RegisterEntry } from '../api/types';
import { CalendarPanel } from './ConsoleCalendar';
import { PreReviewRulesPanel } from './PreReviewRules';
import { AnnualFilingReportPanel } from '../procedures/filing-review/AnnualFilingReport';
import { RoutingPanel } from './ConsoleRouting';
import { IntegrityAlertsPanel } from './IntegrityAlerts';
import { VerifyLedgerButton } from './VerifyLedger';
import { ExcelExport } from '../ExcelExport';
import { IssuerSeriesPanel } from './OfficeActions';
import { CatalogPanel } from './ConsoleCatalog';
import { CleanupPanel } from './ConsoleCleanup';
import { ReviewStatisticsPanel } from './ConsoleReviews';
import { Countdown } from './Inbox';
import { ReassignButton } from '../procedures/shared/TasksTable';

function Chart({ option, label }: { option: echarts.EChartsOption; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 260 }} />;
}

const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
const rateNote = (count: number, total: number) => (
  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
    {count}/{total}
  </Typography.Text>
);

export function ConsolePage() {
  const { t, lang } = useLang();
  const tr = useTr();
  const { user } = useAuth();
  const office = hasRole(user, 'LEGAL_AFFAIRS_OFFICER', 'SYSTEM_ADMIN');
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const [overdue, setOverdue] = useState<{ items: OverdueTask[]; total: number } | null>(null);
  const [stats, setStats] = useState<Statistics | null>(null);
  const [overdueFilter, setOverdueFilter] = useState('');
  const [stage, setStage] = useState<string | undefined>();
  const [department, setDepartment] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [register, setRegister] = useState<RegisterEntry[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setProcedures(await get<Procedure[]>('/api/procedures', { limit: 200 }));
      if (office) {
        // Overdue work in every procedure, most overdue first, counted by the server.
        setOverdue(await get<{ items: OverdueTask[]; total: number }>('/api/admin/overdue-tasks', { limit: 200 }));
        setStats(await get<Statistics>('/api/admin/statistics', { months: 12 }));
        setRegister((await get<{ items: RegisterEntry[] }>('/api/admin/register', { limit: 50 })).items);
      }
    } catch (err) {
      setError(explain(err));
    }
  }, [office]);

  useEffect(() => {
    void load();
  }, [load]);

  // Every procedure counted by the server, one stacked bar per stage (the two procedures share some stage names).
  const stageOption = useMemo<echarts.EChartsOption>(() => {
    const rows = stats?.proceduresByStage ?? [];
    const stages = [...new Set(rows.map((r) => r.stage))];
    const series = (type: string, name: string, color: string) => ({
      name,
      type: 'bar' as const,
      stack: 'stage',
      itemStyle: { color },
      data: stages.map((s) => rows.find((r) => r.type === type && r.stage === s)?.count ?? 0),
    });
    return {
      aria: { enabled: true },
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 70 },
      xAxis: { type: 'category', data: stages.map((s) => stageName(s, lang)), axisLabel: { rotate: 40 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: PROCEDURE_TYPES.map((type) => series(type, procedureTypeName(type, lang), WEB_PROCEDURES[type].color)),
    };
  }, [stats, lang]);
  const expiringOption = useMemo<echarts.EChartsOption>(
    () => ({
      aria: { enabled: true },
      grid: { left: 40, right: 10, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: [tr('30天内', '30 days'), tr('90天内', '90 days'), tr('365天内', '365 days')] },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          itemStyle: { color: '#d48806' },
          data: stats
            ? [stats.nearingExpiry.within30, stats.nearingExpiry.within90, stats.nearingExpiry.within365]
            : [],
        },
      ],
    }),
    [stats, lang],
  );
  const rateOption = useMemo<echarts.EChartsOption>(() => {
    const months = [
      ...new Set(
        [stats?.onTimeByMonth, stats?.legalityReturnByMonth, stats?.commentAdoptionByMonth].flatMap((rows) =>
          (rows ?? []).map((r) => r.month),
        ),
      ),
    ].sort();
    const line = (name: string, rows: MonthlyRate[] | undefined, color: string) => ({
      name,
      type: 'line' as const,
      connectNulls: true,
      itemStyle: { color },
      data: months.map((m) => {
        const r = rows?.find((x) => x.month === m);
        return r && r.rate !== null ? Math.round(r.rate * 1000) / 10 : null;
      }),
    });
    return {
      aria: { enabled: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
      grid: { left: 40, right: 10, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        line(tr('按时办结率', 'On time'), stats?.onTimeByMonth, '#389e0d'),
        line(tr('合法性审核退回率', 'Legality review returned'), stats?.legalityReturnByMonth, '#b7282e'),
        line(tr('意见采纳率', 'Comments adopted'), stats?.commentAdoptionByMonth, '#1677ff'),
      ],
    };
  }, [stats, lang]);

  const departments = [...new Set(procedures.map((p) => p.departmentName))];
  const shown = procedures.filter(
    (p) =>
      (!stage || p.stage === stage) &&
      (!department || p.departmentName === department) &&
      (!status || p.status === status),
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t.console}
      </Typography.Title>
      {error && <Alert type="error" message={error} showIcon role="alert" />}
      {office && (
        <Card
          title={
            overdue && overdue.total > overdue.items.length
              ? tr(
                  `逾期工作（共 ${overdue.total} 项，显示逾期最久的 ${overdue.items.length} 项）`,
                  `Overdue work (${overdue.total}; the ${overdue.items.length} most overdue shown)`,
                )
              : tr(`逾期工作（${overdue?.total ?? 0}）`, `Overdue work (${overdue?.total ?? 0})`)
          }
          size="small"
          extra={
            <Space>
              <ExcelExport path="/api/admin/exports/overdue-tasks.xlsx" />
              <Input.Search
                allowClear
                size="small"
                aria-label={tr('筛选逾期工作', 'Filter overdue work')}
                placeholder={tr('标题、单位或承办人', 'Title, department or holder')}
                onChange={(e) => setOverdueFilter(e.target.value.trim())}
                style={{ width: 220 }}
              />
            </Space>
          }
        >
          <Table<OverdueTask>
            rowKey="id"
            size="small"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 760 }}
            dataSource={(overdue?.items ?? []).filter(
              (r) =>
                !overdueFilter ||
                r.procedureTitle.includes(overdueFilter) ||
                r.departmentName.includes(overdueFilter) ||
                (r.assigneeName ?? r.assigneeUnitName).includes(overdueFilter),
            )}
            loading={!overdue && !error}
            locale={{ emptyText: tr('没有逾期任务', 'No overdue tasks') }}
            rowClassName={() => 'lg-row-overdue'}
            columns={[
              {
                title: tr('程序', 'Procedure'),
                key: 'p',
                render: (_, r) => <Link to={`/procedures/${r.procedureId}`}>{r.procedureTitle}</Link>,
              },
              { title: tr('起草单位', 'Department'), dataIndex: 'departmentName' },
              { title: tr('任务', 'Task'), dataIndex: 'title' },
              { title: t.stage, dataIndex: 'stage', render: (v: string) => stageName(v, lang) },
              {
                title: tr('承办', 'Held by'),
                key: 'holder',
                render: (_, r) => r.assigneeName ?? r.assigneeUnitName,
              },
              { title: tr('期限', 'Due'), key: 'due', render: (_, r) => <Countdown dueAt={r.dueAt} /> },
              {
                title: tr('操作', 'Action'),
                key: 'a',
                render: (_, r) => <ReassignButton task={r} onDone={load} />,
              },
            ]}
          />
        </Card>
      )}
      {office && stats && (
        <Card
          title={tr(
            `统计（${stats.fromMonth} 至 ${stats.toMonth}）`,
            `Statistics (${stats.fromMonth} to ${stats.toMonth})`,
          )}
          size="small"
        >
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic
                title={tr('按时办结率', 'Tasks closed on time')}
                value={percent(stats.onTime.rate)}
                suffix={rateNote(stats.onTime.count, stats.onTime.total)}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={tr('合法性审核退回率', 'Legality reviews returned')}
                value={percent(stats.legalityReturn.rate)}
                suffix={rateNote(stats.legalityReturn.count, stats.legalityReturn.total)}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={tr('公众意见采纳率', 'Public comments adopted')}
                value={percent(stats.commentAdoption.rate)}
                suffix={rateNote(stats.commentAdoption.count, stats.commentAdoption.total)}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={tr('现逾期任务', 'Tasks overdue now')} value={stats.openOverdue} />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <Chart
                option={rateOption}
                label={tr(
                  '按月的按时办结率、合法性审核退回率和公众意见采纳率折线图',
                  'Monthly on-time, legality-return and comment-adoption rates',
                )}
              />
            </Col>
            <Col xs={24} md={6}>
              <Typography.Text strong>{tr('各阶段程序数', 'Procedures by stage')}</Typography.Text>
              <Chart option={stageOption} label={tr('各阶段程序数柱状图', 'Procedures by stage')} />
            </Col>
            <Col xs={24} md={6}>
              <Typography.Text strong>
                {tr('即将到期的文件', 'Documents nearing expiry')} <a href="/api/public/feeds/expiring.json">JSON</a>
              </Typography.Text>
              <Chart
                option={expiringOption}
                label={tr(
                  `即将到期的文件：30天内 ${stats.nearingExpiry.within30} 件，90天内 ${stats.nearingExpiry.within90} 件，365天内 ${stats.nearingExpiry.within365} 件`,
                  `Documents nearing expiry: ${stats.nearingExpiry.within30} within 30 days, ${stats.nearingExpiry.within90} within 90, ${stats.nearingExpiry.within365} within 365`,
                )}
              />
            </Col>
          </Row>
        </Card>
      )}
      {office && <ReviewStatisticsPanel />}
      <Tabs
        items={[
          {
            key: 'procedures',
            label: tr(`全部程序（${procedures.length}）`, `All procedures (${procedures.length})`),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Select
                    aria-label={tr('按阶段', 'By stage')}
                    placeholder={tr('按阶段', 'By stage')}
                    allowClear
                    style={{ minWidth: 150 }}
                    value={stage}
                    onChange={setStage}
                    options={[...new Set(procedures.map((p) => p.stage))].map((s) => ({
                      value: s,
                      label: stageName(s, lang),
                    }))}
                  />
                  <Select
                    aria-label={tr('按单位', 'By department')}
                    placeholder={tr('按单位', 'By department')}
                    allowClear
                    style={{ minWidth: 150 }}
                    value={department}
                    onChange={setDepartment}
                    options={departments.map((d) => ({ value: d, label: d }))}
                  />
                  <Select
                    aria-label={tr('按状态', 'By status')}
                    placeholder={tr('按状态', 'By status')}
                    allowClear
                    style={{ minWidth: 120 }}
                    value={status}
                    onChange={setStatus}
                    options={[...new Set(procedures.map((p) => p.status))].map((s) => ({
                      value: s,
                      label: statusName(s, lang),
                    }))}
                  />
                </Space>
                <Table<Procedure>
                  rowKey="id"
                  size="small"
                  scroll={{ x: 720 }}
                  dataSource={shown}
                  columns={[
                    {
                      title: tr('标题', 'Title'),
                      key: 't',
                      render: (_, p) => <Link to={`/procedures/${p.id}`}>{p.title}</Link>,
                    },
                    { title: tr('起草单位', 'Department'), dataIndex: 'departmentName' },
                    {
                      title: t.stage,
                      dataIndex: 'stage',
                      render: (s: string) => <Tag>{stageName(s, lang)}</Tag>,
                    },
                    { title: tr('状态', 'Status'), dataIndex: 'status', render: (s: string) => statusName(s, lang) },
                    { title: tr('更新', 'Updated'), dataIndex: 'updatedAt', render: (v: string) => formatTime(v) },
                  ]}
                />
              </Space>
            ),
          },
          ...(office
            ? [
                {
                  key: 'register',
                  label: tr('登记簿', 'Register'),
                  children: (
                    <Space direction="vertical" style={{ width: '100%' }}>
                      <ExcelExport path="/api/admin/exports/register.xlsx" />
                      <Table<RegisterEntry>
                        rowKey="id"
                        size="small"
                        scroll={{ x: 720 }}
                        dataSource={register}
                        columns={[
                          { title: tr('文号', 'Number'), dataIndex: 'number' },
                          { title: tr('标题', 'Title'), dataIndex: 'title' },
                          {
                            title: tr('状态', 'Status'),
                            dataIndex: 'status',
                            render: (s: string) => statusName(s, lang),
                          },
                          { title: tr('有效期至', 'Valid until'), dataIndex: 'validUntil' },
                          {
                            title: tr('版式', 'Layout'),
                            key: 'print',
                            render: (_, r) =>
                              r.publishedAt ? (
                                <Link to={`/public/documents/${r.id}/print`}>{tr('打印', 'Print')}</Link>
                              ) : (
                                '—'
                              ),
                          },
                        ]}
                      />
                    </Space>
                  ),
                },
                {
                  key: 'series',
                  label: tr('文号序列', 'Number series'),
                  children: <IssuerSeriesPanel />,
                },
                { key: 'cleanup', label: tr('清理', 'Clean-up campaigns'), children: <CleanupPanel /> },
                {
                  key: 'ledger',
                  label: t.ledger,
                  children: <VerifyLedgerButton />,
                },
                {
                  key: 'integrity',
                  label: tr('完整性告警', 'Integrity alerts'),
                  children: <IntegrityAlertsPanel />,
                },
                { key: 'routing', label: t.routing, children: <RoutingPanel /> },
              ]
            : []),
          ...(office
            ? [
                { key: 'calendar', label: t.calendar, children: <CalendarPanel /> },
                { key: 'pre-review', label: tr('预审规则', 'Pre-review rules'), children: <PreReviewRulesPanel /> },
              ]
            : []),
          ...(hasRole(user, 'LEGAL_AFFAIRS_OFFICER', 'LEADER')
            ? [
                {
                  key: 'filing-report',
                  label: tr('备案年度报告', 'Annual filing report'),
                  children: <AnnualFilingReportPanel />,
                },
              ]
            : []),
          // The office keeps the catalog; a leader records the Party committee's consent to it.
          ...(office || hasRole(user, 'LEADER')
            ? [{ key: 'catalog', label: tr('决策事项目录', 'Decision catalog'), children: <CatalogPanel /> }]
            : []),
        ]}
      />
    </Space>
  );
}
