import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, get } from '../api';
import { useLang, useTr } from '../i18n';
import { explain } from '../labels';
import { Select } from '../select';
import { SignInLockoutsPanel } from './SignInLockouts';
import type { AccountUnit, AccountUser } from '../api/types';

const ROLES: [string, string, string][] = [
  ['DRAFTER', '起草人员', 'Drafter'],
  ['LEGAL_ADVISER', '法律顾问', 'Legal adviser'],
  ['LEGAL_AFFAIRS_OFFICER', '法制机构工作人员', 'Legal-affairs officer'],
  ['LEADER', '政府领导', 'Leader'],
  ['SYSTEM_ADMIN', '系统管理员', 'Administrator'],
];
const QUALIFICATIONS: [string, string, string][] = [
  ['LEGAL_PROFESSION', '法律职业资格', 'Legal-profession qualification'],
  ['PUBLIC_SECTOR_LAWYER', '公职律师证', 'Public-sector lawyer'],
];
const KINDS: [string, string, string][] = [
  ['GOVERNMENT', '区人民政府', 'District government'],
  ['DEPARTMENT', '政府工作部门', 'Department'],
  ['TOWN', '镇（街道）', 'Town or street office'],
  ['LEGAL_AFFAIRS_OFFICE', '法制机构（司法局）', 'Legal-affairs office'],
  ['LEGAL_ADVISER_POOL', '法律顾问委员会', 'Adviser committee'],
];

function useLabel() {
  const { lang } = useLang();
  return (table: [string, string, string][], key: string) => {
    const row = table.find((r) => r[0] === key);
    return row ? (lang === 'en' ? row[2] : row[1]) : key;
  };
}

const reasonRule = (tr: (zh: string, en: string) => string) => [
  { required: true, min: 2, message: tr('请填写理由', 'Give a reason') },
];

/**
 * Accounts and units for the system administrator: add a person, move them to another unit, change roles and
 * qualifications, deactivate a leaver, reset a password, add a department or a town, import a CSV or XLSX list.
 * Every change asks for its reason, which the audit trail keeps.
 */
