import { cite } from '@lawgate/domain';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Space, Typography } from 'antd';
import { Select } from '../select';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { post } from '../api';
import { useLang, useTr } from '../i18n';
import { explain, MATTER_KIND_KEYS, matterKindName } from '../labels';
import type { Answer } from '../api/types';

type Pair = [string, string];

const PROPOSERS: Record<string, Pair> = {
  LEADER: ['政府领导提出', 'A government leader'],
  DEPARTMENT: ['政府工作部门提出', 'A government department'],
  LOWER_GOVERNMENT: ['下一级人民政府提出', 'A lower-level government'],
  DEPUTY_OR_MEMBER: ['人大代表、政协委员建议', "A people's congress deputy or CPPCC member"],
  PUBLIC: ['公民、法人或者其他组织建议', 'A citizen or organisation'],
};

const FLAGS: [string, Pair][] = [
  ['professional', ['专业性、技术性较强，需要专家论证', 'Professional or technical: experts argue it']],
  [
    'riskFlagged',
    ['可能对社会稳定、公共安全等方面造成不利影响，需要风险评估', 'May affect stability or safety: risk assessment'],
  ],
  ['wideConcern', ['社会公众普遍关注', 'Of wide public concern']],
  ['touchesMarket', ['涉及市场主体经济活动', "Touches market actors' economic activity"]],
  ['exploratoryReform', ['探索性改革事项', 'Exploratory reform']],
  [
    'alsoNormativeDocument',
    ['同时属于行政规范性文件（决策后统一登记、编号、发布）', 'Also a normative document (dual track)'],
  ],
];

interface Values {
  matterCode: string;
  title: string;
  catalogYear?: number;
  catalogItemKey?: string;
  proposer: string;
  problem: string;
  reasonsAndBasis: string;
  preliminarySolution: string;
  necessityAndFeasibility: string;
  kind: string;
  reason: string;
  flags?: string[];
}

/** A drafting department proposes a major administrative decision with its scope classification (A1, G-A1). */
export function NewMajorDecisionPage() {
  const { lang } = useLang();
  const tr = useTr();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = (p: Pair) => p[lang === 'en' ? 1 : 0];
  const required = (label: string) => [
    { required: true, whitespace: true, message: tr(`请填写${label}`, `${label} is required`) },
  ];

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const flags = new Set(v.flags ?? []);
    try {
      const snapshot = await post<Answer<'/api/procedures/major-decisions', 'post'>>(
        '/api/procedures/major-decisions',
        {
          matterCode: v.matterCode.trim(),
          title: v.title.trim(),
          ...(v.catalogYear && v.catalogItemKey
            ? { catalogYear: v.catalogYear, catalogItemKey: v.catalogItemKey.trim() }
            : {}),
          proposal: {
            proposer: v.proposer,
            problem: v.problem,
            reasonsAndBasis: v.reasonsAndBasis,
            preliminarySolution: v.preliminarySolution,
            necessityAndFeasibility: v.necessityAndFeasibility,
          },
          classification: {
            kind: v.kind,
            reason: v.reason,
            ...Object.fromEntries(FLAGS.map(([flag]) => [flag, flags.has(flag)])),
          },
        },
      );
      navigate(`/procedures/${snapshot.procedureId}`);
    } catch (err) {
      setError(explain(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={tr('提出重大行政决策事项', 'Propose a major administrative decision')} size="small">
      <Typography.Paragraph type="secondary">
        {tr(
          `依据${cite('D713/3')}认定事项范围；不属于该条第一款的事项不能进入本程序。`,
          'Scope under Art 3 of State Council Decree 713; a matter outside Art 3 §1 cannot enter this procedure.',
        )}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form<Values> name="majorDecision" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="matterCode"
          label={tr('事项编号', 'Matter code')}
          rules={[
            ...required(tr('事项编号', 'Matter code')),
            {
              pattern: /^[A-Za-z0-9._-]{1,64}$/,
              message: tr('事项编号只能包含字母、数字、点、下划线和连字符', 'Letters, digits, . _ and - only'),
            },
          ]}
        >
          <Input placeholder="2026-JD-01" />
        </Form.Item>
        <Form.Item name="title" label={tr('事项名称', 'Title')} rules={required(tr('事项名称', 'Title'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="catalogYear" label={tr('目录年度（列入目录的事项）', 'Catalog year (listed matters)')}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="catalogItemKey" label={tr('目录事项编号', 'Catalog item key')}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="proposer" label={tr('提出主体', 'Proposed by')} rules={required(tr('提出主体', 'Proposer'))}>
          <Select
            aria-label={tr('提出主体', 'Proposed by')}
            options={Object.entries(PROPOSERS).map(([value, p]) => ({ value, label: pick(p) }))}
          />
        </Form.Item>
        <Form.Item
          name="problem"
          label={tr('拟解决的问题', 'Problem to solve')}
          rules={required(tr('拟解决的问题', 'Problem'))}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="reasonsAndBasis"
          label={tr('决策理由和依据', 'Reasons and legal basis')}
          rules={required(tr('决策理由和依据', 'Reasons and basis'))}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="preliminarySolution"
          label={tr('初步解决方案', 'Preliminary solution')}
          rules={required(tr('初步解决方案', 'Preliminary solution'))}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="necessityAndFeasibility"
          label={tr('必要性和可行性', 'Necessity and feasibility')}
          rules={required(tr('必要性和可行性', 'Necessity and feasibility'))}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="kind" label={tr('事项类别', 'Kind of matter')} rules={required(tr('事项类别', 'Kind'))}>
          <Select
            aria-label={tr('事项类别', 'Kind of matter')}
            options={MATTER_KIND_KEYS.map((value) => ({ value, label: matterKindName(value, lang) }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={tr('认定理由', 'Why this kind')} rules={required(tr('认定理由', 'Reason'))}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="flags" label={tr('事项特点', 'The matter is')}>
          <Checkbox.Group>
            <Space direction="vertical">
              {FLAGS.map(([flag, p]) => (
                <Checkbox key={flag} value={flag}>
                  {pick(p)}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {tr('提出决策事项', 'Propose')}
          </Button>
          <Button onClick={() => navigate('/drafting')}>{tr('取消', 'Cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
