import { Alert, App, Button, Card, Col, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import * as echarts from 'echarts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { get } from '../api';
import { hasRole, useAuth } from '../auth';
import { useLang } from '../i18n';
import { countdown, explain, formatTime, stageName, statusName } from '../labels';
import type { AdviserCandidate, Procedure, ProcedureDetail, RegisterEntry, Task } from '../types';
import { Countdown } from './Inbox';
import { ReassignButton } from './Procedure';

interface OverdueRow extends Task {
  procedureTitle: string;
}

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

export function ConsolePage() {
  const { t, lang } = useLang();
  const { user } = useAuth();
  const { message } = App.useApp();
  const office = hasRole(user, 'LEGAL_AFFAIRS_OFFICER', 'SYSTEM_ADMIN');
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const [overdue, setOverdue] = useState<OverdueRow[]>([]);
  const [stage, setStage] = useState<string | undefined>();
  const [department, setDepartment] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [expiring, setExpiring] = useState<{ title: string; date_modified?: string; _lawgate?: unknown }[]>([]);
  const [register, setRegister] = useState<RegisterEntry[]>([]);
  const [years, setYears] = useState<{ year: number; source: string; version: number }[]>([]);
  const [routing, setRouting] = useState<{ rules: Record<string, boolean>; advisers: AdviserCandidate[] } | null>(null);
  const [verify, setVerify] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const list = await get<Procedure[]>('/api/procedures', { limit: 200 });
      setProcedures(list);
      // Overdue work: the open tasks of running procedures whose due time has passed.
      const active = list.filter((p) => p.status === 'ACTIVE').slice(0, 40);
      const details = await Promise.all(active.map((p) => get<ProcedureDetail>(`/api/procedures/${p.id}`)));
      setOverdue(
        details.flatMap((d) =>
          d.tasks
            .filter((task) => task.status === 'OPEN' && countdown(task.dueAt).overdue && task.dueAt)
            .map((task) => ({ ...task, procedureTitle: d.title })),
        ),
      );
      const feed = await get<{ items: { title: string }[] }>('/api/public/feeds/expiring.json', { days: 365 });
      setExpiring(feed.items);
      setYears(await get('/api/calendar/years'));
      if (office) {
        setRegister((await get<{ items: RegisterEntry[] }>('/api/admin/register', { limit: 50 })).items);
        setRouting(await get('/api/admin/routing'));
      }
    } catch (err) {
      setError(explain(err));
    }
  }, [office]);

  useEffect(() => {
    void load();
  }, [load]);

  const byStage = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of procedures) counts.set(p.stage, (counts.get(p.stage) ?? 0) + 1);
    return [...counts.entries()];
  }, [procedures]);

  const stageOption = useMemo<echarts.EChartsOption>(
    () => ({
      aria: { enabled: true },
      grid: { left: 40, right: 10, top: 20, bottom: 70 },
      xAxis: { type: 'category', data: byStage.map(([s]) => stageName(s, lang)), axisLabel: { rotate: 40 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: byStage.map(([, n]) => n), itemStyle: { color: '#b7282e' } }],
    }),
    [byStage, lang],
  );
  const expiringOption = useMemo<echarts.EChartsOption>(
    () => ({
      aria: { enabled: true },
      grid: { left: 40, right: 10, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: ['30天内', '90天内', '365天内'] },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          itemStyle: { color: '#d48806' },
          data: [30, 90, 365].map(
            (days) =>
              expiring.filter((e) => {
                const until = (e as { _lawgate?: { validUntil?: string } })._lawgate?.validUntil;
                return !until || Date.parse(until) - Date.now() <= days * 86_400_000;
              }).length,
          ),
        },
      ],
    }),
    [expiring],
  );

  const departments = [...new Set(procedures.map((p) => p.departmentName))];
  const shown = procedures.filter(
    (p) =>
      (!stage || p.stage === stage) &&
      (!department || p.departmentName === department) &&
      (!status || p.status === status),
  );

  const verifyLedger = async () => {
    try {
      const r = await get<{ ok: boolean; checked: number; firstBroken?: { seq: string; reason: string } }>(
        '/api/admin/ledger/verify',
      );
      setVerify(
        r.ok
          ? `签署链完整：已校验 ${r.checked} 条记录。`
          : `签署链在第 ${r.firstBroken?.seq} 条断开：${r.firstBroken?.reason}`,
      );
    } catch (err) {
      void message.error(explain(err));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t.console}
      </Typography.Title>
      {error && <Alert type="error" message={error} showIcon role="alert" />}
      <Card title={`逾期工作（${overdue.length}）`} size="small">
        <Table<OverdueRow>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 640 }}
          dataSource={overdue}
          locale={{ emptyText: '没有逾期任务' }}
          rowClassName={() => 'lg-row-overdue'}
          columns={[
            {
              title: '程序',
              key: 'p',
              render: (_, r) => <Link to={`/procedures/${r.procedureId}`}>{r.procedureTitle}</Link>,
            },
            { title: '任务', dataIndex: 'title' },
            { title: '阶段', dataIndex: 'stage', render: (s: string) => stageName(s, lang) },
            { title: '期限', key: 'due', render: (_, r) => <Countdown dueAt={r.dueAt} /> },
            { title: '操作', key: 'a', render: (_, r) => (office ? <ReassignButton task={r} onDone={load} /> : null) },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title="各阶段程序数" size="small">
            <Chart option={stageOption} label="各阶段程序数柱状图" />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title="即将到期的文件" size="small" extra={<a href="/api/public/feeds/expiring.json">JSON</a>}>
            <Chart option={expiringOption} label="即将到期文件数柱状图" />
          </Card>
        </Col>
      </Row>
      <Tabs
        items={[
          {
            key: 'procedures',
            label: `全部程序（${procedures.length}）`,
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Select
                    aria-label="按阶段"
                    placeholder="按阶段"
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
                    aria-label="按单位"
                    placeholder="按单位"
                    allowClear
                    style={{ minWidth: 150 }}
                    value={department}
                    onChange={setDepartment}
                    options={departments.map((d) => ({ value: d, label: d }))}
                  />
                  <Select
                    aria-label="按状态"
                    placeholder="按状态"
                    allowClear
                    style={{ minWidth: 120 }}
                    value={status}
                    onChange={setStatus}
                    options={[...new Set(procedures.map((p) => p.status))].map((s) => ({
                      value: s,
                      label: statusName(s),
                    }))}
                  />
                </Space>
                <Table<Procedure>
                  rowKey="id"
                  size="small"
                  scroll={{ x: 720 }}
                  dataSource={shown}
                  columns={[
                    { title: '标题', key: 't', render: (_, p) => <Link to={`/procedures/${p.id}`}>{p.title}</Link> },
                    { title: '起草单位', dataIndex: 'departmentName' },
                    { title: '阶段', dataIndex: 'stage', render: (s: string) => <Tag>{stageName(s, lang)}</Tag> },
                    { title: '状态', dataIndex: 'status', render: (s: string) => statusName(s) },
                    { title: '更新', dataIndex: 'updatedAt', render: (v: string) => formatTime(v) },
                  ]}
                />
              </Space>
            ),
          },
          ...(office
            ? [
                {
                  key: 'register',
                  label: '登记簿',
                  children: (
                    <Table<RegisterEntry>
                      rowKey="id"
                      size="small"
                      scroll={{ x: 720 }}
                      dataSource={register}
                      columns={[
                        { title: '文号', dataIndex: 'number' },
                        { title: '标题', dataIndex: 'title' },
                        { title: '状态', dataIndex: 'status', render: (s: string) => statusName(s) },
                        { title: '有效期至', dataIndex: 'validUntil' },
                      ]}
                    />
                  ),
                },
                {
                  key: 'ledger',
                  label: t.ledger,
                  children: (
                    <Space direction="vertical">
                      <Button onClick={() => void verifyLedger()}>{t.verifyLedger}</Button>
                      {verify && (
                        <Alert
                          type={verify.startsWith('签署链完整') ? 'success' : 'error'}
                          message={verify}
                          role="status"
                        />
                      )}
                    </Space>
                  ),
                },
                {
                  key: 'routing',
                  label: t.routing,
                  children: (
                    <Space direction="vertical" style={{ width: '100%' }}>
                      <Typography.Text>
                        仅分派给对口法律顾问：{routing?.rules.assignedAdvisersOnly ? '是' : '否'}；要求专业匹配：
                        {routing?.rules.requireExpertiseMatch ? '是' : '否'}
                      </Typography.Text>
                      <Table<AdviserCandidate>
                        rowKey="userId"
                        size="small"
                        pagination={false}
                        scroll={{ x: 560 }}
                        dataSource={routing?.advisers ?? []}
                        columns={[
                          { title: '法律顾问', dataIndex: 'displayName' },
                          { title: '专业', dataIndex: 'expertise', render: (e: string[]) => e.join('、') },
                          { title: '在办/上限', key: 'l', render: (_, a) => `${a.openTasks}/${a.maxOpenTasks}` },
                          { title: '可分派', dataIndex: 'active', render: (a: boolean) => (a ? '是' : '否') },
                        ]}
                      />
                    </Space>
                  ),
                },
              ]
            : []),
          {
            key: 'calendar',
            label: t.calendar,
            children: (
              <Table
                rowKey="year"
                size="small"
                pagination={false}
                dataSource={years}
                columns={[
                  { title: '年份', dataIndex: 'year' },
                  { title: '来源', dataIndex: 'source' },
                  { title: '版本', dataIndex: 'version' },
                ]}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
