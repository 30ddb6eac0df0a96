import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { uploadStagesOf, PROCEDURES, CHECKLIST_ITEMS } from '@lawgate/domain';
import { useTr } from '../../i18n';
import type { StepFormLabels } from '../../pages/MajorDecisionSteps';
import type { ProcedurePanelProps } from '../procedure-panel';
import { UploadsAndSteps } from '../shared/UploadsAndSteps';
import { ENFORCEMENT_LABELS } from './labels';

const UPLOAD_STAGES: readonly string[] = uploadStagesOf(PROCEDURES.ENFORCEMENT_REVIEW);

interface ErLive {
  classification?: { reason: string; catalogVersion: string; decisionKind: string };
  reviewBody?: string;
  versions?: { version: number; submittedAt: string }[];
  opinions?: { caseVersion: number; conclusion: string; reasons: string; reviewerName: string; givenAt: string }[];
  reviewClockStartedAt?: string | null;
}

const LABELS: StepFormLabels = {
  ...ENFORCEMENT_LABELS,
  initial: (step) =>
    step === 'conclusion'
      ? {
          conclusion: 'AGREE',
          noConflictDeclared: false,
          checklist: JSON.stringify(CHECKLIST_ITEMS.map((item) => ({ item, ok: true, note: '' }))),
        }
      : {},
};

/**
 * A major enforcement case on the procedure page: why it is major, its versions and every review opinion (never
 * rewritten), the case documents in the upload stages, and the step forms the API offers the signed-in person.
 */
export function EnforcementReviewPanel(props: ProcedurePanelProps) {
  const { live } = props;
  const tr = useTr();
  const er = (live ?? {}) as ErLive;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {er.classification && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={tr('重大执法决定认定', 'Why major')}>{er.classification.reason}</Descriptions.Item>
          <Descriptions.Item label={tr('目录版本', 'Catalog version')}>
            {er.classification.catalogVersion}
          </Descriptions.Item>
          <Descriptions.Item label={tr('法制审核机构', 'Review body')}>
            {er.reviewBody === 'DEPARTMENT'
              ? tr('本部门法制审核机构', "The department's review unit")
              : tr('司法局', 'The legal-affairs office')}
          </Descriptions.Item>
          <Descriptions.Item label={tr('审核期限起算', 'Review clock started')}>
            {er.reviewClockStartedAt ?? tr('未起算（材料未齐全）', 'Not started (materials incomplete)')}
          </Descriptions.Item>
        </Descriptions>
      )}
      {(er.opinions?.length ?? 0) > 0 && (
        <>
          <Typography.Text strong>{tr('审核意见（全部版本）', 'Review opinions (every version)')}</Typography.Text>
          <Table
            size="small"
            pagination={false}
            rowKey={(o) => `${o.caseVersion}-${o.givenAt}`}
            dataSource={er.opinions}
            columns={[
              { title: tr('版本', 'Version'), dataIndex: 'caseVersion' },
              {
                title: tr('结论', 'Conclusion'),
                dataIndex: 'conclusion',
                render: (c: string) => (
                  <Tag color={c === 'AGREE' ? 'green' : c === 'PROBLEMS' ? 'orange' : 'red'}>
                    {tr(...(ENFORCEMENT_LABELS.values[c] ?? [c, c]))}
                  </Tag>
                ),
              },
              { title: tr('理由', 'Reasons'), dataIndex: 'reasons' },
              { title: tr('审核人', 'Reviewer'), dataIndex: 'reviewerName' },
            ]}
          />
        </>
      )}
      <UploadsAndSteps panel={props} uploadStages={UPLOAD_STAGES} labels={LABELS} />
    </Space>
  );
}
