import { ExcelExport } from '../ExcelExport';
import { Alert, App, Button, Descriptions, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { Select } from '../select';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, get, post } from '../api';
import { useLastLoad } from '../last-load';
import type { CatalogItemProgress, CatalogProgress, CatalogVersion } from '../api/types';
import { useLang, useTr } from '../i18n';
import { explain, formatTime, IN_SCOPE_MATTER_KINDS, matterKindName, stageName } from '../labels';
import { hasRole, useAuth } from '../auth';

const VERSION_STATUS: Record<string, [string, string]> = {
  DRAFT: ['草稿', 'Draft'],
  PUBLISHED: ['已公布', 'Published'],
  SUPERSEDED: ['已被替代', 'Superseded'],
};

/**
 * The annual decision catalog (决策事项目录) for the legal-affairs office: its versions, the draft's items, the
 * Party committee's consent and publication, and each published item's progress through its procedure.
 */
export function CatalogPanel() {
  const { lang } = useLang();
  const tr = useTr();
  const { message } = App.useApp();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [versions, setVersions] = useState<CatalogVersion[]>([]);
  const [progress, setProgress] = useState<CatalogProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { user } = useAuth();
  const roles = { office: hasRole(user, 'LEGAL_AFFAIRS_OFFICER'), leader: hasRole(user, 'LEADER') };

  // Only the last load's answer is shown: an earlier one (another year's, on a slow moment) may come after it.
  const begin = useLastLoad();
  const load = useCallback(async () => {
    const current = begin();
    setError(null);
    try {
      const list = await get<CatalogVersion[]>(`/api/admin/catalog/${year}/versions`);
      // Progress exists only for a published catalog; asking before one is published would only be refused.
      const published = list.some((v) => v.status === 'PUBLISHED')
        ? await get<CatalogProgress>(`/api/admin/catalog/${year}/progress`)
        : null;
      if (!current()) return;
      setVersions(list);
      setProgress(published);
    } catch (err) {
      if (current()) setError(explain(err));
    }
  }, [year, begin]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = (path: string, body: unknown, done: string) =>
    run(post(`/api/admin/catalog/${year}/${path}`, body), done);
  /** An item of the draft changed, with the reason (a recorded act). */
  const changeItem = (itemKey: string, body: unknown, done: string) =>
    run(api('PATCH', `/api/admin/catalog/${year}/items/${encodeURIComponent(itemKey)}`, { body }), done);
  const run = (request: Promise<unknown>, done: string) =>
    request
      .then(async () => {
        void message.success(done);
        await load();
        return true;
      })
      .catch((err: unknown) => {
        setError(explain(err));
        return false;
      });

  const draft = versions.find((v) => v.status === 'DRAFT');
  const status = (s: string) => VERSION_STATUS[s]?.[lang === 'en' ? 1 : 0] ?? s;
  const kind = (k: string) => matterKindName(k, lang);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <label htmlFor="lg-catalog-year">{tr('年度', 'Year')}</label>
        <InputNumber id="lg-catalog-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        {progress && <ExcelExport path={`/api/admin/exports/catalog.xlsx?year=${year}`} />}
      </Space>
      {error && <Alert type="error" message={error} showIcon role="alert" closable onClose={() => setError(null)} />}

      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {tr(`${year} 年度目录的事项进展`, `Progress of the ${year} catalog's matters`)}
      </Typography.Title>
      {progress ? (
        <Table<CatalogItemProgress>
          rowKey="itemKey"
          size="small"
          pagination={false}
          scroll={{ x: 720 }}
          aria-label={tr('目录事项进展', 'Catalog items progress')}
          dataSource={progress.items}
          expandable={{
            rowExpandable: (i) => i.stepsDone.length > 0 || i.stepsOverdue.length > 0,
            expandedRowRender: (i) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {i.stepsOverdue.map((o) => (
                  <Typography.Text key={`${o.stage}-${o.kind}-${o.dueAt}`} type="danger">
                    {o.open ? tr('逾期未办：', 'Overdue, still open: ') : tr('逾期办结：', 'Closed late: ')}
                    {stageName(o.stage, lang)} · {tr('期限', 'due')} {formatTime(o.dueAt)} · {o.legalBasis}
                  </Typography.Text>
                ))}
                <Table
                  rowKey={(s) => `${s.stage}-${s.decision}-${s.at}`}
                  size="small"
                  pagination={false}
                  dataSource={i.stepsDone}
                  columns={[
                    { title: tr('阶段', 'Stage'), dataIndex: 'stage', render: (v: string) => stageName(v, lang) },
                    { title: tr('决定', 'Decision'), dataIndex: 'decision' },
                    { title: tr('签署人', 'Signed by'), dataIndex: 'actor' },
                    { title: tr('时间', 'At'), dataIndex: 'at', render: (v: string) => formatTime(v) },
                  ]}
                />
              </Space>
            ),
          }}
          columns={[
            { title: tr('编号', 'Key'), dataIndex: 'itemKey' },
            {
              title: tr('事项', 'Matter'),
              key: 'title',
              render: (_, i) => (i.procedureId ? <Link to={`/procedures/${i.procedureId}`}>{i.title}</Link> : i.title),
            },
            {
              title: tr('当前阶段', 'Stage'),
              key: 'stage',
              render: (_, i) =>
                i.stage === 'NOT_STARTED' ? (
                  <Tag>{tr('尚未启动', 'Not started')}</Tag>
                ) : (
                  <Tag color="blue">{stageName(i.stage, lang)}</Tag>
                ),
            },
            { title: tr('已完成步骤', 'Steps done'), key: 'done', render: (_, i) => i.stepsDone.length },
            {
              title: tr('逾期', 'Overdue'),
              key: 'overdue',
              render: (_, i) =>
                i.stepsOverdue.length > 0 ? <Tag color="red">{i.stepsOverdue.length}</Tag> : tr('无', 'none'),
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">
          {tr(`${year} 年度目录尚未公布。`, `The ${year} catalog has not been published.`)}
        </Typography.Text>
      )}

      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {tr('目录版本', 'Catalog versions')}
      </Typography.Title>
      <Table<CatalogVersion>
        rowKey="version"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={versions}
        locale={{ emptyText: tr('本年度尚无目录。', 'No catalog for this year yet.') }}
        columns={[
          { title: tr('版本', 'Version'), dataIndex: 'version' },
          { title: tr('状态', 'Status'), dataIndex: 'status', render: (s: string) => <Tag>{status(s)}</Tag> },
          { title: tr('事项数', 'Items'), key: 'n', render: (_, v) => v.items.length },
          {
            title: tr('党委同意', 'Party committee consent'),
            key: 'consent',
            render: (_, v) =>
              v.partyConsent
                ? `${v.partyConsent.by}${v.partyConsent.meeting ?? ''}（${v.partyConsent.reference}）`
                : '—',
          },
          { title: tr('公布时间', 'Published'), dataIndex: 'publishedAt', render: (v: string | null) => formatTime(v) },
        ]}
      />

      {draft ? (
        <DraftVersion draft={draft} kind={kind} act={act} changeItem={changeItem} roles={roles} />
      ) : !roles.office ? null : (
        <Form
          layout="inline"
          name="catalogDraft"
          aria-label={tr('新建目录草稿', 'Open a draft catalog')}
          onFinish={(v: { title: string; reason: string }) =>
            void act('versions', v, tr('已新建目录草稿', 'Draft opened'))
          }
        >
          <Form.Item
            name="title"
            label={tr('目录名称', 'Title')}
            rules={[{ required: true, message: tr('请填写目录名称', 'Give a title') }]}
          >
            <Input style={{ minWidth: 240 }} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={tr('理由', 'Reason')}
            rules={[{ required: true, message: tr('请填写理由', 'Give a reason') }]}
          >
            <Input style={{ minWidth: 240 }} />
          </Form.Item>
          <Button htmlType="submit">{tr('新建草稿', 'Open a draft')}</Button>
        </Form>
      )}
    </Space>
  );
}

function DraftVersion({
  draft,
  kind,
  act,
  changeItem,
  roles,
}: {
  draft: CatalogVersion;
  kind: (k: string) => string;
  act: (path: string, body: unknown, done: string) => Promise<boolean>;
  changeItem: (itemKey: string, body: unknown, done: string) => Promise<boolean>;
  /** The office edits and publishes the draft; a leader records the Party committee's consent to it. */
  roles: { office: boolean; leader: boolean };
}) {
  const tr = useTr();
  const [itemForm] = Form.useForm();
  const key = Form.useWatch('itemKey', itemForm) as string | undefined;
  const changing = draft.items.some((i) => i.itemKey === key);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
        {tr(`草稿（第 ${draft.version} 版）`, `Draft (version ${draft.version})`)}
      </Typography.Title>
      <Descriptions size="small" column={1}>
        {draft.items.map((i) => (
          <Descriptions.Item key={i.itemKey} label={i.itemKey}>
            {i.title}（{kind(i.kind)}）
            {roles.office && (
              <Button
                type="link"
                size="small"
                onClick={() =>
                  itemForm.setFieldsValue({
                    itemKey: i.itemKey,
                    title: i.title,
                    kind: i.kind,
                    description: i.description,
                    reason: '',
                  })
                }
              >
                {tr(`修改 ${i.itemKey}`, `Change ${i.itemKey}`)}
              </Button>
            )}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {roles.office && (
        <Form
          form={itemForm}
          layout="vertical"
          name="catalogItem"
          aria-label={tr('增加目录事项', 'Add a catalog item')}
          onFinish={(v: Record<string, string>) => {
            // A key already in the draft changes that item; a new key adds one.
            const { itemKey, ...change } = v;
            const saved = draft.items.some((i) => i.itemKey === itemKey)
              ? changeItem(itemKey, change, tr('已修改事项', 'Item changed'))
              : act('items', v, tr('已增加事项', 'Item added'));
            void saved.then((ok) => ok && itemForm.resetFields());
          }}
        >
          <Space wrap align="start">
            <Form.Item
              name="itemKey"
              label={tr('事项编号', 'Item key')}
              rules={[{ required: true, message: tr('请填写编号', 'Give a key') }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="title"
              label={tr('事项名称', 'Matter')}
              rules={[{ required: true, message: tr('请填写事项名称', 'Name the matter') }]}
            >
              <Input style={{ minWidth: 240 }} />
            </Form.Item>
            <Form.Item
              name="kind"
              label={tr('事项类别', 'Kind')}
              rules={[{ required: true, message: tr('请选择类别', 'Choose a kind') }]}
            >
              <Select
                aria-label={tr('事项类别', 'Kind')}
                style={{ minWidth: 220 }}
                options={IN_SCOPE_MATTER_KINDS.map((k) => ({ value: k, label: kind(k) }))}
              />
            </Form.Item>
          </Space>
          <Form.Item
            name="description"
            label={tr('事项说明', 'Description')}
            rules={[{ required: true, message: tr('请填写说明', 'Describe it') }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={tr('列入理由', 'Why it is listed')}
            rules={[{ required: true, message: tr('请填写理由', 'Give a reason') }]}
          >
            <Input />
          </Form.Item>
          <Button htmlType="submit">
            {changing ? tr('修改事项', 'Change the item') : tr('增加事项', 'Add the item')}
          </Button>
        </Form>
      )}
      {roles.leader && (
        <Form
          layout="inline"
          name="catalogConsent"
          aria-label={tr('记录党委同意', 'Record the Party committee consent')}
          onFinish={(v: { consentBy: string; meeting: string; reference: string }) =>
            void act('party-consent', v, tr('已记录党委同意', 'Consent recorded'))
          }
        >
          <Form.Item
            name="consentBy"
            label={tr('同意机关', 'Consenting body')}
            rules={[{ required: true, message: tr('请填写', 'Required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="meeting"
            label={tr('党委会议', 'Party committee meeting')}
            rules={[{ required: true, message: tr('请填写', 'Required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="reference"
            label={tr('同意文件', 'Reference')}
            rules={[{ required: true, message: tr('请填写', 'Required') }]}
          >
            <Input />
          </Form.Item>
          <Button htmlType="submit">{tr('记录同意', 'Record consent')}</Button>
        </Form>
      )}
      {roles.office && (
        <Form
          layout="inline"
          name="catalogPublish"
          aria-label={tr('公布目录', 'Publish the catalog')}
          onFinish={(v: { reason: string }) => void act('publish', v, tr('目录已公布', 'Catalog published'))}
        >
          <Form.Item
            name="reason"
            label={tr('公布说明', 'Note')}
            rules={[{ required: true, message: tr('请填写', 'Required') }]}
          >
            <Input style={{ minWidth: 240 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" disabled={!draft.partyConsent}>
            {tr('公布目录', 'Publish')}
          </Button>
          {!draft.partyConsent && (
            <Typography.Text type="secondary">
              {tr(
                '须先由领导记录同级党委同意；同意后事项变更的，须重新记录。',
                'A leader records the Party committee’s consent first; a change of an item after it needs it again.',
              )}
            </Typography.Text>
          )}
        </Form>
      )}
    </Space>
  );
}
