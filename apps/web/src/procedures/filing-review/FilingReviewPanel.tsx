import { Alert, Descriptions, Space, Table, Typography } from 'antd';
import { uploadStagesOf, PROCEDURES, FILING_STANDARDS } from '@lawgate/domain';
import { useTr } from '../../i18n';
import type { Pair, StepFormLabels } from '../../pages/MajorDecisionSteps';
import type { ProcedurePanelProps } from '../procedure-panel';
import { UploadsAndSteps } from '../shared/UploadsAndSteps';

const UPLOAD_STAGES: readonly string[] = uploadStagesOf(PROCEDURES.FILING_REVIEW);

interface FrLive {
  document?: { issuerName: string; documentNumber: string; publishedOn: string };
  filingDueAt?: string | null;
  filedAt?: string | null;
  late?: boolean;
  registrations?: { decision: string; ground: string | null; reasons: string; missing: string[]; at: string }[];
  opinions?: { round: number; outcome: string; reasons: string; request: string | null; reviewedSha256: string }[];
}

const STEPS: Record<string, Pair> = {
  file: ['报送备案', 'File'],
  'follow-up': ['督促报送备案', 'Follow up'],
  register: ['备案登记', 'Registration'],
  supplement: ['补充材料完毕', 'Supplemented'],
  review: ['备案审查处理', 'Review outcome'],
  report: ['报告处理情况', 'Handling report'],
  escalate: ['报请政府处理', 'Escalate to the government'],
  'government-decision': ['改变或者撤销', 'Change or revoke'],
};
const LABELS: StepFormLabels = {
  steps: STEPS,
  fields: {
    standards: ['审查标准（逐项）', 'Standards (each item)'],
    missing: ['缺少的材料', 'Missing materials'],
    request: ['纠正要求', 'What must be corrected'],
    ground: ['不予登记理由', 'Ground of refusal'],
  },
  values: {
    REGISTER: ['登记', 'Register'],
    REFUSE: ['不予登记', 'Refuse'],
    DEFER: ['暂缓登记', 'Defer'],
    PASSED: ['审查通过', 'Passed'],
    TECHNICAL: ['技术问题', 'Technical problems'],
    CORRECTION_AGREED: ['沟通纠正', 'Correction agreed'],
    FORMAL_OPINION: ['书面审查意见', 'Written opinion'],
    ESCALATE: ['报请政府处理', 'Escalate'],
  },
  initial: (step) =>
    step === 'review'
      ? { outcome: 'PASSED', standards: JSON.stringify(FILING_STANDARDS.map((item) => ({ item, ok: true, note: '' }))) }
      : step === 'register'
        ? { decision: 'REGISTER' }
        : {},
};

/** A filed document on the review desk: the filing, its registrations and review outcomes, the steps. */
export function FilingReviewPanel(props: ProcedurePanelProps) {
  const tr = useTr();
  const fr = (props.live ?? {}) as FrLive;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {fr.document && (
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={tr('制定机关', 'Issuer')}>{fr.document.issuerName}</Descriptions.Item>
          <Descriptions.Item label={tr('文号', 'Number')}>{fr.document.documentNumber}</Descriptions.Item>
          <Descriptions.Item label={tr('发布日期', 'Published')}>{fr.document.publishedOn}</Descriptions.Item>
          <Descriptions.Item label={tr('报送期限', 'Filing due')}>{fr.filingDueAt ?? '—'}</Descriptions.Item>
        </Descriptions>
      )}
      {fr.late && <Alert type="warning" showIcon message={tr('逾期报送备案', 'Filed late')} />}
      {(fr.opinions?.length ?? 0) > 0 && (
        <>
          <Typography.Text strong>{tr('审查处理', 'Review outcomes')}</Typography.Text>
          <Table
            size="small"
            pagination={false}
            rowKey="round"
            dataSource={fr.opinions}
            columns={[
              { title: tr('轮次', 'Round'), dataIndex: 'round' },
              { title: tr('处理', 'Outcome'), dataIndex: 'outcome' },
              { title: tr('理由', 'Reasons'), dataIndex: 'reasons' },
              { title: tr('要求', 'Request'), dataIndex: 'request', render: (r: string | null) => r ?? '—' },
            ]}
          />
        </>
      )}
      <UploadsAndSteps panel={props} uploadStages={UPLOAD_STAGES} labels={LABELS} />
    </Space>
  );
}
