import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Switch } from 'antd';
import { useState, type ReactNode } from 'react';
import { newIdempotencyKey, post } from '../api';
import { hasRole, useAuth } from '../auth';
import { explain, stageName } from '../labels';
import type { ProcedureSnapshot, Task } from '../types';

/** Forms for the open task the signed-in officer (or leader) holds: the step it waits for, by stage. */
export function OfficerTaskForms({ task, onDone }: { task: Task; onDone: () => Promise<void> }) {
  const { user } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const act = async (path: string, body: unknown) => {
    setError(null);
    try {
      const s = await post<ProcedureSnapshot>(`/api/tasks/${task.id}/${path}`, body, newIdempotencyKey());
      setResult(`已办理。程序现处于“${stageName(s.stage)}”阶段。`);
      await onDone();
    } catch (err) {
      setError(explain(err));
    }
  };
  const officer = hasRole(user, 'LEGAL_AFFAIRS_OFFICER');
  let form: ReactNode = null;
  if (officer && task.stage === 'PROJECT_APPROVAL') {
    form = (
      <Form
        layout="vertical"
        onFinish={(v: { decision: string; opinion?: string }) =>
          void act('project-approval', { decision: v.decision, opinion: v.opinion ?? '' })
        }
      >
        <Form.Item label="立项决定" name="decision" rules={[{ required: true, message: '请选择' }]}>
          <Select
            aria-label="立项决定"
            options={[
              { value: 'APPROVED', label: '同意立项' },
              { value: 'REJECTED', label: '不予立项' },
            ]}
          />
        </Form.Item>
        <Form.Item label="意见（不予立项时必填）" name="opinion">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          签署
        </Button>
      </Form>
    );
  } else if (officer && task.stage === 'MATERIALS_CHECK') {
    form = (
      <Form
        layout="vertical"
        initialValues={{ complete: true }}
        onFinish={(v: { complete: boolean; missing?: string; note?: string }) =>
          void act('materials-check', {
            complete: v.complete,
            missing: v.missing
              ? v.missing
                  .split(/[，,]/)
                  .map((s) => s.trim())
                  .filter(Boolean)
              : undefined,
            note: v.note ?? '',
          })
        }
      >
        <Form.Item label="材料齐全" name="complete" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item label="缺少的材料（逗号分隔）" name="missing">
          <Input />
        </Form.Item>
        <Form.Item label="说明" name="note">
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          提交审查结果
        </Button>
      </Form>
    );
  } else if (officer && task.stage === 'REGISTRATION') {
    form = (
      <Button type="primary" onClick={() => void act('registration', {})}>
        统一登记并编号
      </Button>
    );
  } else if (officer && task.stage === 'PUBLICATION') {
    form = (
      <Form layout="vertical" onFinish={(v: { channel: string; reference: string }) => void act('publication', v)}>
        <Form.Item label="发布渠道" name="channel" rules={[{ required: true, message: '请选择' }]}>
          <Select
            aria-label="发布渠道"
            options={[
              { value: 'GAZETTE', label: '政府公报' },
              { value: 'WEBSITE', label: '政府网站' },
              { value: 'NEWSPAPER', label: '报纸' },
            ]}
          />
        </Form.Item>
        <Form.Item label="网址或公报期号" name="reference" rules={[{ required: true, min: 2, message: '请填写' }]}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          记录发布
        </Button>
      </Form>
    );
  } else if (hasRole(user, 'LEADER') && task.stage === 'DELIBERATION') {
    form = (
      <Form
        layout="vertical"
        onFinish={(v: {
          decision: string;
          meeting: string;
          meetingDate: { format: (f: string) => string };
          minutes: string;
        }) => void act('deliberation', { ...v, meetingDate: v.meetingDate.format('YYYY-MM-DD') })}
      >
        <Form.Item label="审议结果" name="decision" rules={[{ required: true, message: '请选择' }]}>
          <Select
            aria-label="审议结果"
            options={[
              { value: 'ADOPTED', label: '通过' },
              { value: 'RETURNED', label: '退回修改' },
              { value: 'REJECTED', label: '不予通过' },
            ]}
          />
        </Form.Item>
        <Form.Item label="会议" name="meeting" rules={[{ required: true, min: 2, message: '请填写' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="会议日期" name="meetingDate" rules={[{ required: true, message: '请选择' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item label="审议记录" name="minutes" rules={[{ required: true, min: 2, message: '请填写' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          签署
        </Button>
      </Form>
    );
  }
  if (!form) return null;
  return (
    <Card title={`办理：${task.title}`} size="small">
      {result && <Alert type="success" showIcon message={result} role="status" />}
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      {!result && form}
    </Card>
  );
}

/** The legal-affairs office's steps on a procedure in force: filing events and repeal. */
export function OfficerProcedureSteps({ procedureId, onDone }: { procedureId: string; onDone: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const act = async (path: string, body: unknown) => {
    setError(null);
    try {
      await post(`/api/procedures/${procedureId}/${path}`, body, newIdempotencyKey());
      await onDone();
    } catch (err) {
      setError(explain(err));
    }
  };
  return (
    <Card title="备案与废止" size="small">
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      <Space wrap align="start">
        <Form
          layout="inline"
          onFinish={(v: { event: string; note?: string }) =>
            void act('filing-events', { event: v.event, note: v.note ?? '' })
          }
        >
          <Form.Item label="备案事件" name="event" rules={[{ required: true, message: '请选择' }]}>
            <Select
              aria-label="备案事件"
              style={{ width: 160 }}
              options={[
                { value: 'SUBMITTED', label: '已报送' },
                { value: 'CORRECTION_REQUESTED', label: '要求补正' },
                { value: 'RESUBMITTED', label: '已补正报送' },
                { value: 'ACCEPTED', label: '准予备案' },
              ]}
            />
          </Form.Item>
          <Form.Item label="说明" name="note">
            <Input />
          </Form.Item>
          <Button htmlType="submit">记录</Button>
        </Form>
        <Form layout="inline" onFinish={(v: { reason: string }) => void act('repeal', v)}>
          <Form.Item label="废止理由" name="reason" rules={[{ required: true, min: 2, message: '请填写' }]}>
            <Input />
          </Form.Item>
          <Button danger htmlType="submit">
            废止
          </Button>
        </Form>
      </Space>
    </Card>
  );
}
