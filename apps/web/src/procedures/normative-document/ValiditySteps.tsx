import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { newIdempotencyKey, post } from '../../api';
import { useLang, useTr } from '../../i18n';
import { explain, formatTime } from '../../labels';
import type { ProcedureSnapshot } from '../../api/types';

/** The stages in which the drafter may set the effective date: from drafting until publication. */
export const EFFECTIVE_DATE_STAGES = [
  'DRAFTING',
  'FAIR_COMPETITION_REVIEW',
  'PUBLIC_COMMENT',
  'OWN_LEGALITY_CHECK',
  'MATERIALS_CHECK',
  'LEGALITY_REVIEW',
  'REVISION',
  'DELIBERATION',
  'REGISTRATION',
  'PUBLICATION',
];

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

/** The document's effective date and validity as the procedure holds them. */
export function ValiditySummary({ live }: { live: ProcedureSnapshot }) {
  const tr = useTr();
  const v = live.validity;
  if (!v) return null;
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={tr('施行日期', 'Effective date')}>
        {v.effectiveDate ?? tr('未设定（按政策最早日期施行）', 'Not set (the earliest the policy allows)')}
      </Descriptions.Item>
      <Descriptions.Item label={tr('有效期至', 'Valid until')}>
        {v.expiresAt ? formatTime(v.expiresAt) : (v.validUntil ?? tr('按政策年限', "The policy's years"))}
      </Descriptions.Item>
      {v.earlyEffectReason && (
        <Descriptions.Item label={tr('提前施行理由', 'Reason for the early effect')}>
          {v.earlyEffectReason}
        </Descriptions.Item>
      )}
      {v.continuations.map((c) => (
        <Descriptions.Item key={c.decidedAt} label={tr('评估后继续施行至', 'Continued after evaluation until')}>
          {c.validUntil}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** The drafter's 施行日期, an optional shorter validity, and why it takes effect early when it does. */
export function EffectiveDateForm({ live, onDone }: { live: ProcedureSnapshot; onDone: () => Promise<void> }) {
  const { message } = App.useApp();
  const { lang } = useLang();
  const tr = useTr();
  const [error, setError] = useState<string | null>(null);
  const dateRule = {
    pattern: DATE,
    message: tr('日期格式如 2027-01-01', 'A date like 2027-01-01'),
  };
  const submit = async (v: { effectiveDate: string; validUntil?: string; earlyEffectReason?: string }) => {
    setError(null);
    try {
      await post<ProcedureSnapshot>(
        `/api/procedures/${live.procedureId}/steps/effective-date`,
        {
          effectiveDate: v.effectiveDate.trim(),
          ...(v.validUntil?.trim() ? { validUntil: v.validUntil.trim() } : {}),
          ...(v.earlyEffectReason?.trim() ? { earlyEffectReason: v.earlyEffectReason.trim() } : {}),
        },
        newIdempotencyKey(),
      );
      void message.success(tr('已设定施行日期', 'Effective date set'));
      await onDone();
    } catch (err) {
      setError(explain(err, lang));
    }
  };
  return (
    <Card size="small" title={tr('施行日期与有效期', 'Effective date and validity')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <ValiditySummary live={live} />
        {error && <Alert type="error" showIcon message={error} role="alert" />}
        <Form
          layout="vertical"
          aria-label={tr('设定施行日期', 'Set the effective date')}
          onFinish={(v: { effectiveDate: string; validUntil?: string; earlyEffectReason?: string }) => void submit(v)}
        >
          <Form.Item
            label={tr('施行日期', 'Effective date')}
            name="effectiveDate"
            rules={[{ required: true, message: tr('请填写施行日期', 'Give the effective date') }, dateRule]}
          >
            <Input placeholder="2027-01-01" />
          </Form.Item>
          <Form.Item
            label={tr(
              '有效期至（可选，短于政策年限时填写）',
              "Valid until (optional, when shorter than the policy's years)",
            )}
            name="validUntil"
            rules={[dateRule]}
          >
            <Input placeholder="2029-12-31" />
          </Form.Item>
          <Form.Item
            label={tr('提前施行理由', 'Reason for an earlier effect')}
            name="earlyEffectReason"
            extra={tr(
              '施行日期早于政策规定的公布后最早日期时必填，理由随决定记录。',
              'Required when the date is earlier than the policy allows after publication; recorded with the decision.',
            )}
          >
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {tr('设定施行日期', 'Set the effective date')}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}

/** On a document that awaits its amendment: the drafting department starts the linked amendment procedure. */
export function AmendmentStart({ live }: { live: ProcedureSnapshot }) {
  const tr = useTr();
  const navigate = useNavigate();
  const amendment = live.amendment;
  if (!amendment) return null;
  return (
    <Card size="small" title={tr('修订', 'Amendment')}>
      <Space direction="vertical">
        <Typography.Text>
          {amendment.source === 'EVALUATION'
            ? tr('评估决定予以修订：', 'The evaluation decided to amend it: ')
            : tr('清理决定予以修订：', 'A clean-up review decided to amend it: ')}
          {amendment.reason}
        </Typography.Text>
        {amendment.procedureId ? (
          <Link to={`/procedures/${amendment.procedureId}`}>{tr('查看修订程序', 'Open the amendment procedure')}</Link>
        ) : (
          <Button type="primary" onClick={() => navigate(`/drafting?amends=${live.procedureId}`)}>
            {tr('启动修订程序', 'Start the amendment procedure')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