export function AccountsPage() {
  const tr = useTr();
  const { lang } = useLang();
  const label = useLabel();
  const { message, modal } = App.useApp();
  const [users, setUsers] = useState<AccountUser[]>([]);
  const [units, setUnits] = useState<AccountUnit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<AccountUser | 'new' | null>(null);
  const [reasonFor, setReasonFor] = useState<{ title: string; run: (reason: string) => Promise<void> } | null>(null);

  const load = useCallback(async () => {
    try {
      const [u, o] = await Promise.all([
        get<AccountUser[]>('/api/admin/users'),
        get<AccountUnit[]>('/api/admin/units'),
      ]);
      setUsers(u);
      setUnits(o);
    } catch (err) {
      setError(explain(err, lang));
    }
  }, [lang]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      setError(null);
      await load();
      return true;
    } catch (err) {
      setError(explain(err, lang));
      return false;
    }
  };

  const showPassword = (username: string, password: string) =>
    modal.info({
      title: tr('临时密码（仅显示一次）', 'Temporary password (shown once)'),
      content: (
        <Typography.Paragraph copyable={{ text: password }}>
          {username}: <code data-testid="temporary-password">{password}</code>
        </Typography.Paragraph>
      ),
    });

  const unitOptions = units.map((u) => ({ value: u.id, label: `${u.name}（${u.code}）` }));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={2}>{tr('账号与单位', 'Accounts and units')}</Typography.Title>
      {error && <Alert type="error" message={error} showIcon role="alert" closable onClose={() => setError(null)} />}
      <Tabs
        items={[
          {
            key: 'users',
            label: tr('人员', 'People'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space>
                  <Button type="primary" onClick={() => setEditing('new')}>
                    {tr('新增人员', 'Add a person')}
                  </Button>
                  <ImportButton onDone={load} onError={(e) => setError(e)} />
                </Space>
                <Table<AccountUser>
                  rowKey="id"
                  size="small"
                  scroll={{ x: 900 }}
                  dataSource={users}
                  pagination={{ pageSize: 50 }}
                  columns={[
                    { title: tr('用户名', 'Username'), dataIndex: 'username' },
                    { title: tr('姓名', 'Name'), dataIndex: 'displayName' },
                    { title: tr('单位', 'Unit'), dataIndex: 'unitName' },
                    {
                      title: tr('角色', 'Roles'),
                      dataIndex: 'roles',
                      render: (r: string[]) => r.map((x) => <Tag key={x}>{label(ROLES, x)}</Tag>),
                    },
                    {
                      title: tr('资格', 'Qualifications'),
                      dataIndex: 'qualifications',
                      render: (q: string[]) => q.map((x) => <Tag key={x}>{label(QUALIFICATIONS, x)}</Tag>),
                    },
                    {
                      title: tr('状态', 'Status'),
                      dataIndex: 'active',
                      render: (a: boolean) =>
                        a ? <Tag>{tr('在用', 'active')}</Tag> : <Tag>{tr('已停用', 'deactivated')}</Tag>,
                    },
                    {
                      title: tr('操作', 'Actions'),
                      key: 'a',
                      render: (_, u) => (
                        <Space wrap>
                          <Button size="small" onClick={() => setEditing(u)}>
                            {tr('调整', 'Edit')}
                          </Button>
                          <Button
                            size="small"
                            onClick={() =>
                              setReasonFor({
                                title: u.active
                                  ? tr(`停用 ${u.displayName}`, `Deactivate ${u.displayName}`)
                                  : tr(`启用 ${u.displayName}`, `Activate ${u.displayName}`),
                                run: async (reason) => {
                                  await act(
                                    () =>
                                      api('POST', `/api/admin/users/${u.id}/${u.active ? 'deactivate' : 'activate'}`, {
                                        body: { reason },
                                      }),
                                    tr('已保存', 'Saved'),
                                  );
                                },
                              })
                            }
                          >
                            {u.active ? tr('停用', 'Deactivate') : tr('启用', 'Activate')}
                          </Button>
                          <Button
                            size="small"
                            onClick={() =>
                              setReasonFor({
                                title: tr(`重置 ${u.displayName} 的密码`, `Reset the password of ${u.displayName}`),
                                run: async (reason) => {
                                  await act(
                                    async () => {
                                      const r = await api<{ temporaryPassword: string }>(
                                        'POST',
                                        `/api/admin/users/${u.id}/reset-password`,
                                        { body: { reason } },
                                      );
                                      showPassword(u.username, r.temporaryPassword);
                                    },
                                    tr('密码已重置', 'Password reset'),
                                  );
                                },
                              })
                            }
                          >
                            {tr('重置密码', 'Reset password')}
                          </Button>
                          <Button
                            size="small"
                            onClick={() =>
                              setReasonFor({
                                title: tr(`结束 ${u.displayName} 的所有会话`, `End every session of ${u.displayName}`),
                                run: async (reason) => {
                                  await act(
                                    () => api('POST', `/api/admin/users/${u.id}/revoke-sessions`, { body: { reason } }),
                                    tr('会话已全部结束', 'Every session ended'),
                                  );
                                },
                              })
                            }
                          >
                            {tr('结束会话', 'End sessions')}
                          </Button>
                        </Space>
                      ),
                    },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'units',
            label: tr('单位', 'Units'),
            children: (
              <UnitsPanel
                units={units}
                act={act}
                unitOptions={unitOptions}
                onEdit={(unit) =>
                  setReasonFor({
                    title: tr(`调整 ${unit.name}`, `Change ${unit.name}`),
                    run: async (reason) => {
                      await act(
                        () => api('PATCH', `/api/admin/units/${unit.id}`, { body: { ...unit.change, reason } }),
                        tr('已保存', 'Saved'),
                      );
                    },
                  })
                }
              />
            ),
          },
          { key: 'lockouts', label: tr('登录锁定', 'Sign-in lockouts'), children: <SignInLockoutsPanel /> },
        ]}
      />
      {editing && (
        <UserForm
          user={editing === 'new' ? null : editing}
          unitOptions={unitOptions}
          onCancel={() => setEditing(null)}
          onSave={async (values) => {
            const { id } = editing === 'new' ? { id: null } : editing;
            const ok = await act(
              async () => {
                if (id) await api('PATCH', `/api/admin/users/${id}`, { body: values });
                else {
                  const r = await api<{ user: AccountUser; temporaryPassword?: string }>('POST', '/api/admin/users', {
                    body: values,
                  });
                  if (r.temporaryPassword) showPassword(r.user.username, r.temporaryPassword);
                }
              },
              tr('已保存', 'Saved'),
            );
            if (ok) setEditing(null);
          }}
        />
      )}
      {reasonFor && (
        <ReasonModal
          title={reasonFor.title}
          onCancel={() => setReasonFor(null)}
          onOk={async (reason) => {
            await reasonFor.run(reason);
            setReasonFor(null);
          }}
        />
      )}
    </Space>
  );
}

function ReasonModal(props: { title: string; onCancel: () => void; onOk: (reason: string) => Promise<void> }) {
  const tr = useTr();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open title={props.title} onCancel={props.onCancel} onOk={() => form.submit()} okText={tr('确定', 'OK')}>
      <Form form={form} layout="vertical" onFinish={(v) => void props.onOk(v.reason)}>
        <Form.Item name="reason" label={tr('理由', 'Reason')} rules={reasonRule(tr)}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function UserForm(props: {
  user: AccountUser | null;
  unitOptions: { value: string; label: string }[];
  onCancel: () => void;
  onSave: (values: Record<string, unknown>) => Promise<void>;
}) {
  const tr = useTr();
  const label = useLabel();
  const [form] = Form.useForm();
  const { user } = props;
  return (
    <Modal
      open
      title={user ? tr(`调整 ${user.displayName}`, `Edit ${user.displayName}`) : tr('新增人员', 'Add a person')}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okText={tr('保存', 'Save')}
    >
      <Form
        form={form}
        layout="vertical"
        name="accountUser"
        initialValues={
          user
            ? {
                displayName: user.displayName,
                unitId: user.unitId,
                roles: user.roles,
                qualifications: user.qualifications,
                email: user.email ?? undefined,
              }
            : { roles: [], qualifications: [] }
        }
        onFinish={(v: Record<string, unknown>) => void props.onSave(v)}
      >
        {!user && (
          <Form.Item name="username" label={tr('用户名', 'Username')} rules={[{ required: true }]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={tr('姓名', 'Name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="email"
          label={tr('电子邮箱（接收通知）', 'E-mail (for notifications)')}
          rules={[{ type: 'email' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="unitId" label={tr('单位', 'Unit')} rules={[{ required: true }]}>
          <Select aria-label={tr('单位', 'Unit')} options={props.unitOptions} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="roles" label={tr('角色', 'Roles')} rules={[{ required: true }]}>
          <Select
            aria-label={tr('角色', 'Roles')}
            mode="multiple"
            options={ROLES.map(([v]) => ({ value: v, label: label(ROLES, v) }))}
          />
        </Form.Item>
        <Form.Item name="qualifications" label={tr('资格', 'Qualifications')}>
          <Select
            aria-label={tr('资格', 'Qualifications')}
            mode="multiple"
            options={QUALIFICATIONS.map(([v]) => ({ value: v, label: label(QUALIFICATIONS, v) }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={tr('理由', 'Reason')} rules={reasonRule(tr)}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function UnitsPanel(props: {
  units: AccountUnit[];
  unitOptions: { value: string; label: string }[];
  act: (work: () => Promise<unknown>, done: string) => Promise<boolean>;
  onEdit: (unit: { id: string; name: string; change: { name?: string; parentId?: string } }) => void;
}) {
  const tr = useTr();
  const label = useLabel();
  const [form] = Form.useForm();
  const [edits, setEdits] = useState<Record<string, { name?: string; parentId?: string }>>({});
  const edit = (id: string, change: { name?: string; parentId?: string }) =>
    setEdits((e) => ({ ...e, [id]: { ...e[id], ...change } }));
  const name = (id: string | null) => props.units.find((u) => u.id === id)?.name ?? '—';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={tr('新增单位', 'Add a unit')}>
        <Form
          form={form}
          layout="inline"
          name="accountUnit"
          onFinish={(v: Record<string, unknown>) =>
            void props
              .act(() => api('POST', '/api/admin/units', { body: v }), tr('已新增', 'Added'))
              .then((ok) => ok && form.resetFields())
          }
        >
          <Form.Item name="code" label={tr('代码', 'Code')} rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="name" label={tr('名称', 'Name')} rules={[{ required: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="kind" label={tr('类别', 'Kind')} rules={[{ required: true }]}>
            <Select
              aria-label={tr('类别', 'Kind')}
              style={{ width: 180 }}
              options={KINDS.map(([v]) => ({ value: v, label: label(KINDS, v) }))}
            />
          </Form.Item>
          <Form.Item name="parentId" label={tr('上级', 'Parent')}>
            <Select aria-label={tr('上级', 'Parent')} style={{ width: 220 }} options={props.unitOptions} allowClear />
          </Form.Item>
          <Form.Item name="reason" label={tr('理由', 'Reason')} rules={reasonRule(tr)}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Button htmlType="submit">{tr('新增', 'Add')}</Button>
        </Form>
      </Card>
      <Table<AccountUnit>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={props.units}
        columns={[
          { title: tr('代码', 'Code'), dataIndex: 'code' },
          {
            title: tr('名称', 'Name'),
            dataIndex: 'name',
            render: (n: string, u) => (
              <Input
                aria-label={tr(`${n} 的名称`, `Name of ${n}`)}
                defaultValue={n}
                onChange={(e) => edit(u.id, { name: e.target.value })}
              />
            ),
          },
          { title: tr('类别', 'Kind'), dataIndex: 'kind', render: (k: string) => label(KINDS, k) },
          {
            title: tr('上级', 'Parent'),
            dataIndex: 'parentId',
            render: (p: string | null, u) => (
              <Select
                aria-label={tr(`${u.name} 的上级`, `Parent of ${u.name}`)}
                style={{ width: 220 }}
                defaultValue={p ?? undefined}
                placeholder={name(p)}
                options={props.unitOptions.filter((o) => o.value !== u.id)}
                onChange={(v: string) => edit(u.id, { parentId: v })}
              />
            ),
          },
          {
            title: tr('操作', 'Actions'),
            key: 'a',
            render: (_, u) => (
              <Button
                size="small"
                disabled={!edits[u.id]}
                onClick={() => props.onEdit({ id: u.id, name: u.name, change: edits[u.id] ?? {} })}
              >
                {tr('保存调整', 'Save change')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}

function ImportButton(props: { onDone: () => Promise<void>; onError: (message: string) => void }) {
  const tr = useTr();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  return (
    <Space.Compact>
      <Input
        aria-label={tr('导入理由', 'Reason for the import')}
        placeholder={tr('导入理由', 'Reason for the import')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        style={{ width: 200 }}
      />
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        disabled={reason.trim().length < 2}
        beforeUpload={(file) => {
          void file.arrayBuffer().then(async (buffer) => {
            const bytes = new Uint8Array(buffer);
            let binary = '';
            for (let i = 0; i < bytes.length; i += 0x8000) {
              binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            }
            try {
              const r = await api<{ created: unknown[] }>('POST', '/api/admin/users/import', {
                body: { filename: file.name, contentBase64: btoa(binary), reason },
              });
              void message.success(tr(`已导入 ${r.created.length} 人`, `Imported ${r.created.length} people`));
              setReason('');
              await props.onDone();
            } catch (err) {
              props.onError(explain(err, lang));
            }
          });
          return false;
        }}
      >
        <Button disabled={reason.trim().length < 2}>{tr('从 CSV / Excel 导入', 'Import CSV / Excel')}</Button>
      </Upload>
    </Space.Compact>
  );
}
