import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTr } from '../../i18n';
import { formatTime } from '../../labels';
import type { ProcedureDetail } from '../../api/types';

type Filing = ProcedureDetail['filings'][number];

/** The receiving office's review status of a filing, as its filing-review case wrote it (§3.4 outcomes). */
const REVIEW_STATUS: Record<string, [string, string]> = {
  RECEIVED: ['已收到', 'Received'],
  RECEIVED_LATE: ['已收到（逾期报送）', 'Received (late)'],
  REGISTERED: ['已登记', 'Registered'],
  NOT_REGISTERED: ['不予登记', 'Not registered'],
  DEFERRED: ['暂缓登记', 'Registration deferred'],
  SUPPLEMENTED: ['已补充材料', 'Materials supplemented'],
  PASSED: ['审查通过', 'Review passed'],
  TECHNICAL: ['存在技术问题', 'Technical problems'],
  CORRECTION_AGREED: ['沟通纠正', 'Correction agreed'],
  FORMAL_OPINION: ['书面审查意见', 'Written review opinion'],
  CORRECTED_REFILED: ['已纠正并重新报送', 'Corrected and re-filed'],
  REPEALED_BY_ISSUER: ['制定机关已废止', 'Repealed by the issuer'],
  ESCALATED: ['报请政府处理', 'Escalated to the government'],
  GOVERNMENT_CHANGE: ['政府已改变', 'Changed by the government'],
  GOVERNMENT_REVOKE: ['政府已撤销', 'Revoked by the government'],
};

const FILING_STATUS: Record<string, [string, string]> = {
  PENDING: ['待报送', 'Pending'],
  SUBMITTED: ['已报送', 'Submitted'],
  CORRECTION_REQUESTED: ['要求补正', 'Correction requested'],
  RESUBMITTED: ['已补正报送', 'Resubmitted'],
  ACCEPTED: ['准予备案', 'Accepted'],
};

/**
 * The document's filings (备案), one row per recipient: what the office recorded, and, where the recipient reviews
 * the filing in LawGate, where its review stands with the date and the case's reference, written by the case itself.
 */
export function FilingsView({ filings }: { filings: Filing[] }) {
  const tr = useTr();
  const name = (table: Record<string, [string, string]>, key: string) =>
    table[key] ? tr(table[key][0], table[key][1]) : key;
  return (
    <Card title={tr('备案及审查情况', 'Filings and their review')} size="small" data-testid="filings">
      <Table<Filing>
        rowKey="filingId"
        size="small"
        pagination={false}
        dataSource={filings}
        columns={[
          { title: tr('备案机关', 'Recipient'), dataIndex: 'recipient' },
          {
            title: tr('报送状态', 'Filing status'),
            dataIndex: 'status',
            render: (status: string) => <Tag>{name(FILING_STATUS, status)}</Tag>,
          },
          {
            title: tr('备案审查', 'Review by the recipient'),
            key: 'review',
            render: (_: unknown, f) =>
              f.reviewStatus ? (
                <span data-testid={`filing-review-${f.filingId}`}>
                  <Tag color="blue">{name(REVIEW_STATUS, f.reviewStatus)}</Tag> {formatTime(f.reviewStatusAt)}{' '}
                  {f.reviewCaseId ? <Link to={`/procedures/${f.reviewCaseId}`}>{f.reviewReference}</Link> : null}
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: tr('报送期限', 'Due'),
            dataIndex: 'dueAt',
            render: (v: string | null) => (v ? formatTime(v) : '—'),
          },
        ]}
      />
    </Card>
  );
}
