import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, get } from '../api';
import type { Answer } from '../api/types';
import { hasRole, useAuth } from '../auth';
import { useLang, useTr } from '../i18n';
import { explain, formatTime } from '../labels';
import { Select } from '../select';

type Rules = Answer<'/api/admin/pre-review/rules', 'get'>;
type Rule = Rules['rules'][number];
type Override = Rules['overrides'][number];

const RANKS: [string, string, string][] = [
  ['LAW', '法律', 'Law'],
  ['ADMINISTRATIVE_REGULATION', '行政法规', 'Administrative regulation'],
  ['LOCAL_REGULATION', '地方性法规', 'Local regulation'],
  ['DEPARTMENT_RULE', '部门规章', 'Department rule'],
  ['LOCAL_RULE', '地方政府规章', 'Local government rule'],
];

const reasonRules = (tr: (zh: string, en: string) => string) => [
  { required: true, min: 4, message: tr('请填写理由（至少 4 个字）', 'Give a reason (4 characters or more)') },
];

/**
 * The automatic pre-review's rules and its dated list of laws, as the office reads them: which rules are switched off
 * and why, and the changes recorded to the list (a law repealed, renamed or new). The system administrator switches a
 * rule off or on and records a change to the list, each an audited act with its reason.
 */
export function PreReviewRulesPanel() {
  const tr = useTr();
  const { lang } = useLang();
  const { user } = useAuth();
  const admin = hasRole(user, 'SYSTEM_ADMIN');
  const { message } = App.useApp();
  const [data, setData] = useState<Rules | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [switching, setSwitching] = useState<Rule | null>(null);
  const [switchForm] = Form.useForm<{ reason: string }>();
  const [lawForm] = Form.useForm();
  const status = Form.useWatch('status', lawForm) as string | undefined;
  const zhEn = (pair: string[]) => (lang === 'en' ? (pair[1] ?? pair[0]) : pair[0]);

  const load = useCallback(async () => {
    try {
      setData(await get<Rules>('/api/admin/pre-review/rules'));
    } catch (err) {
      setError(explain(err, lang));
    }
  }, [lang]);
  useEffect(() => {
    void load();
  }, [load]);

  const done = (answer: Rules, text: string) => {
    setData(answer);
    setError(null);
    void message.success(text);
  };

  const switchRule = async (reason: string) => {
    if (!switching) return;
    try {
      const answer = await api<Rules>('PUT', `/api/admin/pre-review/rules/${encodeURIComponent(switching.id)}`, {
        body: { enabled: !switching.enabled, reason },
      });
      done(answer, switching.enabled ? tr('规则已停用', 'Rule switched off') : tr('规则已启用', 'Rule switched on'));
      setSwitching(null);
      switchForm.resetFields();
    } catch (err) {
      setError(explain(err, lang));
    }
  };

  const recordLaw = async (v: { name: string; status: string; rank?: string; repealedBy?: string; reason: string }) => {
    try {
      const answer = await api<Rules>('PUT', '/api/admin/pre-review/laws', {
        body: {
          name: v.name.trim(),
          status: v.status,
          rank: v.status === 'IN_FORCE' ? v.rank : undefined,
          repealedBy: v.status === 'REPEALED' && v.repealedBy?.trim() ? v.repealedBy.trim() : undefined,
          reason: v.reason,
        },
      });
      done(answer, tr('法律清单已更新', 'List of laws updated'));
      lawForm.resetFields();
    } catch (err) {
      setError(explain(err, lang));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {error && <Alert type="error" message={error} showIcon role="alert" closable onClose={() => setError(null)} />}
      {data && (
        <Typography.Paragraph type="secondary">
          {tr(
            `法律清单：${data.lawList.repository}（${data.lawList.date}，${data.laws} 部）。${data.lawList.note}`,
            `List of laws: ${data.lawList.repository} (${data.lawList.date}, ${data.laws} laws). ${data.lawList.note}`,
          )}
        </Typography.Paragraph>
      )}
      <Table<Rule>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.rules ?? []}
        columns={[
          { title: tr('规则', 'Rule'), dataIndex: 'id', render: (id: string, r) => `${zhEn(r.title)}（${id}）` },
          {
            title: tr('依据', 'Basis'),
            dataIndex: 'basis',
            render: (b: Rule['basis']) => b.map((x) => `${x.instrument} ${x.article}`).join('；'),
          },
          {
            title: tr('状态', 'Status'),
            dataIndex: 'enabled',
            render: (on: boolean) =>
              on ? <Tag>{tr('启用', 'On')}</Tag> : <Tag color="red">{tr('已停用', 'Off')}</Tag>,
          },
          {
            title: tr('理由', 'Reason'),
            dataIndex: 'reason',
            render: (reason: string | null, r) => (reason ? `${reason}（${formatTime(r.changedAt)}）` : '—'),
          },
          ...(admin
            ? [
                {
                  title: tr('操作', 'Actions'),
                  key: 'a',
                  render: (_: unknown, r: Rule) => (
                    <Button size="small" onClick={() => setSwitching(r)}>
                      {r.enabled ? tr(`停用 ${r.id}`, `Switch off ${r.id}`) : tr(`启用 ${r.id}`, `Switch on ${r.id}`)}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Card size="small" title={tr('法律清单的变更', 'Changes to the list of laws')}>
        <Table<Override>
          rowKey={(o) => `${o.name}-${o.changedAt}`}
          size="small"
          pagination={false}
          dataSource={data?.overrides ?? []}
          locale={{ emptyText: tr('没有记录的变更', 'No change recorded') }}
          columns={[
            { title: tr('名称', 'Name'), dataIndex: 'name' },
            {
              title: tr('状态', 'Status'),
              dataIndex: 'status',
              render: (s: string) => (s === 'REPEALED' ? tr('已废止', 'Repealed') : tr('现行有效', 'In force')),
            },
            {
              title: tr('效力层级', 'Rank'),
              dataIndex: 'rank',
              render: (r: string | null) => {
                const row = RANKS.find((x) => x[0] === r);
                return row ? (lang === 'en' ? row[2] : row[1]) : '—';
              },
            },
            { title: tr('替代', 'Replaced by'), dataIndex: 'repealedBy', render: (x: string | null) => x ?? '—' },
            { title: tr('理由', 'Reason'), dataIndex: 'reason' },
            { title: tr('时间', 'When'), dataIndex: 'changedAt', render: (t: string) => formatTime(t) },
          ]}
        />
        {admin && (
          <Form
            form={lawForm}
            layout="inline"
            name="preReviewLaw"
            style={{ marginTop: 12, rowGap: 8 }}
            initialValues={{ status: 'REPEALED' }}
            onFinish={(v: { name: string; status: string; rank?: string; repealedBy?: string; reason: string }) =>
              void recordLaw(v)
            }
          >
            <Form.Item name="name" label={tr('法律名称', 'Name of the law')} rules={[{ required: true, min: 2 }]}>
              <Input style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="status" label={tr('状态', 'Status')}>
              <Select
                aria-label={tr('状态', 'Status')}
                style={{ width: 140 }}
                options={[
                  { value: 'REPEALED', label: tr('已废止', 'Repealed') },
                  { value: 'IN_FORCE', label: tr('现行有效', 'In force') },
                ]}
              />
            </Form.Item>
            {status === 'IN_FORCE' ? (
              <Form.Item name="rank" label={tr('效力层级', 'Rank')} rules={[{ required: true }]}>
                <Select
                  aria-label={tr('效力层级', 'Rank')}
                  style={{ width: 180 }}
                  options={RANKS.map(([value, zh, en]) => ({ value, label: lang === 'en' ? en : zh }))}
                />
              </Form.Item>
            ) : (
              <Form.Item name="repealedBy" label={tr('替代它的法律', 'Replaced by')}>
                <Input style={{ width: 200 }} />
              </Form.Item>
            )}
            <Form.Item name="reason" label={tr('理由及出处', 'Reason and source')} rules={reasonRules(tr)}>
              <Input style={{ width: 240 }} />
            </Form.Item>
            <Button htmlType="submit">{tr('记录变更', 'Record the change')}</Button>
          </Form>
        )}
      </Card>
      {switching && (
        <Modal
          open
          title={
            switching.enabled
              ? tr(`停用规则 ${switching.id}`, `Switch off rule ${switching.id}`)
              : tr(`启用规则 ${switching.id}`, `Switch on rule ${switching.id}`)
          }
          onCancel={() => setSwitching(null)}
          onOk={() => switchForm.submit()}
          okText={tr('确定', 'OK')}
        >
          <Form form={switchForm} layout="vertical" onFinish={(v) => void switchRule(v.reason)}>
            <Form.Item name="reason" label={tr('理由', 'Reason')} rules={reasonRules(tr)}>
              <Input />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Space>
  );
}
