import { Alert, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { get } from '../../api';
import { useLastLoad } from '../../last-load';
import { hasRole, useAuth } from '../../auth';
import { useLang, useTr } from '../../i18n';
import { conclusionName, explain, formatTime, stageName, statusName } from '../../labels';
import type { ProcedureDetail, ProcedureDocument } from '../../api/types';
import { Countdown } from '../../pages/Inbox';
import { ArchiveDownloadButton } from '../../pages/ArchiveDownload';
import { WithdrawButton } from '../../pages/OfficeActions';
import { VerifyLedgerButton } from '../../pages/VerifyLedger';
import { CommentAdoption, EarlierOpinions, RecordedDecisions } from '../../pages/ReviewMaterials';
import { webProcedureOf } from '../registry';
import { StageTimeline } from './StageTimeline';
import { DocumentsView } from './DocumentsView';
import { TasksTable } from './TasksTable';

/** How often, and how long apart, the page asks again for a running procedure's live state that did not come. */
const LIVE_RETRIES = 10;
const LIVE_RETRY_MS = 2000;

/**
 * The shared procedure page: header, the procedure type's own step panel (from `procedures/registry.tsx`), review
 * materials, the timeline from the type's definition, documents, tasks and the ledger.
 */
export function ProcedurePage() {
  const { id } = useParams<{ id: string }>();
  const [search] = useSearchParams();
  const { user } = useAuth();
  const { t, lang } = useLang();
  const tr = useTr();
  const [detail, setDetail] = useState<ProcedureDetail | null>(null);
  const [documents, setDocuments] = useState<ProcedureDocument[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // What the last sign-off answered: kept here, since the signed task (and its form) leaves the page on reload.
  const [signed, setSigned] = useState<string | null>(null);

  // Only the last load's answer is shown: the page of a procedure left for another, or an earlier reload, answered
  // late, would otherwise replace it.
  const begin = useLastLoad();
  const load = useCallback(async () => {
    const current = begin();
    try {
      const d = await get<ProcedureDetail>(`/api/procedures/${id}`);
      const docs = await get<ProcedureDocument[]>(`/api/procedures/${id}/documents`).catch(() => []);
      if (!current()) return;
      setDetail(d);
      setDocuments(docs);
    } catch (err) {
      if (current()) setError(err);
    }
  }, [id, begin]);

  useEffect(() => {
    void load();
  }, [load]);

  // A running procedure whose live state did not come (its worker busy or restarting: the API answers from the read
  // model after a few seconds) is asked again, so that the step forms get the version under review without a reload.
  const liveMissing = !!detail && detail.status === 'ACTIVE' && !detail.live;
  const [liveRetries, setLiveRetries] = useState(0);
  useEffect(() => {
    // Once the live state is back, a later gap (the worker restarting again) gets its own retries.
    if (!liveMissing) {
      setLiveRetries(0);
      return;
    }
    if (liveRetries >= LIVE_RETRIES) return;
    const timer = setTimeout(() => {
      setLiveRetries((n) => n + 1);
      void load();
    }, LIVE_RETRY_MS);
    return () => clearTimeout(timer);
  }, [liveMissing, liveRetries, load]);

  if (error) return <Alert type="error" message={explain(error, lang)} showIcon role="alert" />;
  if (!detail) return <Typography.Text>{tr('加载中…', 'Loading…')}</Typography.Text>;

  const live = detail.live;
  const stage = live?.stage ?? detail.stage;
  const focusTask = search.get('task');
  const canReadDrafts = !hasRole(user, 'SYSTEM_ADMIN') || hasRole(user, 'LEGAL_AFFAIRS_OFFICER', 'DRAFTER');
  const ownDrafter = hasRole(user, 'DRAFTER') && user?.unitId === detail.departmentId;
  // The procedure type's own pieces: its step panel and where its drafting unit answers comments itself.
  const web = webProcedureOf(detail.type);
  // The drafting unit answers the comments in its own steps while the window runs; everyone else reads them here.
  const showsComments =
    hasRole(user, 'LEGAL_ADVISER', 'LEGAL_AFFAIRS_OFFICER', 'LEADER', 'DRAFTER') &&
    !(ownDrafter && web?.ownCommentStages.includes(stage));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {detail.title}
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={tr('当前阶段', 'Current stage')}>
          <Tag color="blue" data-testid="current-stage">
            {stageName(stage, lang, detail.type)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={tr('状态', 'Status')}>
          {statusName(live?.status ?? detail.status, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={tr('起草单位', 'Drafting department')}>{detail.departmentName}</Descriptions.Item>
        <Descriptions.Item label={tr('项目编号', 'Project code')}>{detail.projectCode}</Descriptions.Item>
        <Descriptions.Item label={t.waitingFor}>{live?.waitingFor ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={tr('期限', 'Due')}>
          {live?.dueAt ? <Countdown dueAt={live.dueAt} /> : '—'}
          {live?.dueAt && <div>{formatTime(live.dueAt)}</div>}
        </Descriptions.Item>
        {live?.registration && (
          <Descriptions.Item label={tr('文号', 'Document number')}>{live.registration.number}</Descriptions.Item>
        )}
        <Descriptions.Item label={tr('工作流', 'Workflow')}>
          <a href={detail.temporalUiUrl} target="_blank" rel="noreferrer">
            {t.temporalUi}
          </a>
        </Descriptions.Item>
      </Descriptions>

      {ownDrafter && (live?.status ?? detail.status) === 'ACTIVE' && (
        <Space>
          <WithdrawButton procedureId={detail.id} onDone={load} />
        </Space>
      )}
      {signed && <Alert type="success" showIcon message={signed} role="status" data-testid="sign-result" />}
      {liveMissing && (
        <Alert
          type="info"
          showIcon
          role="status"
          message={
            liveRetries < LIVE_RETRIES
              ? tr('正在获取程序的实时状态…', 'Fetching the procedure’s live state…')
              : tr(
                  '暂时无法获取程序的实时状态，页面显示的是登记的数据；请稍后刷新。',
                  'The procedure’s live state is not available now; the page shows the recorded data. Reload later.',
                )
          }
        />
      )}
      {uploadError && <Alert type="error" showIcon message={uploadError} role="alert" />}
      {web && (
        <web.Steps
          detail={detail}
          live={live}
          stage={stage}
          documents={documents}
          ownDrafter={ownDrafter}
          focusTask={focusTask}
          onDone={load}
          onSigned={setSigned}
          onUploadError={setUploadError}
        />
      )}
      <Card title={tr('审核材料', 'Review materials')} size="small">
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          {showsComments && (
            <section aria-labelledby="lg-comments-heading">
              <Typography.Title level={2} id="lg-comments-heading" style={{ fontSize: 16 }}>
                {tr('公众意见及采纳情况', 'Public comments and their adoption')}
              </Typography.Title>
              <CommentAdoption procedureId={detail.id} />
            </section>
          )}
          <section aria-labelledby="lg-opinions-heading">
            <Typography.Title level={2} id="lg-opinions-heading" style={{ fontSize: 16 }}>
              {tr('历次审核意见', 'Earlier opinions')}
            </Typography.Title>
            <EarlierOpinions detail={detail} documents={documents} />
          </section>
          {(detail.live?.discretions ?? []).length > 0 && (
            <section aria-labelledby="lg-discretions-heading">
              <Typography.Title level={2} id="lg-discretions-heading" style={{ fontSize: 16 }}>
                {tr('记录在案的裁量决定（“一般”“可以”）', 'Recorded decisions on "as a rule" and "may" provisions')}
              </Typography.Title>
              <RecordedDecisions detail={detail} />
            </section>
          )}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t.timeline} size="small">
            <StageTimeline stage={stage} detail={detail} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Card title={t.documents} size="small">
              <DocumentsView documents={documents} canRead={canReadDrafts} />
            </Card>
            <Card title={t.tasks} size="small">
              <TasksTable tasks={detail.tasks} onDone={load} />
            </Card>
          </Space>
        </Col>
      </Row>
      <Card
        title={t.ledger}
        size="small"
        data-testid="ledger"
        extra={
          <>
            {hasRole(user, 'LEGAL_AFFAIRS_OFFICER', 'SYSTEM_ADMIN') && <VerifyLedgerButton />}
            {hasRole(user, 'LEGAL_AFFAIRS_OFFICER', 'LEADER') && <ArchiveDownloadButton procedureId={detail.id} />}
          </>
        }
      >
        <Table
          rowKey="seq"
          size="small"
          pagination={false}
          scroll={{ x: 720 }}
          dataSource={detail.ledger}
          columns={[
            { title: tr('序号', 'No.'), dataIndex: 'seq' },
            { title: tr('阶段', 'Stage'), dataIndex: 'stage', render: (s: string) => stageName(s, lang) },
            { title: tr('签署人', 'Signed by'), dataIndex: 'actorName' },
            { title: tr('决定', 'Decision'), dataIndex: 'decision', render: (d: string) => conclusionName(d, lang) },
            {
              title: tr('意见', 'Opinion'),
              dataIndex: 'opinion',
              render: (o: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{o}</span>,
            },
            { title: tr('时间', 'When'), dataIndex: 'recordedAt', render: (v: string) => formatTime(v) },
            {
              title: tr('文件 SHA-256', 'Document SHA-256'),
              dataIndex: 'documentSha256',
              render: (v: string | null) => <span className="lg-sha">{v ? `${v.slice(0, 16)}…` : '—'}</span>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
