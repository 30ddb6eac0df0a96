import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { DECISION_KINDS, MEASURES, STATUTORY_GROUNDS } from '@lawgate/domain';
import { post } from '../../api';
import { useLang, useTr } from '../../i18n';
import { explain } from '../../labels';
import { Select } from '../../select';

type Pair = [string, string];

const KINDS: Record<string, Pair> = {
  PENALTY: ['行政处罚', 'Penalty'],
  PERMIT: ['行政许可', 'Permit'],
  COERCION: ['行政强制', 'Coercion'],
  INSPECTION: ['行政检查', 'Inspection'],
  LEVY: ['行政征收征用', 'Levy'],
  OTHER: ['其他', 'Other'],
};
const MEASURE_NAMES: Record<string, Pair> = {
  FINE: ['罚款', 'Fine'],
  CONFISCATION: ['没收违法所得、非法财物', 'Confiscation'],
  LICENCE_REVOCATION: ['吊销许可证件', 'Licence revoked'],
  SUSPENSION_OR_CLOSURE: ['责令停产停业、关闭', 'Suspension or closure'],
  SEIZURE_OR_SEALING: ['查封、扣押', 'Seizure or sealing'],
  PERMIT: ['准予或不予许可', 'Permit granted or refused'],
  LEVY: ['征收征用', 'Levy'],
  OTHER: ['其他', 'Other'],
};
const GROUNDS: Record<string, Pair> = {
  MAJOR_PUBLIC_INTEREST: ['涉及重大公共利益', 'Major public interest'],
  MAJOR_SOCIAL_IMPACT: ['可能造成重大社会影响或引发社会风险', 'Major social impact or risk'],
  MAJOR_RIGHTS_AFTER_HEARING: ['直接关系当事人或第三人重大权益，经过听证程序', 'Major rights, after a hearing'],
  COMPLEX_SEVERAL_RELATIONS: ['案件情况疑难复杂，涉及多个法律关系', 'Complex, several legal relationships'],
  OTHER_BY_LAW: ['法律、法规规定的其他情形', 'Other cases set by law'],
};

interface Values {
  caseNumber: string;
  title: string;
  decisionKind: string;
  measure: string;
  field: string;
  amountYuan?: number;
  statutoryGrounds?: string[];
  complexOrSerious?: boolean;
  caseHandlers: string[];
}

/** A case unit opens the legal review of a major enforcement case (C1–C2): catalog item or statutory ground. */
export function NewEnforcementReviewPage() {
  const { lang } = useLang();
  const tr = useTr();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const pick = (p: Pair | undefined, key: string) => (p ? p[lang === 'en' ? 1 : 0] : key);
  const required = (label: string) => [{ required: true, message: tr(`请填写${label}`, `${label} is required`) }];

  const submit = async (v: Values) => {
    setError(null);
    try {
      const snapshot = await post<{ procedureId: string }>('/api/procedures/enforcement-reviews', {
        ...v,
        amountYuan: v.amountYuan ?? 0,
        statutoryGrounds: v.statutoryGrounds ?? [],
        complexOrSerious: v.complexOrSerious ?? false,
      });
      navigate(`/procedures/${snapshot.procedureId}`);
    } catch (err) {
      setError(explain(err));
    }
  };

  return (
    <Card title={tr('重大执法决定法制审核：送审立项', 'Major enforcement decision review: open a case')}>
      <Typography.Paragraph type="secondary">
        {tr(
          '依据国办发〔2018〕118号和《行政处罚法》第五十八条：列入本部门重大执法决定目录清单或符合法定情形的，作出决定前应当进行法制审核。',
          'Under 国办发〔2018〕118号 and Art 58 of the Administrative Penalty Law, a decision listed in the department catalog or on a statutory ground is reviewed before it is taken.',
        )}
      </Typography.Paragraph>
      {error && <Alert type="error" message={error} showIcon role="alert" style={{ marginBottom: 12 }} />}
      <Form<Values> name="enforcementReview" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="caseNumber" label={tr('立案号', 'Case number')} rules={required(tr('立案号', 'Case number'))}>
          <Input />
        </Form.Item>
        <Form.Item name="title" label={tr('案件名称', 'Case title')} rules={required(tr('案件名称', 'Case title'))}>
          <Input />
        </Form.Item>
        <Form.Item
          name="decisionKind"
          label={tr('执法决定类型', 'Decision kind')}
          rules={required(tr('执法决定类型', 'Decision kind'))}
        >
          <Select
            aria-label={tr('执法决定类型', 'Decision kind')}
            options={DECISION_KINDS.map((k) => ({ value: k, label: pick(KINDS[k], k) }))}
          />
        </Form.Item>
        <Form.Item name="measure" label={tr('拟采取的措施', 'Measure')} rules={required(tr('拟采取的措施', 'Measure'))}>
          <Select
            aria-label={tr('拟采取的措施', 'Measure')}
            options={MEASURES.map((k) => ({ value: k, label: pick(MEASURE_NAMES[k], k) }))}
          />
        </Form.Item>
        <Form.Item name="field" label={tr('执法领域', 'Field')} rules={required(tr('执法领域', 'Field'))}>
          <Input placeholder="市场监管" />
        </Form.Item>
        <Form.Item name="amountYuan" label={tr('罚没或征收金额（元）', 'Amount (yuan)')}>
          <InputNumber aria-label={tr('金额', 'Amount')} min={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="statutoryGrounds" label={tr('法定情形（目录以外）', 'Statutory grounds (beside the catalog)')}>
          <Checkbox.Group options={STATUTORY_GROUNDS.map((g) => ({ value: g, label: pick(GROUNDS[g], g) }))} />
        </Form.Item>
        <Form.Item name="complexOrSerious" valuePropName="checked">
          <Checkbox>
            {tr('情节复杂或者重大违法行为（须集体讨论）', 'Complex or serious (collective discussion)')}
          </Checkbox>
        </Form.Item>
        <Form.Item
          name="caseHandlers"
          label={tr('承办执法人员（用户名，至少两人）', 'Case handlers (usernames, at least two)')}
          rules={required(tr('承办执法人员', 'Case handlers'))}
          extra={tr('输入后按回车', 'Type and press Enter')}
        >
          <Select aria-label={tr('承办执法人员', 'Case handlers')} mode="tags" open={false} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {tr('立项并进入送审', 'Open the review')}
        </Button>
      </Form>
    </Card>
  );
}
