import { Alert, Descriptions, Space, Table, Typography } from 'antd';
import { uploadStagesOf, PROCEDURES, FILING_STANDARDS } from '@lawgate/domain';
import { useLang, useTr } from '../../i18n';
import { formatTime } from '../../labels';
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
  followUps?: { action: string; note: string; at: string }[];
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
    outcome: ['审查处理结果', 'Outcome'],
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
    NOTICE: ['督促报送通知', 'Notice'],
    CIRCULAR: ['通报', 'Circular'],
    ORDER: ['责令限期报送', 'Order'],
    NOT_NORMATIVE: ['不属于规范性文件', 'Not a normative document'],
    OUT_OF_SCOPE: ['不属于本机关备案范围', 'Not filed with this organ'],
  },
  initial: (step) => (step === 'review' ? { outcome: 'PASSED' } : step === 'register' ? { decision: 'REGISTER' } : {}),
  checklists: {
    standards: {
      items: FILING_STANDARDS,
      names: {
        MAKER_COMPETENT: ['制定主体适格', 'The issuer may make such a document'],
        WITHIN_POWERS: ['未超越法定职权', 'Within its statutory powers'],
        NO_CONFLICT_WITH_HIGHER_LAW: ['不违反上位法', 'No conflict with higher law'],
        NO_UNLAWFUL_LICENCE_PENALTY_COERCION_FEE: [
          '未违法设定许可、处罚、强制、收费',
          'No licence, penalty, compulsory measure or fee created unlawfully',
        ],
        NO_DUTIES_ADDED_OR_RIGHTS_CUT: [
          '未违法减损权利或者增加义务',
          'No rights cut or duties added without a legal basis',
        ],
        NO_POWERS_ADDED_OR_DUTIES_CUT: [
          '未违法增加本机关权力或者减少法定职责',
          'No powers added to the issuer or statutory duties cut',
        ],
        CONSISTENT_WITH_POLICY_AND_OTHER_DOCUMENTS: [
          '符合上级政策，与其他文件相协调',
          'Consistent with higher policy and other documents',
        ],
        APPROPRIATE: ['内容适当', 'Appropriate (measures fit the purpose)'],
        PROCEDURE_FOLLOWED: ['履行法定程序', 'Statutory procedure followed'],
        DRAFTING_TECHNIQUE: ['符合制定技术规范', 'Drafting technique'],
      },
    },
  },
};

/** A filed document on the review desk: the filing, its registrations and review outcomes, the steps. */
export function FilingReviewPanel(props: ProcedurePanelProps) {
  const tr = useTr();
  const fr = (props.live ?? {}) as FrLive;
  const { lang } = useLang();
  const name = (v: string) => LABELS.values?.[v]?.[lang === 'en' ? 1 : 0] ?? v;
  // The office's registrations and follow-ups, oldest first, each with its reasons.
  const acts = [
    ...(fr.followUps ?? []).map((f) => ({ at: f.at, act: name(f.action), detail: f.note })),
    ...(fr.registrations ?? []).map((r) => ({
      at: r.at,
      act: name(r.decision),
      detail: [r.ground && name(r.ground), r.reasons, r.missing.length ? `缺：${r.missing.join('、')}` : '']
        .filter(Boolean)
        .join('；'),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
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
      {acts.length > 0 && (
        <>
          <Typography.Text strong>{tr('督促与登记', 'Follow-ups and registration')}</Typography.Text>
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => `${r.at}:${r.act}`}
            data-testid="fr-registrations"
            dataSource={acts}
            columns={[
              { title: tr('时间', 'At'), dataIndex: 'at', render: (t: string) => formatTime(t) },
              { title: tr('办理', 'Action'), dataIndex: 'act' },
              { title: tr('说明', 'Detail'), dataIndex: 'detail' },
            ]}
          />
        </>
      )}
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
              { title: tr('处理', 'Outcome'), dataIndex: 'outcome', render: (o: string) => name(o) },
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
