import { CleanupReviewForm } from './OfficeActions';
import { Alert, Button, Card, DatePicker, Form, Input, Space, Switch, Table, Tag } from 'antd';
import { Select } from '../select';
import { useState, type ReactNode } from 'react';
import { newIdempotencyKey, post } from '../api';
import { hasRole, useAuth } from '../auth';
import { useLang, useTr } from '../i18n';
import { explain, formatTime, stageName } from '../labels';
import type { ProcedureSnapshot, Task } from '../api/types';

/** Forms for the open task the signed-in officer (or leader) holds: the step it waits for, by stage. */
export function OfficerTaskForms({
  task,
  live,
  onDone,
  onSigned,
}: {
  task: Task;
  /** The procedure as it stands: who issues it decides the deliberating meeting. */
  live?: ProcedureSnapshot | null;
  onDone: () => Promise<void>;
  /** Shown on the page after the task (and this form) has left it. */
  onSigned?: (message: string) => void;
}) {
  const { user } = useAuth();
  const { lang } = useLang();
  const tr = useTr();
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const act = async (path: string, body: unknown) => {
    setError(null);
    try {
      const s = await post<ProcedureSnapshot>(
        `/api/procedures/${task.procedureId}/steps/${path}`,
        body,
        newIdempotencyKey(),
      );
      const stage = stageName(s.stage, lang);
      setResult(tr(`已办理。程序现处于“${stage}”阶段。`, `Done. The procedure is now in "${stage}".`));
      await onDone();
    } catch (err) {
      setError(explain(err, lang));
    }
  };
  const officer = hasRole(user, 'LEGAL_AFFAIRS_OFFICER');
  const choose = tr('请选择', 'Choose one');
  const fill = tr('请填写', 'Fill this in');
  let form: ReactNode = null;
  if (officer && task.kind === 'CLEANUP_REVIEW') {
    return <CleanupReviewForm task={task} onDone={onDone} onSigned={onSigned} />;
  }
  if (officer && task.stage === 'PROJECT_APPROVAL') {
    form = (
      <Form
        layout="vertical"
        onFinish={(v: { decision: string; opinion?: string; declaration?: string; declarationReason?: string }) =>
          void act('project-approval', {
            decision: v.decision,
            opinion: v.opinion ?? '',
            // Left as declared, the approval confirms the drafter's declaration; a correction carries its reason.
            ...(v.declaration
              ? {
                  businessDeclaration: {
                    touchesBusiness: v.declaration === 'TOUCHES',
                    ...(v.declarationReason ? { reason: v.declarationReason } : {}),
                  },
                }
              : {}),
          })
        }
      >
        <Form.Item label={tr('立项决定', 'Decision')} name="decision" rules={[{ required: true, message: choose }]}>
          <Select
            aria-label={tr('立项决定', 'Decision')}
            options={[
              { value: 'APPROVED', label: tr('同意立项', 'Approve') },
              { value: 'REJECTED', label: tr('不予立项', 'Reject') },
            ]}
          />
        </Form.Item>
        <Form.Item label={tr('意见（不予立项时必填）', 'Opinion (required for a rejection)')} name="opinion">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          label={tr('是否涉及经营者经济活动', 'Touches business activity')}
          name="declaration"
          extra={tr(
            '不选即确认起草单位的申报；更正须说明理由（决定征求意见期限和公平竞争审查）。',
            'Leave it to confirm the drafter’s declaration; a correction needs its reason (it decides the comment period and the fair-competition review).',
          )}
        >
          <Select
            aria-label={tr('是否涉及经营者经济活动', 'Touches business activity')}
            allowClear
            options={[
              { value: 'TOUCHES', label: tr('涉及', 'Touches it') },
              { value: 'DOES_NOT_TOUCH', label: tr('不涉及', 'Does not touch it') },
            ]}
          />
        </Form.Item>
        <Form.Item label={tr('更正理由', 'Reason for the correction')} name="declarationReason">
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {tr('签署', 'Sign')}
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
        <Form.Item label={tr('材料齐全', 'Materials complete')} name="complete" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item label={tr('缺少的材料（逗号分隔）', 'Missing materials (comma-separated)')} name="missing">
          <Input />
        </Form.Item>
        <Form.Item label={tr('说明', 'Note')} name="note">
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {tr('提交审查结果', 'Submit the check')}
        </Button>
      </Form>
    );
  } else if (officer && task.stage === 'REGISTRATION') {
    form = (
      <Button type="primary" onClick={() => void act('registration', {})}>
        {tr('统一登记并编号', 'Register and number')}
      </Button>
    );
  } else if (officer && task.stage === 'PUBLICATION') {
    form = (
      <Form layout="vertical" onFinish={(v: { channel: string; reference: string }) => void act('publication', v)}>
        <Form.Item label={tr('发布渠道', 'Channel')} name="channel" rules={[{ required: true, message: choose }]}>
          <Select
            aria-label={tr('发布渠道', 'Channel')}
            options={[
              { value: 'GAZETTE', label: tr('政府公报', 'Government gazette') },
              { value: 'WEBSITE', label: tr('政府网站', 'Government website') },
              { value: 'NEWSPAPER', label: tr('报纸', 'Newspaper') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={tr('网址或公报期号', 'URL or gazette issue')}
          name="reference"
          rules={[{ required: true, min: 2, message: fill }]}
        >
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {tr('记录发布', 'Record the publication')}
        </Button>
      </Form>
    );
  } else if (task.kind === 'FCR_MARKET_REGULATION') {
    // The market regulation department's fair-competition review, on the task its unit holds.
    form = (
      <Form
        layout="vertical"
        onFinish={(v: { conclusion: string; summary: string; exceptionReason?: string }) =>
          void act('market-regulation-review', v)
        }
      >
        <Form.Item label={tr('审查结论', 'Conclusion')} name="conclusion" rules={[{ required: true, message: choose }]}>
          <Select
            aria-label={tr('审查结论', 'Conclusion')}
            options={[
              { value: 'COMPLIANT', label: tr('符合公平竞争审查标准', 'Meets the fair-competition standards') },
              { value: 'NON_COMPLIANT', label: tr('不符合', 'Does not meet them') },
            ]}
          />
        </Form.Item>
        <Form.Item label={tr('审查意见', 'Review')} name="summary" rules={[{ required: true, message: fill }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label={tr('适用例外规定的理由', 'Why a statutory exception applies')} name="exceptionReason">
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {tr('签署', 'Sign')}
        </Button>
      </Form>
    );
  } else if (hasRole(user, 'LEADER') && task.stage === 'DELIBERATION') {
    // A department's own document is deliberated at its 局务会议, the government's at the executive meeting.
    const issuer = live?.issuer;
    const meetingKind = issuer === 'DEPARTMENT' ? 'BUREAU' : issuer === 'GOVERNMENT' ? 'EXECUTIVE' : undefined;
    const meetingLabel =
      meetingKind === 'BUREAU'
        ? tr('局务会议', 'Bureau meeting (局务会议)')
        : tr('政府常务会议', "The government's executive meeting (常务会议)");
    form = (
      <Form
        layout="vertical"
        onFinish={(v: {
          decision: string;
          meeting: string;
          meetingDate: { format: (f: string) => string };
          minutes: string;
        }) =>
          void act('deliberation', {
            ...v,
            ...(meetingKind ? { meetingKind } : {}),
            meetingDate: v.meetingDate.format('YYYY-MM-DD'),
          })
        }
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={tr(`审议会议：${meetingLabel}`, `Deliberated at: ${meetingLabel}`)}
        />
        <Form.Item label={tr('审议结果', 'Decision')} name="decision" rules={[{ required: true, message: choose }]}>
          <Select
            aria-label={tr('审议结果', 'Decision')}
            options={[
              { value: 'ADOPTED', label: tr('通过', 'Adopted') },
              { value: 'RETURNED', label: tr('退回修改', 'Returned for revision') },
              { value: 'REJECTED', label: tr('不予通过', 'Rejected') },
            ]}
          />
        </Form.Item>
        <Form.Item label={meetingLabel} name="meeting" rules={[{ required: true, min: 2, message: fill }]}>
          <Input
            placeholder={
              meetingKind === 'BUREAU'
                ? tr('如：第5次局务会议', 'e.g. 第5次局务会议')
                : tr('如：区政府第12次常务会议', 'e.g. 区政府第12次常务会议')
            }
          />
        </Form.Item>
        <Form.Item
          label={tr('会议日期', 'Meeting date')}
          name="meetingDate"
          rules={[{ required: true, message: choose }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item label={tr('审议记录', 'Minutes')} name="minutes" rules={[{ required: true, min: 2, message: fill }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {tr('签署', 'Sign')}
        </Button>
      </Form>
    );
  }
  if (!form) return null;
  return (
    <Card title={tr(`办理：${task.title}`, `Handle: ${task.title}`)} size="small">
      {result && <Alert type="success" showIcon message={result} role="status" />}
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      {!result && form}
    </Card>
  );
}

/** The legal-affairs office's steps on a procedure in force: filing events (per recipient) and repeal. */
export function OfficerProcedureSteps({
  procedureId,
  live,
  onDone,
}: {
  procedureId: string;
  live?: ProcedureSnapshot | null;
  onDone: () => Promise<void>;
}) {
  const { lang } = useLang();
  const tr = useTr();
  const choose = tr('请选择', 'Choose one');
  const fill = tr('请填写', 'Fill this in');
  const [error, setError] = useState<string | null>(null);
  const filings = live?.filings ?? [];
  const act = async (path: string, body: unknown) => {
    setError(null);
    try {
      await post(`/api/procedures/${procedureId}/steps/${path}`, body, newIdempotencyKey());
      await onDone();
    } catch (err) {
      setError(explain(err, lang));
    }
  };
  return (
    <Card title={tr('备案与废止', 'Filing and repeal')} size="small">
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      {filings.length > 0 && (
        <section aria-label={tr('备案情况', 'Filings')} style={{ marginBottom: 12 }}>
          <Table
            rowKey="filingId"
            size="small"
            pagination={false}
            dataSource={filings}
            columns={[
              { title: tr('备案机关', 'Recipient'), dataIndex: 'recipient' },
              {
                title: tr('状态', 'Status'),
                dataIndex: 'status',
                render: (status: string) => <Tag>{filingStatusName(status, tr)}</Tag>,
              },
              {
                title: tr('报送期限', 'Due'),
                dataIndex: 'dueAt',
                render: (v: string | null) => (v ? formatTime(v) : '—'),
              },
            ]}
          />
        </section>
      )}
      <Space wrap align="start">
        <Form
          layout="inline"
          onFinish={(v: { filingId?: string; event: string; note?: string }) =>
            void act('filing-events', {
              event: v.event,
              note: v.note ?? '',
              ...(v.filingId ? { filingId: v.filingId } : {}),
            })
          }
        >
          {filings.length > 1 && (
            <Form.Item
              label={tr('备案机关', 'Recipient')}
              name="filingId"
              rules={[{ required: true, message: choose }]}
            >
              <Select
                aria-label={tr('备案机关', 'Recipient')}
                style={{ width: 260 }}
                options={filings.map((f) => ({ value: f.filingId, label: f.recipient }))}
              />
            </Form.Item>
          )}
          <Form.Item label={tr('备案事件', 'Filing event')} name="event" rules={[{ required: true, message: choose }]}>
            <Select
              aria-label={tr('备案事件', 'Filing event')}
              style={{ width: 160 }}
              options={FILING_EVENTS.map((e) => ({ value: e, label: filingStatusName(e, tr) }))}
            />
          </Form.Item>
          <Form.Item label={tr('说明', 'Note')} name="note">
            <Input />
          </Form.Item>
          <Button htmlType="submit">{tr('记录', 'Record')}</Button>
        </Form>
        <Form layout="inline" onFinish={(v: { reason: string }) => void act('repeal', v)}>
          <Form.Item
            label={tr('废止理由', 'Reason for repeal')}
            name="reason"
            rules={[{ required: true, min: 2, message: fill }]}
          >
            <Input />
          </Form.Item>
          <Button danger htmlType="submit">
            {tr('废止', 'Repeal')}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}

const FILING_EVENTS = ['SUBMITTED', 'CORRECTION_REQUESTED', 'RESUBMITTED', 'ACCEPTED'];

function filingStatusName(status: string, tr: (zh: string, en: string) => string): string {
  const names: Record<string, [string, string]> = {
    PENDING: ['待报送', 'Pending'],
    SUBMITTED: ['已报送', 'Submitted'],
    CORRECTION_REQUESTED: ['要求补正', 'Correction requested'],
    RESUBMITTED: ['已补正报送', 'Resubmitted'],
    ACCEPTED: ['准予备案', 'Accepted'],
  };
  const name = names[status];
  return name ? tr(name[0], name[1]) : status;
}
