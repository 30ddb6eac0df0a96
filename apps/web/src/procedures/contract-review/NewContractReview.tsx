import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { CONTRACT_BASES, CONTRACT_KINDS } from '@lawgate/domain';
import { api, post } from '../../api';
import { useLang, useTr } from '../../i18n';
import { explain } from '../../labels';
import { Select } from '../../select';

type Pair = [string, string];

const KINDS: Record<string, Pair> = {
  STATE_ASSETS: ['国有资产投资、建设、租赁、转让', 'State assets'],
  NATURAL_RESOURCES: ['自然资源使用权出让', 'Natural-resource use rights'],
  FRANCHISE_PPP: ['特许经营、政府和社会资本合作', 'Franchise or PPP'],
  EXPROPRIATION: ['征收征用补偿', 'Expropriation compensation'],
  COMMISSIONED_SERVICES: ['委托研究、咨询、服务', 'Commissioned services'],
  INVESTMENT_ATTRACTION: ['招商引资', 'Investment attraction'],
  INTERGOVERNMENTAL: ['政府间合作', 'Inter-government cooperation'],
  PROCUREMENT: ['政府采购合同', 'Procurement contract'],
  OTHER: ['其他', 'Other'],
};
const BASES: Record<string, Pair> = {
  PROCUREMENT: ['政府采购', 'Procurement'],
  TENDER: ['招标投标', 'Tender'],
  APPROVAL: ['批准（审批）', 'Approval'],
  NEGOTIATION: ['协商（直接磋商）', 'Negotiation'],
};
const TYPES: Record<string, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

interface Values {
  contractNumber: string;
  title: string;
  kind: string;
  basis: string;
  counterpart: string;
  counterpartSme?: boolean;
  administrativeAgreement?: boolean;
  amountYuan: number;
  termStart: string;
  termEnd: string;
  voluntaryReview?: boolean;
  majorDecisionId?: string;
  note?: string;
}

/**
 * The contracting unit submits a government contract for its legality review (D1–D4): the draft contract with its
 * basis (procurement, tender, approval), counterpart, amount and term, and its file. The page starts the review,
 * uploads the draft and submits it, so that the review task reaches the reviewer at once.
 */
