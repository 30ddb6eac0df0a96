import { Alert, Button, Card, Form, Input, Radio, Space, Steps, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { get, post } from '../api';
import { useLang, useTr } from '../i18n';
import { explain, formatTime, stageName, statusName } from '../labels';
import type { Procedure, ProcedureDetail, ProcedureSnapshot } from '../api/types';
import { PROCEDURE_TYPES } from '@lawgate/domain';
import { WEB_PROCEDURES, webProcedureOf } from '../procedures/registry';

/** This wizard starts a normative document; another type's start page is reached from its first step. */
const WIZARD_PATH = '/drafting';

interface WizardValues {
  procedureKind: string;
  projectCode: string;
  title: string;
  necessity: string;
  legalBasis: string;
  mainContent: string;
  touchesBusiness: boolean;
  alsoMajorDecision: boolean;
  classificationReason: string;
  issuer: 'GOVERNMENT' | 'DEPARTMENT';
}

const STEP_FIELDS: (keyof WizardValues)[][] = [
  ['procedureKind'],
  ['projectCode', 'title'],
  ['necessity', 'legalBasis', 'mainContent', 'touchesBusiness', 'alsoMajorDecision', 'issuer'],
  ['classificationReason'],
];

export function DraftingPage() {
  const { t, lang } = useLang();
  const tr = useTr();
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const [params] = useSearchParams();
  // Started from a document that awaits its amendment: the wizard opens for the linked amendment procedure.
  const amends = params.get('amends');
  const [wizard, setWizard] = useState(!!amends);
  const load = useCallback(async () => setProcedures(await get<Procedure[]>('/api/procedures')), []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t.drafting}
      </Typography.Title>
      {wizard ? (
        <StartWizard amends={amends} onCancel={() => setWizard(false)} />
      ) : (
        <Button type="primary" onClick={() => setWizard(true)}>
          {t.newProcedure}
        </Button>
      )}
      <Card title={t.myProcedures} size="small">
        <Table<Procedure>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 640 }}
          dataSource={procedures}
          columns={[
            {
              title: tr('标题', 'Title'),
              key: 'title',
              render: (_, p) => <Link to={`/procedures/${p.id}`}>{p.title}</Link>,
            },
            { title: tr('项目编号', 'Project code'), dataIndex: 'projectCode' },
            { title: t.stage, dataIndex: 'stage', render: (s: string) => <Tag>{stageName(s, lang)}</Tag> },
            { title: tr('状态', 'Status'), dataIndex: 'status', render: (s: string) => statusName(s, lang) },
            { title: tr('更新', 'Updated'), dataIndex: 'updatedAt', render: (v: string) => formatTime(v) },
          ]}
        />
      </Card>
    </Space>
  );
}

