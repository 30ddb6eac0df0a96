import { Alert, Button, Card, Form, Input, Radio, Space, Steps, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get, post } from '../api';
import { useLang } from '../i18n';
import { explain, formatTime, stageName, statusName } from '../labels';
import type { Procedure, ProcedureSnapshot } from '../types';

interface WizardValues {
  procedureKind: 'NORMATIVE_DOCUMENT';
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
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const [wizard, setWizard] = useState(false);
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
        <StartWizard onCancel={() => setWizard(false)} />
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
            { title: '标题', key: 'title', render: (_, p) => <Link to={`/procedures/${p.id}`}>{p.title}</Link> },
            { title: '项目编号', dataIndex: 'projectCode' },
            { title: '阶段', dataIndex: 'stage', render: (s: string) => <Tag>{stageName(s, lang)}</Tag> },
            { title: '状态', dataIndex: 'status', render: (s: string) => statusName(s) },
            { title: '更新', dataIndex: 'updatedAt', render: (v: string) => formatTime(v) },
          ]}
        />
      </Card>
    </Space>
  );
}

function StartWizard({ onCancel }: { onCancel: () => void }) {
  const [form] = Form.useForm<WizardValues>();
  const [current, setCurrent] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();

  const next = async () => {
    try {
      await form.validateFields(STEP_FIELDS[current]);
      // A major decision has its own proposal and scope classification, asked on its own page.
      if (current === 0 && form.getFieldValue('procedureKind') === 'MAJOR_DECISION') {
        navigate('/drafting/major-decisions/new');
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
      });
      navigate(`/procedures/${snapshot.procedureId}`);
    } catch (err) {
      setError(explain(err));
    } finally {
      setBusy(false);
    }
  };

  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Card title="启动程序" size="small">
      <Steps
        current={current}
        size="small"
        responsive
        items={[{ title: '适用程序' }, { title: '项目信息' }, { title: '立项申请' }, { title: '性质认定与确认' }]}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form<WizardValues>
        form={form}
        layout="vertical"
        preserve
        initialValues={{ touchesBusiness: false, alsoMajorDecision: false, issuer: 'GOVERNMENT' }}
      >
        <div hidden={current !== 0}>
          <Form.Item
            label="本事项适用哪一程序？"
            name="procedureKind"
            rules={[{ required: true, message: '请选择适用的程序' }]}
          >
            <Radio.Group>
              <Space direction="vertical">
                <Radio value="NORMATIVE_DOCUMENT">
                  行政规范性文件（涉及公民、法人和其他组织权利义务，具有普遍约束力，反复适用）
                </Radio>
                <Radio value="MAJOR_DECISION">
                  重大行政决策（涉及重大公共利益或社会公众切身利益，列入年度决策事项目录或经认定的事项）
                </Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
        </div>
        <div hidden={current !== 1}>
          <Form.Item
            label="项目编号"
            name="projectCode"
            rules={[
              ...required('请填写项目编号'),
              {
                pattern: /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/,
                message: '项目编号只能包含字母、数字和连字符，如 2026-001',
              },
            ]}
          >
            <Input placeholder="2026-001" />
          </Form.Item>
          <Form.Item
            label="文件名称"
            name="title"
            rules={[...required('请填写文件名称'), { min: 2, max: 200, message: '2至200字' }]}
          >
            <Input />
          </Form.Item>
        </div>
        <div hidden={current !== 2}>
          <Form.Item label="制定必要性" name="necessity" rules={required('请说明制定必要性')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label="制定依据" name="legalBasis" rules={required('请列明制定依据')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label="主要内容" name="mainContent" rules={required('请概述主要内容')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label="是否涉及市场主体（涉企）" name="touchesBusiness" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item label="是否同时属于重大行政决策" name="alsoMajorDecision" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item label="制定机关" name="issuer">
            <Radio.Group
              options={[
                { value: 'GOVERNMENT', label: '区政府' },
                { value: 'DEPARTMENT', label: '本部门' },
              ]}
            />
          </Form.Item>
        </div>
        <div hidden={current !== 3}>
          <Form.Item
            label="为何属于行政规范性文件（对照纳入和排除清单）"
            name="classificationReason"
            rules={[...required('请填写性质认定理由'), { min: 10, message: '至少10个字' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </div>
      </Form>
      <Space>
        <Button onClick={onCancel}>取消</Button>
        {current > 0 && <Button onClick={() => setCurrent(current - 1)}>上一步</Button>}
        {current < 3 && (
          <Button type="primary" onClick={() => void next()}>
            下一步
          </Button>
        )}
        {current === 3 && (
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            提交立项申请
          </Button>
        )}
      </Space>
    </Card>
  );
}
