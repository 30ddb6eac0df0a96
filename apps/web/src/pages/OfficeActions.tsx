/**
 * Screens for actions the API offers outside the procedure steps: a clean-up review's decision, withdrawing a
 * procedure, an adviser's conflicts of interest, and the issuers' number series.
 */
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, get, newIdempotencyKey, post } from '../api';
import { useLang, useTr } from '../i18n';
import { explain, formatTime } from '../labels';
import { Select } from '../select';
import type { OrgUnit, Task } from '../api/types';

const DECISIONS: Record<string, [string, string]> = {
  KEEP: ['继续有效', 'Keep in force'],
  AMEND: ['修改', 'Amend'],
  REPEAL: ['废止', 'Repeal'],
};

/** The legal-affairs office decides a document's clean-up review: keep, amend or repeal (the last two with reasons). */
export function CleanupReviewForm({
  task,
  onDone,
  onSigned,
}: {
  task: Task;
  onDone: () => Promise<void>;
  /** The decided task leaves the page on reload: the page keeps the answer. */
  onSigned?: (message: string) => void;
}) {
  const { lang } = useLang();
  const tr = useTr();
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ decision?: string; reason?: string }>();
  const decision = Form.useWatch('decision', form);
  const decide = async (v: { decision?: string; reason?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await post(
        `/api/tasks/${task.id}/cleanup-review`,
        { decision: v.decision, ...(v.reason ? { reason: v.reason } : {}) },
        newIdempotencyKey(),
      );
      const name = DECISIONS[v.decision ?? '']?.[lang === 'en' ? 1 : 0] ?? v.decision;
      const done = tr(`已作出清理决定：${name}。`, `Clean-up decision recorded: ${name}.`);
      setResult(done);
      onSigned?.(done);
      await onDone();
    } catch (err) {
      setError(explain(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={tr(`清理审查：${task.title}`, `Clean-up review: ${task.title}`)}
      size="small"
      data-testid="cleanup-review"
    >
      {result && <Alert type="success" showIcon message={result} role="status" data-testid="cleanup-review-result" />}
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      {!result && (
        <Form
          form={form}
          layout="vertical"
          aria-label={tr('清理决定', 'Clean-up decision')}
          onFinish={(v) => void decide(v)}
        >
          <Form.Item
            label={tr('清理决定', 'Decision')}
            name="decision"
            rules={[{ required: true, message: tr('请选择清理决定', 'Choose a decision') }]}
          >
            <Radio.Group
              options={Object.entries(DECISIONS).map(([value, [zh, en]]) => ({ value, label: tr(zh, en) }))}
            />
          </Form.Item>
          <Form.Item
            label={tr('理由（修改、废止时必填）', 'Reason (required to amend or repeal)')}
            name="reason"
            rules={[
              {
                required: decision === 'AMEND' || decision === 'REPEAL',
                min: 2,
                message: tr('修改或废止须写明理由', 'Amending or repealing needs a reason'),
              },
            ]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {tr('作出决定', 'Decide')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** The drafting department withdraws its running procedure, with a reason (recorded in the ledger). */
export function WithdrawButton({ procedureId, onDone }: { procedureId: string; onDone: () => Promise<void> }) {
  const { lang } = useLang();
  const tr = useTr();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = async (v: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await post(`/api/procedures/${procedureId}/withdraw`, { reason: v.reason });
      setOpen(false);
      void message.success(tr('程序已撤回。', 'The procedure is withdrawn.'));
      await onDone();
    } catch (err) {
      setError(explain(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {tr('撤回程序', 'Withdraw the procedure')}
      </Button>
      <Modal
        open={open}
        title={tr('撤回程序', 'Withdraw the procedure')}
        okText={tr('确认撤回', 'Withdraw')}
        cancelText={tr('取消', 'Cancel')}
        okButtonProps={{ loading: busy }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => void withdraw(v)} preserve={false}>
          <Form.Item
            label={tr('撤回理由', 'Reason for withdrawing')}
            name="reason"
            rules={[{ required: true, message: tr('请写明撤回理由', 'Give the reason') }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface Conflict {
  id: string;
  procedureId: string | null;
  departmentId: string | null;
  reason: string;
  declaredAt: string;
}

/**
 * A list read from `path` together with the organisation units, and `act`: take an act, say `done`, clear the form
 * and read the list again; a refusal is shown in `error`.
 */
function useListWithUnits<T>(path: string) {
  const { lang } = useLang();
  const { message } = App.useApp();
  const [rows, setRows] = useState<T[]>([]);
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const [list, u] = await Promise.all([get<T[]>(path), get<OrgUnit[]>('/api/org/units')]);
      setRows(list);
      setUnits(u);
    } catch (err) {
      setError(explain(err, lang));
    }
  }, [lang, path]);
  useEffect(() => {
    void load();
  }, [load]);
  const act = async (request: () => Promise<unknown>, done: string, clear: () => void) => {
    setError(null);
    try {
      await request();
      void message.success(done);
      clear();
      await load();
    } catch (err) {
      setError(explain(err, lang));
    }
  };
  const alert = error && (
    <Alert type="error" showIcon message={error} role="alert" closable onClose={() => setError(null)} />
  );
  return { rows, units, alert, act };
}

/** A required choice of an organisation unit, searchable by name. */
function UnitItem({ name, label, missing, units }: { name: string; label: string; missing: string; units: OrgUnit[] }) {
  return (
    <Form.Item label={label} name={name} rules={[{ required: true, message: missing }]}>
      <Select
        aria-label={label}
        showSearch
        optionFilterProp="label"
        options={units.map((u) => ({ value: u.id, label: u.name }))}
      />
    </Form.Item>
  );
}

/** An adviser's declared conflicts of interest: no task of that procedure or department is routed to them. */
export function ConflictsPage() {
  const tr = useTr();
  const { rows, units, alert, act } = useListWithUnits<Conflict>('/api/advisers/me/conflicts');
  const [form] = Form.useForm<{
    target: 'department' | 'procedure';
    departmentId?: string;
    procedureId?: string;
    reason: string;
  }>();
  const target = Form.useWatch('target', form);
  const unitName = (id: string | null) => units.find((u) => u.id === id)?.name ?? id ?? '—';
  const declare = (v: { target: string; departmentId?: string; procedureId?: string; reason: string }) =>
    act(
      () =>
        post('/api/advisers/me/conflicts', {
          ...(v.target === 'procedure' ? { procedureId: v.procedureId?.trim() } : { departmentId: v.departmentId }),
          reason: v.reason,
        }),
      tr('已申报回避。', 'Conflict declared.'),
      () => form.resetFields(),
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {tr('利益冲突申报（回避）', 'Conflicts of interest')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {tr(
          '申报后，该程序或该单位的审核任务不再分派给您。申报记入审计日志，不能撤销。',
          'Once declared, no review of that procedure or department is routed to you. Declarations are audited and final.',
        )}
      </Typography.Paragraph>
      {alert}
      <Card size="small" title={tr('新的申报', 'Declare a conflict')}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ target: 'department' }}
          aria-label={tr('申报回避', 'Declare a conflict')}
          onFinish={(v) => void declare(v)}
        >
          <Form.Item label={tr('回避对象', 'Conflict with')} name="target">
            <Radio.Group
              options={[
                { value: 'department', label: tr('单位', 'A department') },
                { value: 'procedure', label: tr('某一程序', 'One procedure') },
              ]}
            />
          </Form.Item>
          {target === 'procedure' ? (
            <Form.Item
              label={tr('程序编号', 'Procedure id')}
              name="procedureId"
              rules={[
                {
                  required: true,
                  pattern: /^\s*[0-9a-f-]{36}\s*$/i,
                  message: tr('请填写程序编号', 'Enter the procedure id'),
                },
              ]}
            >
              <Input />
            </Form.Item>
          ) : (
            <UnitItem
              name="departmentId"
              label={tr('单位', 'Department')}
              missing={tr('请选择单位', 'Choose a department')}
              units={units}
            />
          )}
          <Form.Item
            label={tr('理由', 'Reason')}
            name="reason"
            rules={[{ required: true, min: 2, message: tr('请写明理由', 'Give the reason') }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {tr('申报', 'Declare')}
          </Button>
        </Form>
      </Card>
      <Table<Conflict>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: tr('尚无申报。', 'Nothing declared.') }}
        columns={[
          {
            title: tr('回避对象', 'Conflict with'),
            key: 'target',
            render: (_, c) =>
              c.procedureId ? (
                <Link to={`/procedures/${c.procedureId}`}>
                  {tr('程序', 'Procedure')} {c.procedureId.slice(0, 8)}
                </Link>
              ) : (
                unitName(c.departmentId)
              ),
          },
          { title: tr('理由', 'Reason'), dataIndex: 'reason' },
          { title: tr('申报时间', 'Declared'), dataIndex: 'declaredAt', render: (v: string) => formatTime(v) },
        ]}
      />
    </Space>
  );
}

interface IssuerSeries {
  id: string;
  issuerUnitId: string;
  issuerCode: string | null;
  issuerName: string | null;
  series: string;
  prefix: string;
  active: boolean;
  updatedAt: string;
}

/** The issuers' number series (发文字号 prefixes): create one, change its printed code, stop it; each with a reason. */
export function IssuerSeriesPanel() {
  const tr = useTr();
  const { rows, units, alert, act } = useListWithUnits<IssuerSeries>('/api/admin/issuer-series');
  const [form] = Form.useForm<{
    issuerUnitId: string;
    series: string;
    prefix: string;
    active: boolean;
    reason: string;
  }>();
  const save = (v: { issuerUnitId: string; series: string; prefix: string; active: boolean; reason: string }) =>
    act(
      () => api('PUT', '/api/admin/issuer-series', { body: v }),
      tr('文号序列已保存。', 'Number series saved.'),
      () => form.resetFields(),
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {alert}
      <Table<IssuerSeries>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={rows}
        locale={{ emptyText: tr('尚无文号序列。', 'No number series yet.') }}
        columns={[
          { title: tr('发文机关', 'Issuer'), key: 'i', render: (_, s) => s.issuerName ?? s.issuerCode },
          { title: tr('序列', 'Series'), dataIndex: 'series' },
          { title: tr('机关代字', 'Printed code'), dataIndex: 'prefix', render: (p: string) => `${p}〔年份〕序号号` },
          {
            title: tr('状态', 'Status'),
            dataIndex: 'active',
            render: (a: boolean) => <Tag>{a ? tr('启用', 'Active') : tr('停用', 'Stopped')}</Tag>,
          },
          { title: tr('更新', 'Updated'), dataIndex: 'updatedAt', render: (v: string) => formatTime(v) },
          {
            title: tr('操作', 'Action'),
            key: 'edit',
            render: (_, s) => (
              <Button
                size="small"
                onClick={() =>
                  form.setFieldsValue({
                    issuerUnitId: s.issuerUnitId,
                    series: s.series,
                    prefix: s.prefix,
                    active: s.active,
                    reason: '',
                  })
                }
              >
                {tr('修改', 'Change')}
              </Button>
            ),
          },
        ]}
      />
      <Card size="small" title={tr('新增或修改文号序列', 'Add or change a number series')}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ series: 'NORMATIVE', active: true }}
          aria-label={tr('文号序列', 'Number series')}
          onFinish={(v) => void save(v)}
        >
          <UnitItem
            name="issuerUnitId"
            label={tr('发文机关', 'Issuer')}
            missing={tr('请选择发文机关', 'Choose the issuer')}
            units={units}
          />
          <Form.Item
            label={tr('序列', 'Series')}
            name="series"
            rules={[
              {
                required: true,
                pattern: /^[A-Z][A-Z0-9_-]{0,39}$/,
                message: tr('大写字母、数字', 'Capital letters and digits'),
              },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label={tr('机关代字', 'Printed code')}
            name="prefix"
            rules={[
              {
                required: true,
                pattern: /^[\p{Script=Han}A-Za-z]{1,20}$/u,
                message: tr('1–20 个汉字', '1–20 Han characters'),
              },
            ]}
          >
            <Input placeholder="坛政规" />
          </Form.Item>
          <Form.Item label={tr('启用', 'Active')} name="active" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item
            label={tr('理由', 'Reason')}
            name="reason"
            rules={[{ required: true, min: 5, message: tr('理由至少 5 个字', 'At least 5 characters') }]}
          >
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {tr('保存', 'Save')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