function StartWizard({ amends, onCancel }: { amends: string | null; onCancel: () => void }) {
  const [form] = Form.useForm<WizardValues>();
  const [current, setCurrent] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [amended, setAmended] = useState<ProcedureDetail | null>(null);
  const navigate = useNavigate();
  const { lang } = useLang();
  const tr = useTr();

  useEffect(() => {
    if (!amends) return;
    get<ProcedureDetail>(`/api/procedures/${amends}`)
      .then((old) => {
        setAmended(old);
        const issuer = (old.live as { issuer?: WizardValues['issuer'] } | null)?.issuer;
        form.setFieldsValue({ procedureKind: old.type, title: `${old.title}（修订）`, ...(issuer ? { issuer } : {}) });
        setCurrent(1);
      })
      .catch((err: unknown) => setError(explain(err, lang)));
  }, [amends, form, lang]);

  const next = async () => {
    try {
      await form.validateFields(STEP_FIELDS[current]);
      // A major decision has its own proposal and scope classification, asked on its own page.
      const chosen = webProcedureOf(String(form.getFieldValue('procedureKind')));
      if (current === 0 && chosen && chosen.startPath !== WIZARD_PATH) {
        navigate(chosen.startPath);
        return;
      }
      setCurrent(current + 1);
    } catch {
      // the form shows what is missing, next to each field
    }
  };

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const v = form.getFieldsValue(true) as WizardValues;
    setBusy(true);
    setError(null);
    try {
      const snapshot = await post<ProcedureSnapshot>('/api/procedures/normative-documents', {
        projectCode: v.projectCode.trim(),
        title: v.title.trim(),
        application: {
          necessity: v.necessity,
          legalBasis: v.legalBasis,
          mainContent: v.mainContent,
          touchesBusiness: !!v.touchesBusiness,
          alsoMajorDecision: !!v.alsoMajorDecision,
          classificationReason: v.classificationReason,
          issuer: v.issuer,
        },
        ...(amends ? { amends } : {}),
      });
      navigate(`/procedures/${snapshot.procedureId}`);
    } catch (err) {
      setError(explain(err, lang));
    } finally {
      setBusy(false);
    }
  };

  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Card title={tr('启动程序', 'Start a procedure')} size="small">
      <Steps
        current={current}
        size="small"
        responsive
        items={[
          { title: tr('适用程序', 'Procedure') },
          { title: tr('项目信息', 'Project') },
          { title: tr('立项申请', 'Application') },
          { title: tr('性质认定与确认', 'Classification and confirmation') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      {amended && (
        <Alert
          type="info"
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          message={tr(
            `修订《${amended.title}》：新文件施行时取代原文件。`,
            `Amending "${amended.title}": the new document replaces it when it takes effect.`,
          )}
        />
      )}
      <Form<WizardValues>
        form={form}
        layout="vertical"
        preserve
        initialValues={{ touchesBusiness: false, alsoMajorDecision: false, issuer: 'GOVERNMENT' }}
      >
        <div hidden={current !== 0}>
          <Form.Item
            label={tr('本事项适用哪一程序？', 'Which procedure applies to this matter?')}
            name="procedureKind"
            rules={[{ required: true, message: tr('请选择适用的程序', 'Choose the procedure that applies') }]}
          >
            <Radio.Group>
              <Space direction="vertical">
                {PROCEDURE_TYPES.map((type) => (
                  <Radio key={type} value={type}>
                    {tr(...WEB_PROCEDURES[type].appliesTo)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        </div>
        <div hidden={current !== 1}>
          <Form.Item
            label={tr('项目编号', 'Project code')}
            name="projectCode"
            rules={[
              ...required(tr('请填写项目编号', 'Give the project code')),
              {
                pattern: /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/,
                message: tr(
                  '项目编号只能包含字母、数字和连字符，如 2026-001',
                  'A project code has letters, digits and hyphens only, e.g. 2026-001',
                ),
              },
            ]}
          >
            <Input placeholder="2026-001" />
          </Form.Item>
          <Form.Item
            label={tr('文件名称', 'Title')}
            name="title"
            rules={[
              ...required(tr('请填写文件名称', 'Give the title')),
              { min: 2, max: 200, message: tr('2至200字', '2 to 200 characters') },
            ]}
          >
            <Input />
          </Form.Item>
        </div>
        <div hidden={current !== 2}>
          <Form.Item
            label={tr('制定必要性', 'Necessity')}
            name="necessity"
            rules={required(tr('请说明制定必要性', 'Explain why the document is needed'))}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item
            label={tr('制定依据', 'Legal basis')}
            name="legalBasis"
            rules={required(tr('请列明制定依据', 'List the legal basis'))}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item
            label={tr('主要内容', 'Main content')}
            name="mainContent"
            rules={required(tr('请概述主要内容', 'Summarise the main content'))}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item
            label={tr('是否涉及市场主体（涉企）', 'Does it concern market actors (businesses)?')}
            name="touchesBusiness"
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Form.Item
            label={tr('是否同时属于重大行政决策', 'Is it also a major administrative decision?')}
            name="alsoMajorDecision"
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Form.Item label={tr('制定机关', 'Issuer')} name="issuer">
            <Radio.Group
              options={[
                { value: 'GOVERNMENT', label: tr('区政府', 'District government') },
                { value: 'DEPARTMENT', label: tr('本部门', 'My department') },
              ]}
            />
          </Form.Item>
        </div>
        <div hidden={current !== 3}>
          <Form.Item
            label={tr(
              '为何属于行政规范性文件（对照纳入和排除清单）',
              'Why it is a normative document (against the inclusion and exclusion lists)',
            )}
            name="classificationReason"
            rules={[
              ...required(tr('请填写性质认定理由', 'Give the reason for the classification')),
              { min: 10, message: tr('至少10个字', 'At least 10 characters') },
            ]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </div>
      </Form>
      <Space>
        <Button onClick={onCancel}>{tr('取消', 'Cancel')}</Button>
        {current > 0 && <Button onClick={() => setCurrent(current - 1)}>{tr('上一步', 'Back')}</Button>}
        {current < 3 && (
          <Button type="primary" onClick={() => void next()}>
            {tr('下一步', 'Next')}
          </Button>
        )}
        {current === 3 && (
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            {tr('提交立项申请', 'Submit the application')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
