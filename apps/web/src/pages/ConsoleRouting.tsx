import { Alert, App, Button, Form, Input, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import { Select } from '../select';
import { useCallback, useEffect, useState } from 'react';
import { api, get } from '../api';
import { useTr } from '../i18n';
import { explain } from '../labels';
import type { AdviserCandidate, OrgUnit, RoutingOverview } from '../api/types';

/**
 * How review tasks are routed to legal advisers, for the legal-affairs office to see and change: the two rules, and
 * each adviser's expertise, capacity, availability and assigned departments. Every change is versioned and audited
 * with its reason.
 */
export function RoutingPanel() {
  const tr = useTr();
  const { message } = App.useApp();
  const [routing, setRouting] = useState<RoutingOverview | null>(null);
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rulesForm] = Form.useForm();

  const load = useCallback(async () => {
    try {
      const [r, u] = await Promise.all([get<RoutingOverview>('/api/admin/routing'), get<OrgUnit[]>('/api/org/units')]);
      setRouting(r);
      setUnits(u.filter((x) => x.kind === 'DEPARTMENT'));
      rulesForm.setFieldsValue({ ...r.rules, reason: '' });
    } catch (err) {
      setError(explain(err));
    }
  }, [rulesForm]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = (path: string, body: unknown, done: string) =>
    api('PUT', path, { body })
      .then(async () => {
        void message.success(done);
        setError(null);
        await load();
        return true;
      })
      .catch((err: unknown) => {
        setError(explain(err));
        return false;
      });

  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {error && <Alert type="error" message={error} showIcon role="alert" closable onClose={() => setError(null)} />}
      <Form
        form={rulesForm}
        name="routingRules"
        layout="inline"
        aria-label={tr('分派规则', 'Routing rules')}
        onFinish={(v: { assignedAdvisersOnly: boolean; requireExpertiseMatch: boolean; reason: string }) =>
          void save('/api/admin/routing/rules', v, tr('分派规则已更新', 'Routing rules changed'))
        }
      >
        <Form.Item
          name="assignedAdvisersOnly"
          label={tr('仅分派给对口法律顾问', 'Assigned advisers only')}
          valuePropName="checked"
        >
          <Switch aria-label={tr('仅分派给对口法律顾问', 'Assigned advisers only')} />
        </Form.Item>
        <Form.Item
          name="requireExpertiseMatch"
          label={tr('要求专业匹配', 'Require matching expertise')}
          valuePropName="checked"
        >
          <Switch aria-label={tr('要求专业匹配', 'Require matching expertise')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={tr('变更理由', 'Reason')}
          rules={[
            { required: true, min: 5, message: tr('请填写变更理由（至少5个字）', 'Give a reason (5+ characters)') },
          ]}
        >
          <Input style={{ minWidth: 220 }} />
        </Form.Item>
        <Button htmlType="submit">{tr('保存规则', 'Save rules')}</Button>
      </Form>
      {routing && (
        <Typography.Text type="secondary">
          {tr(`规则版本：${routing.rulesVersion}`, `Rules version ${routing.rulesVersion}`)}
        </Typography.Text>
      )}
      <Table<AdviserCandidate>
        rowKey="userId"
        size="small"
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={routing?.advisers ?? []}
        expandable={{
          expandedRowKeys: editing ? [editing] : [],
          showExpandColumn: false,
          expandedRowRender: (a) => (
            <AdviserForm
              adviser={a}
              units={units}
              onCancel={() => setEditing(null)}
              onSave={async (body) => {
                if (await save(`/api/admin/advisers/${a.userId}`, body, tr('已更新', 'Saved'))) setEditing(null);
              }}
            />
          ),
        }}
        columns={[
          { title: tr('法律顾问', 'Adviser'), dataIndex: 'displayName' },
          {
            title: tr('专业', 'Expertise'),
            dataIndex: 'expertise',
            render: (e: string[]) => e.map((x) => <Tag key={x}>{x}</Tag>),
          },
          {
            title: tr('对口单位', 'Assigned departments'),
            dataIndex: 'assignedDepartmentIds',
            render: (ids: string[]) => ids.map(unitName).join('、') || '—',
          },
          { title: tr('在办/上限', 'Open/limit'), key: 'l', render: (_, a) => `${a.openTasks}/${a.maxOpenTasks}` },
          {
            title: tr('可分派', 'Available'),
            dataIndex: 'active',
            render: (v: boolean) => (v ? tr('是', 'yes') : tr('否', 'no')),
          },
          {
            title: tr('操作', 'Action'),
            key: 'edit',
            render: (_, a) => (
              <Button size="small" onClick={() => setEditing(editing === a.userId ? null : a.userId)}>
                {tr('调整', 'Edit')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}

function AdviserForm({
  adviser,
  units,
  onSave,
  onCancel,
}: {
  adviser: AdviserCandidate;
  units: OrgUnit[];
  onSave: (body: unknown) => Promise<void>;
  onCancel: () => void;
}) {
  const tr = useTr();
  return (
    <Form
      name={`adviser-${adviser.userId}`}
      layout="vertical"
      aria-label={tr(`调整${adviser.displayName}`, `Edit ${adviser.displayName}`)}
      initialValues={{
        expertise: adviser.expertise,
        maxOpenTasks: adviser.maxOpenTasks,
        active: adviser.active,
        departmentIds: adviser.assignedDepartmentIds,
        reason: '',
      }}
      onFinish={(v: Record<string, unknown>) => void onSave(v)}
    >
      <Space wrap align="start">
        <Form.Item name="expertise" label={tr('专业', 'Expertise')}>
          <Select aria-label={tr('专业', 'Expertise')} mode="tags" style={{ minWidth: 220 }} open={false} />
        </Form.Item>
        <Form.Item name="departmentIds" label={tr('对口单位', 'Assigned departments')}>
          <Select
            aria-label={tr('对口单位', 'Assigned departments')}
            mode="multiple"
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 260 }}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="maxOpenTasks" label={tr('在办上限', 'Open task limit')}>
          <InputNumber min={0} max={500} />
        </Form.Item>
        <Form.Item name="active" label={tr('可分派', 'Available')} valuePropName="checked">
          <Switch aria-label={tr('可分派', 'Available')} />
        </Form.Item>
      </Space>
      <Form.Item
        name="reason"
        label={tr('调整理由', 'Reason')}
        rules={[
          { required: true, min: 5, message: tr('请填写调整理由（至少5个字）', 'Give a reason (5+ characters)') },
        ]}
      >
        <Input />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {tr('保存', 'Save')}
        </Button>
        <Button onClick={onCancel}>{tr('取消', 'Cancel')}</Button>
      </Space>
    </Form>
  );
}
