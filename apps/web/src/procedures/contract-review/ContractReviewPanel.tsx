import { Descriptions, Space, Table, Typography } from 'antd';
import { uploadStagesOf, PROCEDURES, CONTRACT_CHECKLIST } from '@lawgate/domain';
import { useTr } from '../../i18n';
import type { Pair, StepFormLabels } from '../../pages/MajorDecisionSteps';
import type { ProcedurePanelProps } from '../procedure-panel';
import { currentDraftSha256, UploadsAndSteps } from '../shared/UploadsAndSteps';

const UPLOAD_STAGES: readonly string[] = uploadStagesOf(PROCEDURES.CONTRACT_REVIEW);

interface CrLive {
  facts?: { counterpart: string; amountYuan: number; termStart: string; termEnd: string; scopeReason: string };
  milestones?: { title: string; dueDate: string; doneAt: string | null }[];
  payments?: { item: string; dueAt: string; paidAt: string | null }[];
  warnings?: { kind: string; text: string; at: string }[];
}

const STEPS: Record<string, Pair> = {
  submit: ['提交合法性审查', 'Submit for review'],
  opinion: ['合同合法性审查意见', 'Review opinion'],
  sign: ['签订合同', 'Sign'],
  abandon: ['不予签订', 'Do not sign'],
  file: ['合同备案', 'File'],
  milestones: ['登记履行节点', 'Add a milestone'],
  'complete-milestone': ['履行节点完成', 'Milestone done'],
  acceptance: ['验收（起算付款期限）', 'Acceptance (payment deadline starts)'],
  payment: ['付款', 'Payment'],
  warning: ['履约预警', 'Warning'],
  close: ['履行完毕', 'Close'],
};
const LABELS: StepFormLabels = {
  steps: STEPS,
  fields: {
    signedSha256: ['签署文本 SHA-256', 'SHA-256 of the signed text'],
    signatory: ['签订人', 'Signatory'],
    filedWith: ['备案机关', 'Filed with'],
    title: ['节点', 'Milestone'],
    dueDate: ['期限', 'Due date'],
    item: ['事项', 'Item'],
    agreedDays: ['约定付款期限（日，不超过60日）', 'Agreed payment days (≤ 60)'],
    checklist: ['审查要点（逐项）', 'Checklist (each item)'],
  },
  values: { PASS: ['审查通过', 'Passed'], REVISE: ['修改后重新送审', 'Revise and resubmit'] },
  initial: (step) =>
    step === 'opinion'
      ? {
          conclusion: 'PASS',
          checklist: JSON.stringify(CONTRACT_CHECKLIST.map((item) => ({ item, ok: true, note: '' }))),
        }
      : {},
};

/** A government contract on the procedure page: its facts, the register (milestones, payments, warnings), the steps. */
export function ContractReviewPanel(props: ProcedurePanelProps) {
  const tr = useTr();
  const cr = (props.live ?? {}) as CrLive;
  const draftSha256 = currentDraftSha256(props.documents);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {cr.facts && (
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={tr('相对人', 'Counterpart')}>{cr.facts.counterpart}</Descriptions.Item>
          <Descriptions.Item label={tr('金额（元）', 'Amount (yuan)')}>{cr.facts.amountYuan}</Descriptions.Item>
          <Descriptions.Item
            label={tr('期限', 'Term')}
          >{`${cr.facts.termStart} — ${cr.facts.termEnd}`}</Descriptions.Item>
          <Descriptions.Item label={tr('应审查理由', 'Why reviewed')}>{cr.facts.scopeReason}</Descriptions.Item>
        </Descriptions>
      )}
      {((cr.milestones?.length ?? 0) > 0 || (cr.payments?.length ?? 0) > 0) && (
        <>
          <Typography.Text strong>{tr('合同台账', 'Contract register')}</Typography.Text>
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => r.key}
            dataSource={[
              ...(cr.milestones ?? []).map((m) => ({
                key: `m:${m.title}`,
                what: m.title,
                due: m.dueDate,
                done: m.doneAt,
              })),
              ...(cr.payments ?? []).map((x) => ({
                key: `p:${x.item}`,
                what: `${tr('付款', 'Payment')}：${x.item}`,
                due: x.dueAt,
                done: x.paidAt,
              })),
            ]}
            columns={[
              { title: tr('事项', 'Item'), dataIndex: 'what' },
              { title: tr('期限', 'Due'), dataIndex: 'due' },
              { title: tr('完成', 'Done'), dataIndex: 'done', render: (d: string | null) => d ?? '—' },
            ]}
          />
        </>
      )}
      <UploadsAndSteps
        panel={props}
        uploadStages={UPLOAD_STAGES}
        labels={{
          ...LABELS,
          initial: (step) => ({
            ...LABELS.initial!(step),
            ...(step === 'sign' && draftSha256 ? { signedSha256: draftSha256 } : {}),
          }),
        }}
      />
    </Space>
  );
}
