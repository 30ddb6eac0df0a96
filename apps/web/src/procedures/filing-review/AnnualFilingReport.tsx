import { Alert, Card, Col, InputNumber, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { get } from '../../api';
import type { Answer } from '../../api/types';
import { hasRole, useAuth } from '../../auth';
import { useLang, useTr } from '../../i18n';
import { explain, stageName } from '../../labels';

type Report = Answer<'/api/procedures/filing-reviews/annual-report', 'get'>;
type Row = Report['documents'][number];

/**
 * The filing review's annual report (E9), for the legal-affairs office and the leaders: the catalog of the year's
 * documents (by publication date) with where each one's review stands, whether it was filed late or corrected, and
 * the year's figures. The office reaches from here the page that records or files a document issued outside LawGate.
 */
export function AnnualFilingReportPanel() {
  const tr = useTr();
  const { lang } = useLang();
  const { user } = useAuth();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<Report>('/api/procedures/filing-reviews/annual-report', { year })
      .then((r) => {
        setReport(r);
        setError(null);
      })
      .catch((err: unknown) => setError(explain(err, lang)));
  }, [year, lang]);

  const figures: [keyof Report['figures'], string, string][] = [
    ['total', '文件总数', 'Documents'],
    ['filed', '已备案', 'Filed'],
    ['awaitingFiling', '待报备案', 'Awaiting filing'],
    ['notRegistered', '不予登记', 'Not registered'],
    ['late', '逾期报备', 'Filed late'],
    ['corrected', '纠正后重新报备', 'Corrected and re-filed'],
    ['repealedOrRevoked', '废止或撤销', 'Repealed or revoked'],
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <label htmlFor="lg-filing-year">{tr('年度', 'Year')}</label>
        <InputNumber id="lg-filing-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        {hasRole(user, 'LEGAL_AFFAIRS_OFFICER') && (
          <Link to="/filing-reviews/new">{tr('登记待报备案的文件', 'Record an expected filing')}</Link>
        )}
      </Space>
      {error && <Alert type="error" message={error} showIcon role="alert" closable onClose={() => setError(null)} />}
      {report && (
        <>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {tr(
              `${report.year} 年度规范性文件备案情况（${report.receivingOrgan}）`,
              `Normative documents filed in ${report.year} (${report.receivingOrgan})`,
            )}
          </Typography.Title>
          <Card size="small" data-testid="filing-annual-figures">
            <Row gutter={16}>
              {figures.map(([key, zh, en]) => (
                <Col xs={12} md={6} lg={3} key={key}>
                  <Statistic title={tr(zh, en)} value={report.figures[key]} />
                </Col>
              ))}
            </Row>
          </Card>
          <Table<Row>
            rowKey="caseId"
            size="small"
            scroll={{ x: 800 }}
            data-testid="filing-annual-catalog"
            dataSource={report.documents}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: tr('本年度没有文件', 'No document this year') }}
            columns={[
              {
                title: tr('文件名称', 'Title'),
                dataIndex: 'title',
                render: (t: string, r) => <Link to={`/procedures/${r.caseId}`}>{t}</Link>,
              },
              { title: tr('文号', 'Number'), dataIndex: 'documentNumber' },
              { title: tr('制定机关', 'Issuer'), dataIndex: 'issuer' },
              { title: tr('发布日期', 'Published'), dataIndex: 'publishedOn' },
              {
                title: tr('阶段', 'Stage'),
                dataIndex: 'stage',
                render: (s: string) => stageName(s, lang, 'FILING_REVIEW'),
              },
              {
                title: tr('情况', 'Notes'),
                key: 'notes',
                render: (_, r) => (
                  <>
                    {r.late && <Tag color="red">{tr('逾期报备', 'Filed late')}</Tag>}
                    {r.corrected && <Tag>{tr('已纠正', 'Corrected')}</Tag>}
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
