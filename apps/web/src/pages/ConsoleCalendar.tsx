import { Alert, Button, DatePicker, Form, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { Select } from '../select';
import { useCallback, useEffect, useState } from 'react';
import { get } from '../api';
import { useTr } from '../i18n';
import { explain } from '../labels';
import type { CalendarDay, CalendarYear, Deadline } from '../api/types';
import { CalendarChangesPanel } from './CalendarChanges';

/**
 * The working-day calendar as the office sees it: the loaded years with their source, each year's public holidays and
 * adjusted working days, and a deadline calculator that counts a period as the rules count it.
 */
export function CalendarPanel() {
  const tr = useTr();
  const [years, setYears] = useState<CalendarYear[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const list = await get<CalendarYear[]>('/api/calendar/years');
      setYears([...list].sort((a, b) => b.year - a.year));
      const thisYear = new Date().getFullYear();
      setYear((y) => y ?? list.find((l) => l.year === thisYear)?.year ?? list[list.length - 1]?.year ?? null);
    } catch (err) {
      setError(explain(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (year === null) return;
    get<CalendarDay[]>(`/api/calendar/years/${year}`)
      .then(setDays)
      .catch((err: unknown) => setError(explain(err)));
  }, [year]);

  const calculate = async (v: { from: { format: (f: string) => string }; amount: number; unit: string }) => {
    try {
      const r = await get<Deadline>('/api/calendar/deadline', {
        from: v.from.format('YYYY-MM-DD'),
        amount: v.amount,
        unit: v.unit,
      });
      setError(null);
      setResult(
        tr(
          `期限届满日：${r.lastDay}（当日 24 时止），日历版本 ${r.calendarVersion}`,
          `Last day: ${r.lastDay} (until the end of that day), calendar version ${r.calendarVersion}`,
        ),
      );
    } catch (err) {
      setResult(null);
      setError(explain(err));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {error && <Alert type="error" message={error} showIcon role="alert" closable onClose={() => setError(null)} />}
      <Table<CalendarYear>
        rowKey="year"
        size="small"
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        dataSource={years}
        columns={[
          {
            title: tr('年份', 'Year'),
            dataIndex: 'year',
            render: (y: number) => (
              <Button type="link" onClick={() => setYear(y)} aria-pressed={y === year}>
                {y}
              </Button>
            ),
          },
          { title: tr('来源', 'Source'), dataIndex: 'source' },
          {
            title: tr('国务院办公厅通知', 'State Council notice'),
            dataIndex: 'noticeUrl',
            render: (u: string | null) =>
              u ? (
                <a href={u} target="_blank" rel="noreferrer">
                  {tr('查看', 'Open')}
                </a>
              ) : (
                '—'
              ),
          },
          { title: tr('版本', 'Version'), dataIndex: 'version' },
        ]}
      />
      {year !== null && (
        <>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {tr(`${year} 年节假日与调休上班日`, `${year}: public holidays and adjusted working days`)}
          </Typography.Title>
          <Table<CalendarDay>
            rowKey="date"
            size="small"
            pagination={{ pageSize: 12, hideOnSinglePage: true }}
            dataSource={days}
            columns={[
              { title: tr('日期', 'Date'), dataIndex: 'date' },
              {
                title: tr('类型', 'Kind'),
                dataIndex: 'kind',
                render: (k: string) =>
                  k === 'HOLIDAY' ? (
                    <Tag color="red">{tr('休息', 'Holiday')}</Tag>
                  ) : (
                    <Tag color="blue">{tr('调休上班', 'Working day')}</Tag>
                  ),
              },
              { title: tr('节日', 'Name'), dataIndex: 'name', render: (n: string | null) => n ?? '—' },
            ]}
          />
        </>
      )}
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {tr('期限计算', 'Deadline calculator')}
      </Typography.Title>
      <Form
        name="deadline"
        layout="inline"
        aria-label={tr('期限计算', 'Deadline calculator')}
        initialValues={{ amount: 15, unit: 'WORKING_DAYS' }}
        onFinish={(v: { from: { format: (f: string) => string }; amount: number; unit: string }) => void calculate(v)}
      >
        <Form.Item
          name="from"
          label={tr('起算日（当日不计入）', 'Start (not counted)')}
          rules={[{ required: true, message: tr('请选择起算日', 'Choose the start date') }]}
        >
          <DatePicker aria-label={tr('起算日', 'Start date')} />
        </Form.Item>
        <Form.Item name="amount" label={tr('期间', 'Period')}>
          <InputNumber min={1} max={3650} aria-label={tr('期间', 'Period')} />
        </Form.Item>
        <Form.Item name="unit">
          <Select
            aria-label={tr('计算方式', 'Counted in')}
            style={{ width: 120 }}
            options={[
              { value: 'WORKING_DAYS', label: tr('工作日', 'working days') },
              { value: 'CALENDAR_DAYS', label: tr('日', 'days') },
            ]}
          />
        </Form.Item>
        <Button htmlType="submit">{tr('计算', 'Calculate')}</Button>
      </Form>
      {result && <Alert type="success" message={result} role="status" data-testid="deadline-result" />}
      <CalendarChangesPanel onChanged={() => void load()} />
    </Space>
  );
}