export function NewContractReviewPage() {
  const { lang } = useLang();
  const tr = useTr();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = (p: Pair | undefined, key: string) => (p ? p[lang === 'en' ? 1 : 0] : key);
  const required = (label: string) => [{ required: true, message: tr(`请填写${label}`, `${label} is required`) }];

  const submit = async (v: Values) => {
    setError(null);
    const ext = file?.name.split('.').pop()?.toLowerCase() ?? '';
    const contentType = file ? (file.type && Object.values(TYPES).includes(file.type) ? file.type : TYPES[ext]) : null;
    if (!file || !contentType) {
      return setError(
        tr('请选择合同草案文件（txt、md、pdf 或 docx）。', 'Choose the draft contract file (txt, md, pdf or docx).'),
      );
    }
    setBusy(true);
    let procedureId: string | null = null;
    try {
      const started = await post<{ procedureId: string }>('/api/procedures/contract-reviews', {
        contractNumber: v.contractNumber,
        title: v.title,
        kind: v.kind,
        basis: v.basis,
        counterpart: v.counterpart,
        counterpartSme: v.counterpartSme ?? false,
        administrativeAgreement: v.administrativeAgreement ?? false,
        amountYuan: v.amountYuan,
        termStart: v.termStart,
        termEnd: v.termEnd,
        ...(v.voluntaryReview ? { voluntaryReview: true } : {}),
        ...(v.majorDecisionId?.trim() ? { majorDecisionId: v.majorDecisionId.trim() } : {}),
      });
      procedureId = started.procedureId;
      await api('POST', `/api/procedures/${procedureId}/documents/DRAFT`, {
        raw: { data: file, contentType, headers: { 'x-filename': encodeURIComponent(file.name) } },
      });
      await post(`/api/procedures/${procedureId}/steps/submit`, { note: v.note?.trim() || '送审' });
      navigate(`/procedures/${procedureId}`);
    } catch (err) {
      // A review started whose upload or submission failed is finished on its procedure page.
      setError(
        explain(err, lang) +
          (procedureId
            ? tr('（审查已立项，请在程序页面继续。）', ' (The review was opened: go on from its page.)')
            : ''),
      );
      if (procedureId) navigate(`/procedures/${procedureId}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={tr('政府合同合法性审查：送审', 'Government contract legality review: submit a contract')}>
      <Typography.Paragraph type="secondary">
        {tr(
          '合同承办单位在签订前提交合同草案及其依据、相对人、金额和期限；达到金额标准或属于应审查类型的合同未经合法性审查不得签订。',
          'The contracting unit submits the draft contract with its basis, counterpart, amount and term before signing; a contract above the threshold or of a listed kind is not signed without a legality review.',
        )}
      </Typography.Paragraph>
      {error && <Alert type="error" message={error} showIcon role="alert" style={{ marginBottom: 12 }} />}
      <Form<Values>
        name="contractReview"
        aria-label={tr('合同送审', 'Contract submission')}
        layout="vertical"
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="contractNumber"
          label={tr('合同编号', 'Contract number')}
          rules={required(tr('合同编号', 'Contract number'))}
        >
          <Input placeholder="HT-2026-001" />
        </Form.Item>
        <Form.Item
          name="title"
          label={tr('合同名称', 'Contract title')}
          rules={required(tr('合同名称', 'Contract title'))}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={tr('合同类型', 'Kind')} rules={required(tr('合同类型', 'Kind'))}>
          <Select
            aria-label={tr('合同类型', 'Kind')}
            options={CONTRACT_KINDS.map((k) => ({ value: k, label: pick(KINDS[k], k) }))}
          />
        </Form.Item>
        <Form.Item name="basis" label={tr('订立依据', 'Basis')} rules={required(tr('订立依据', 'Basis'))}>
          <Select
            aria-label={tr('订立依据', 'Basis')}
            options={CONTRACT_BASES.map((k) => ({ value: k, label: pick(BASES[k], k) }))}
          />
        </Form.Item>
        <Form.Item
          name="counterpart"
          label={tr('合同相对人', 'Counterpart')}
          rules={required(tr('合同相对人', 'Counterpart'))}
        >
          <Input />
        </Form.Item>
        <Form.Item name="counterpartSme" valuePropName="checked">
          <Checkbox>{tr('相对人为中小企业', 'The counterpart is a small or medium-sized enterprise')}</Checkbox>
        </Form.Item>
        <Form.Item name="administrativeAgreement" valuePropName="checked">
          <Checkbox>{tr('属于行政协议', 'An administrative agreement')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={tr('合同金额（元）', 'Amount (yuan)')}
          rules={required(tr('合同金额', 'Amount'))}
        >
          <InputNumber
            aria-label={tr('合同金额（元）', 'Amount (yuan)')}
            min={0}
            precision={0}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="termStart" label={tr('期限起', 'Term from')} rules={required(tr('期限起', 'Term from'))}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="termEnd" label={tr('期限止', 'Term to')} rules={required(tr('期限止', 'Term to'))}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="voluntaryReview" valuePropName="checked">
          <Checkbox>{tr('未达审查标准，自愿送审', 'Below the threshold: ask for a voluntary review')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="majorDecisionId"
          label={tr('所属重大行政决策（编号，可选）', 'Major decision it belongs to (ID, optional)')}
          extra={tr(
            '合同本身属于重大行政决策的，填写该决策程序编号：决策经集体讨论决定通过后方可签订。',
            'Where the contract is itself a major decision, give that procedure’s ID: it is signed only after the decision is adopted.',
          )}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label={tr('合同草案文件（txt、md、pdf、docx）', 'Draft contract file (txt, md, pdf, docx)')}
          required
        >
          <input
            type="file"
            aria-label={tr('合同草案文件', 'Draft contract file')}
            accept=".txt,.md,.pdf,.docx"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Form.Item>
        <Form.Item name="note" label={tr('送审说明', 'Note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {tr('提交审查', 'Submit for review')}
        </Button>
      </Form>
    </Card>
  );
}
