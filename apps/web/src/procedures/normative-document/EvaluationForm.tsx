import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { Select } from '../../select';
import { newIdempotencyKey, post } from '../../api';
import { useLang, useTr } from '../../i18n';
import { explain, formatTime, stageName } from '../../labels';
import type { ProcedureSnapshot, Task } from '../../api/types';

type Decision = 'CONTINUE' | 'AMEND' | 'EXPIRE';

/** The office's evaluation before expiry: continue with a new validity, amend, or let it expire, with the reason. */
export function EvaluationForm({
  task,
  live,
  onDone,
  onSigned,
}: {
  task: Task;
  live: ProcedureSnapshot | null;
  onDone: () => Promise<void>;
  onSigned?: (message: string) => void;
}) {
  const { lang } = useLang();
  const tr = useTr();
  const [form] = Form.useForm<{ decision: Decision; reason: string; validUntil?: string }>();
  const decision = Form.useWatch('decision', form);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const submit = async (v: { decision: Decision; reason: string; validUntil?: string }) => {
    setError(null);
    try {
      const s = await post<ProcedureSnapshot>(
        `/api/procedures/${task.procedureId}/steps/evaluation`,
        {
          decision: v.decision,
          reason: v.reason.trim(),
          ...(v.decision === 'CONTINUE' && v.validUntil?.trim() ? { validUntil: v.validUntil.trim() } : {}),
        },
        newIdempotencyKey(),
      );
      const until = s.expiresAt ? formatTime(s.expiresAt) : '';
      const text =
        v.decision === 'CONTINUE'
          ? tr(`评估决定继续施行，有效期至 ${until}。`, `Evaluated: it continues, valid until ${until}.`)
          : tr(
              `已记录评估决定。程序现处于“${stageName(s.stage, lang)}”阶段。`,
              `Evaluation decided. The procedure is now in "${stageName(s.stage, lang)}".`,
            );
      setResult(text);
      onSigned?.(text);
      await onDone();
    } catch (err) {
      setError(explain(err, lang));
    }
  };
  const expires = live?.expiresAt ?? live?.validity?.expiresAt;
  return (
    <Card size="small" title={tr(`办理：${task.title}`, `Handle: ${task.title}`)}>
      {result && <Alert type="success" showIcon message={result} role="status" />}
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      {!result && (
        <Form
          form={form}
          layout="vertical"
          aria-label={tr('届满前评估', 'Evaluation before expiry')}
          onFinish={(v) => void submit(v)}
        >
          {expires && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={tr(`现有效期至 ${formatTime(expires)}`, `Now valid until ${formatTime(expires)}`)}
            />
          )}
          <Form.Item
            label={tr('评估决定', 'Decision')}
            name="decision"
            rules={[{ required: true, message: tr('请选择', 'Choose one') }]}
          >
            <Select
              aria-label={tr('评估决定', 'Decision')}
              options={[
                { value: 'CONTINUE', label: tr('继续施行', 'Continue') },
                { value: 'AMEND', label: tr('予以修订', 'Amend') },
                { value: 'EXPIRE', label: tr('届满失效', 'Let it expire') },
              ]}
            />
          </Form.Item>
          {decision === 'CONTINUE' && (
            <Form.Item
              label={tr('新的有效期至（留空按政策年限）', "New validity until (empty for the policy's years)")}
              name="validUntil"
              rules={[
                {
                  pattern: /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/,
                  message: tr('日期格式如 2031-12-31', 'A date like 2031-12-31'),
                },
              ]}
            >
              <Input placeholder="2031-12-31" />
            </Form.Item>
          )}
          <Form.Item
            label={tr('评估理由', 'Reasons')}
            name="reason"
            rules={[{ required: true, whitespace: true, min: 2, message: tr('请填写理由', 'Give the reasons') }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {tr('签署评估决定', 'Sign the evaluation decision')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
