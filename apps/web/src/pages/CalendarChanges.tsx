import { Alert, App, Button, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, get } from '../api';
import type { Answer } from '../api/types';
import { useLang, useTr } from '../i18n';
import { explain, formatTime } from '../labels';

type Version = Answer<'/api/calendar/history', 'get'>[number];
type Day = { date: string; kind: 'HOLIDAY' | 'WORKDAY'; name: string };

/** `2027-02-06 休 春节` / `2027-02-14 班 春节调休` / `2027-02-06 HOLIDAY 春节`, one day a line. */
export function parseDays(text: string): Day[] | string {
  const days: Day[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{4}-\d{2}-\d{2})\s+(休|班|HOLIDAY|WORKDAY)\s+(.+)$/.exec(line);
    if (!m) return `${i + 1}: ${line}`;
    days.push({ date: m[1], kind: m[2] === '休' || m[2] === 'HOLIDAY' ? 'HOLIDAY' : 'WORKDAY', name: m[3].trim() });
  }
  return days;
}

/**
 * Changes to the working-day calendar: every version with who changed it, when, why and what (read-only), and the
 * loading of a year's public holidays and adjusted working days from the State Council's notice, with the reason.
 */
export function CalendarChangesPanel({ onChanged }: { onChanged: () => void }) {
  const tr = useTr();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [history, setHistory] = useState<Version[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    try {
      setHistory(await get<Version[]>('/api/calendar/history'));
    } catch (err) {
      setError(explain(err, lang));
    }
  }, [lang]);
  useEffect(() => {
    void load();
  }, [load]);

  const put = async (v: { year: number; days: string; noticeUrl?: string; reason: string }) => {
    const days = parseDays(v.days);
    if (typeof days === 'string') return setError(tr(`无法识别第 ${days}`, `Cannot read line ${days}`));
    try {
      const r = await api<Answer<'/api/calendar/years/{year}', 'put'>>('PUT', `/api/calendar/years/${v.year}`, {
        body: { reason: v.reason, noticeUrl: v.noticeUrl?.trim() || undefined, days },
      });
      void message.success(
        tr(`${r.year} 年日历已更新（第 ${r.version} 版）`, `${r.year} loaded (version ${r.version})`),
      );
      setError(null);
      form.resetFields(['days', 'reason']);
      await load();
      onChanged();
    } catch (err) {
      setError(explain(err, lang));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {tr('日历变更记录', 'Calendar change history')}
      </Typography.Title>
      {error && <Alert type="error" message={error} showIcon role="alert" closable onClose={() => setError(null)} />}
      <Table<Version>
        rowKey="version"
        size="small"
        data-testid="calendar-history"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={[...history].sort((a, b) => b.version - a.version)}
        columns={[
          { title: tr('版本', 'Version'), dataIndex: 'version' },
          { title: tr('时间', 'When'), dataIndex: 'at', render: (t: string) => formatTime(t) },
          { title: tr('理由', 'Reason'), dataIndex: 'reason' },
          {
            title: tr('变更内容', 'What changed'),
            dataIndex: 'change',
            render: (c: Version['change']) => <code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(c)}</code>,
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {tr('载入或更正一年的日历', 'Load or correct a year')}
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        name="calendarYear"
        style={{ maxWidth: 640 }}
        initialValues={{ year: new Date().getFullYear() + 1 }}
        onFinish={(v: { year: number; days: string; noticeUrl?: string; reason: string }) => void put(v)}
      >
        <Form.Item name="year" label={tr('年份', 'Year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item
          name="days"
          label={tr('节假日与调休上班日（每行：日期 休/班 名称）', 'Days (one a line: date HOLIDAY/WORKDAY name)')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={6} placeholder={'2027-02-06 休 春节\n2027-02-14 班 春节调休'} />
        </Form.Item>
        <Form.Item name="noticeUrl" label={tr('国务院办公厅通知网址', 'State Council notice (URL)')}>
          <Input />
        </Form.Item>
        <Form.Item
          name="reason"
          label={tr('理由', 'Reason')}
          rules={[{ required: true, min: 2, message: tr('请填写理由', 'Give a reason') }]}
        >
          <Input />
        </Form.Item>
        <Button htmlType="submit">{tr('保存', 'Save')}</Button>
      </Form>
    </Space>
  );
}
