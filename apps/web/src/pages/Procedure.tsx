import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Radio,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { Select } from '../select';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import {
  NORMATIVE_DOCUMENT_STAGE_BASIS,
  NORMATIVE_DOCUMENT_STAGE_ORDER,
} from '../../../../libs/domain/src/procedures/normative-document.contract';
import {
  MAJOR_DECISION_STAGE_BASIS,
  MAJOR_DECISION_STAGE_ORDER,
  MD_DOCUMENT_UPLOAD_STAGES,
} from '../../../../libs/domain/src/procedures/major-decision.contract';
import { apiText, get, newIdempotencyKey, post } from '../api';
import { hasRole, useAuth } from '../auth';
import { useLang, useTr } from '../i18n';
import { conclusionName, documentKindName, explain, formatTime, stageName, statusName } from '../labels';
import type {
  AdviserCandidate,
  DelegateCandidate,
  ProcedureDetail,
  ProcedureDocument,
  ProcedureSnapshot,
  Task,
  VersionDiff,
} from '../types';
import { Countdown } from './Inbox';
import { DrafterSteps, UploadForm } from './DrafterSteps';
import { MajorDecisionSteps } from './MajorDecisionSteps';
import { ArchiveDownloadButton } from './ArchiveDownload';
import { VerifyLedgerButton } from './VerifyLedger';
import { OfficerProcedureSteps, OfficerTaskForms } from './OfficerSteps';
import { CommentAdoption, EarlierOpinions } from './ReviewMaterials';

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

  const load = useCallback(async () => {
    try {
      const d = await get<ProcedureDetail>(`/api/procedures/${id}`);
      setDetail(d);
      setDocuments(await get<ProcedureDocument[]>(`/api/procedures/${id}/documents`).catch(() => []));
    } catch (err) {
      setError(err);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Alert type="error" message={explain(error, lang)} showIcon role="alert" />;
  if (!detail) return <Typography.Text>{tr('加载中…', 'Loading…')}</Typography.Text>;

  const live = detail.live;
  const stage = live?.stage ?? detail.stage;
  const openTasks = detail.tasks.filter((task) => task.status === 'OPEN');
  const focusTask = search.get('task');
  const canReadDrafts = !hasRole(user, 'SYSTEM_ADMIN') || hasRole(user, 'LEGAL_AFFAIRS_OFFICER', 'DRAFTER');
  const mine = (task: Task) =>
    task.assigneeUserId === user?.userId ||
    task.delegateUserId === user?.userId ||
    task.assigneeUnitId === user?.unitId;
  const ownDrafter = hasRole(user, 'DRAFTER') && user?.unitId === detail.departmentId;
  // The drafting unit answers the comments in its own steps while the window runs; everyone else reads them here.
  const showsComments =
    hasRole(user, 'LEGAL_ADVISER', 'LEGAL_AFFAIRS_OFFICER', 'LEADER', 'DRAFTER') &&
    !(ownDrafter && stage === 'PUBLIC_COMMENT');

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {detail.title}
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={tr('当前阶段', 'Current stage')}>
          <Tag color="blue" data-testid="current-stage">
            {stageName(stage, lang)}
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

      {signed && <Alert type="success" showIcon message={signed} role="status" data-testid="sign-result" />}
      {detail.type === 'MAJOR_DECISION' && ownDrafter && MD_DOCUMENT_UPLOAD_STAGES.includes(stage as never) && (
        <UploadForm procedureId={detail.id} documents={documents} onDone={load} onError={setUploadError} />
      )}
      {uploadError && <Alert type="error" showIcon message={uploadError} role="alert" />}
      {detail.type === 'MAJOR_DECISION' && (
        <MajorDecisionSteps
          procedureId={detail.id}
          draftSha256={documents.find((d) => d.kind === 'DRAFT')?.current?.sha256 ?? null}
          onDone={load}
        />
      )}
      {openTasks
        .filter((task) => detail.type !== 'MAJOR_DECISION' && mine(task))
        .map((task) => (
          <TaskForms
            key={task.id}
            task={task}
            live={live}
            focused={task.id === focusTask}
            onDone={load}
            onSigned={setSigned}
          />
        ))}
      {detail.type !== 'MAJOR_DECISION' && ownDrafter && live && (
        <DrafterSteps procedureId={detail.id} live={live} documents={documents} onDone={load} />
      )}

      {detail.type !== 'MAJOR_DECISION' &&
        hasRole(user, 'LEGAL_AFFAIRS_OFFICER') &&
        ['IN_FORCE', 'PUBLICATION'].includes(stage) && <OfficerProcedureSteps procedureId={detail.id} onDone={load} />}
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

function StageTimeline({ stage, detail }: { stage: string; detail: ProcedureDetail }) {
  const { lang } = useLang();
  const tr = useTr();
  const major = detail.type === 'MAJOR_DECISION';
  const order: readonly string[] = major ? MAJOR_DECISION_STAGE_ORDER : NORMATIVE_DOCUMENT_STAGE_ORDER;
  const bases: Record<string, { regulation: string; article: string; verified: boolean }> = major
    ? MAJOR_DECISION_STAGE_BASIS
    : NORMATIVE_DOCUMENT_STAGE_BASIS;
  const current = order.indexOf(stage);
  const terminal = current < 0 && stage !== 'SUSPENDED';
  return (
    <Timeline
      items={[
        ...order.map((s, i) => {
          const basis = bases[s];
          const signed = detail.ledger.filter((e) => e.stage === s);
          const state = terminal ? 'gray' : i < current ? 'green' : i === current ? 'blue' : 'gray';
          return {
            color: state,
            children: (
              <div aria-current={i === current ? 'step' : undefined}>
                <Typography.Text strong={i === current}>
                  {stageName(s, lang)}
                  {i === current && tr('（当前）', ' (current)')}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {tr('依据：', 'Basis: ')}
                    {basis.regulation} {basis.article}
                    {!basis.verified && tr('（待核实）', ' (to be verified)')}
                  </Typography.Text>
                </div>
                {i === current && detail.live?.waitingFor && (
                  <div>
                    {tr('等待：', 'Waiting for: ')}
                    {detail.live.waitingFor}
                    {detail.live.dueAt &&
                      tr(`，期限 ${formatTime(detail.live.dueAt)}`, `, due ${formatTime(detail.live.dueAt)}`)}
                  </div>
                )}
                {signed.map((e) => (
                  <div key={e.seq} style={{ fontSize: 12 }}>
                    {e.actorName} · {conclusionName(e.decision, lang)} · {formatTime(e.recordedAt)}
                  </div>
                ))}
              </div>
            ),
          };
        }),
        ...(terminal
          ? [{ color: 'red', children: <Typography.Text strong>{stageName(stage, lang)}</Typography.Text> }]
          : []),
      ]}
    />
  );
}

function DocumentsView({ documents, canRead }: { documents: ProcedureDocument[]; canRead: boolean }) {
  const { lang } = useLang();
  const tr = useTr();
  const [selected, setSelected] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [error, setError] = useState<unknown>(null);
  const all = useMemo(() => documents.flatMap((d) => d.versions.map((v) => ({ ...v, kind: d.kind }))), [documents]);
  const draft = documents.find((d) => d.kind === 'DRAFT')?.current;

  const show = useCallback(
    async (versionId: string) => {
      setSelected(versionId);
      setError(null);
      setText(null);
      setDiff(null);
      const version = all.find((v) => v.versionId === versionId);
      if (!version || !canRead) return;
      try {
        if (version.mediaType.startsWith('text/')) {
          setText(await apiText(`/api/documents/versions/${versionId}/content`));
        }
        if (version.version > 1 && version.mediaType.startsWith('text/')) {
          setDiff(await get<VersionDiff>(`/api/documents/versions/${versionId}/diff`));
        }
      } catch (err) {
        setError(err);
      }
    },
    [all, canRead],
  );

  useEffect(() => {
    if (draft && canRead) void show(draft.versionId);
  }, [draft, canRead, show]);

  if (documents.length === 0) {
    return <Typography.Text type="secondary">{tr('尚无文件。', 'No documents yet.')}</Typography.Text>;
  }
  const versionName = (kind: string, n: number) =>
    tr(`${documentKindName(kind)} 第${n}稿`, `${documentKindName(kind, 'en')} v${n}`);
  const version = all.find((v) => v.versionId === selected);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        aria-label={tr('选择文件版本', 'Choose a document version')}
        style={{ width: '100%' }}
        value={selected ?? undefined}
        onChange={(v: string) => void show(v)}
        options={all.map((v) => ({
          value: v.versionId,
          label: `${versionName(v.kind, v.version)} · ${v.filename} · ${formatTime(v.uploadedAt)}`,
        }))}
      />
      {version && (
        <Typography.Paragraph style={{ margin: 0 }}>
          <span data-testid="version-label">{versionName(version.kind, version.version)}</span>
          {tr(`，${version.uploadedBy} 上传，SHA-256 `, `, uploaded by ${version.uploadedBy}, SHA-256 `)}
          <span className="lg-sha" data-testid="version-sha">
            {version.sha256}
          </span>
        </Typography.Paragraph>
      )}
      {!canRead && (
        <Alert
          type="info"
          message={tr(
            '您可以查看此程序，但当前阶段不能阅读草案文本。',
            'You can follow this procedure, but cannot read the draft text in this stage.',
          )}
        />
      )}
      {!!error && <Alert type="warning" message={explain(error, lang)} />}
      {text !== null && (
        <pre
          className="lg-pre"
          data-testid="version-text"
          tabIndex={0}
          aria-label={tr('版本全文', 'Full text of the version')}
        >
          {text}
        </pre>
      )}
      {diff && (
        <>
          <Typography.Text strong>
            {tr(
              `与第${diff.from.version}稿比较：增加 ${diff.added} 行，删除 ${diff.removed} 行`,
              `Compared with v${diff.from.version}: ${diff.added} lines added, ${diff.removed} removed`,
            )}
          </Typography.Text>
          <pre
            className="lg-pre"
            data-testid="version-diff"
            tabIndex={0}
            aria-label={tr('与上一稿的差异', 'Changes from the previous version')}
          >
            {diff.unifiedDiff.split('\n').map((line, i) => (
              <span
                key={i}
                className={
                  line.startsWith('+') && !line.startsWith('+++')
                    ? 'lg-diff-add'
                    : line.startsWith('-') && !line.startsWith('---')
                      ? 'lg-diff-del'
                      : undefined
                }
              >
                {line}
                {'\n'}
              </span>
            ))}
          </pre>
        </>
      )}
    </Space>
  );
}

function TasksTable({ tasks, onDone }: { tasks: Task[]; onDone: () => Promise<void> }) {
  const { user } = useAuth();
  const { lang } = useLang();
  const tr = useTr();
  const canReassign = hasRole(user, 'LEGAL_AFFAIRS_OFFICER', 'SYSTEM_ADMIN');
  return (
    <Table<Task>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={tasks}
      rowClassName={(task) =>
        task.status === 'OPEN' && task.dueAt && Date.parse(task.dueAt) < Date.now() ? 'lg-row-overdue' : ''
      }
      columns={[
        { title: tr('任务', 'Task'), dataIndex: 'title' },
        { title: tr('阶段', 'Stage'), dataIndex: 'stage', render: (s: string) => stageName(s, lang) },
        { title: tr('状态', 'Status'), dataIndex: 'status', render: (s: string) => statusName(s, lang) },
        {
          title: tr('期限', 'Due'),
          key: 'due',
          render: (_, task) =>
            task.status === 'OPEN' ? (
              <Countdown dueAt={task.dueAt} problem={task.dueProblem} />
            ) : (
              formatTime(task.dueAt)
            ),
        },
        {
          title: tr('操作', 'Actions'),
          key: 'actions',
          render: (_, task) =>
            task.status === 'OPEN' && canReassign ? <ReassignButton task={task} onDone={onDone} /> : null,
        },
      ]}
    />
  );
}

export function ReassignButton({
  task,
  onDone,
}: {
  task: Pick<Task, 'id' | 'assigneeUserId'>;
  onDone: () => Promise<void> | void;
}) {
  const { message } = App.useApp();
  const { lang } = useLang();
  const tr = useTr();
  const [open, setOpen] = useState(false);
  const [advisers, setAdvisers] = useState<AdviserCandidate[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!open) return;
    get<{ advisers: AdviserCandidate[] }>('/api/admin/routing')
      .then((r) => setAdvisers(r.advisers.filter((a) => a.active && a.userId !== task.assigneeUserId)))
      .catch((err: unknown) => setError(err));
  }, [open, task.assigneeUserId]);
  if (!open) {
    return (
      <Button size="small" onClick={() => setOpen(true)}>
        {tr('改派', 'Reassign')}
      </Button>
    );
  }
  return (
    <Form
      layout="vertical"
      aria-label={tr('改派任务', 'Reassign the task')}
      onFinish={(v: { toUserId: string; reason: string }) =>
        void post(`/api/tasks/${task.id}/reassign`, v)
          .then(async () => {
            void message.success(tr('已改派', 'Reassigned'));
            setOpen(false);
            await onDone();
          })
          .catch((err: unknown) => setError(err))
      }
    >
      {!!error && <Alert type="error" message={explain(error, lang)} role="alert" />}
      <Form.Item
        label={tr('改派给', 'Reassign to')}
        name="toUserId"
        rules={[{ required: true, message: tr('请选择承办人', 'Choose who takes the task') }]}
      >
        <Select
          aria-label={tr('改派给', 'Reassign to')}
          options={advisers.map((a) => ({
            value: a.userId,
            label: tr(`${a.displayName}（在办 ${a.openTasks}）`, `${a.displayName} (${a.openTasks} open)`),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={tr('改派理由', 'Reason')}
        name="reason"
        rules={[{ required: true, min: 2, message: tr('请填写改派理由', 'Give the reason for the reassignment') }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {tr('确认改派', 'Reassign')}
        </Button>
        <Button onClick={() => setOpen(false)}>{tr('取消', 'Cancel')}</Button>
      </Space>
    </Form>
  );
}

function TaskForms({
  task,
  live,
  focused,
  onDone,
  onSigned,
}: {
  task: Task;
  live: ProcedureSnapshot | null;
  focused: boolean;
  onDone: () => Promise<void>;
  onSigned: (message: string) => void;
}) {
  const { user } = useAuth();
  const tr = useTr();
  if (hasRole(user, 'LEGAL_ADVISER', 'LEGAL_AFFAIRS_OFFICER') && task.stage === 'LEGALITY_REVIEW') {
    return (
      <OpinionForm
        task={task}
        live={live}
        path="legality-opinion"
        title={tr('签署合法性审核意见', 'Sign the legality opinion')}
        onSigned={onSigned}
        focused={focused}
        onDone={onDone}
      />
    );
  }
  if (hasRole(user, 'LEGAL_ADVISER') && task.kind === 'ADVISER_OPINION') {
    // The delegate drafts; the adviser holding the task signs (and countersigns the delegate's draft).
    if (task.delegateUserId === user?.userId && task.assigneeUserId !== user?.userId) {
      return <DelegateDraftForm task={task} live={live} focused={focused} onDone={onDone} />;
    }
    if (task.assigneeUserId !== user?.userId) return null;
    return (
      <OpinionForm
        task={task}
        live={live}
        path="opinion"
        title={tr('签署法律顾问意见', "Sign the adviser's opinion")}
        focused={focused}
        onDone={onDone}
        onSigned={onSigned}
        delegation
      />
    );
  }
  return <OfficerTaskForms task={task} onDone={onDone} />;
}

type Conclusion = 'LAWFUL' | 'UNLAWFUL' | 'MUST_AMEND';

function useConclusionOptions() {
  const tr = useTr();
  return [
    { value: 'LAWFUL', label: tr('合法', 'Lawful') },
    { value: 'UNLAWFUL', label: tr('不合法', 'Unlawful') },
    { value: 'MUST_AMEND', label: tr('应当予以修改', 'Must be amended') },
  ];
}

function OpinionForm({
  task,
  live,
  path,
  title,
  focused,
  onDone,
  onSigned,
  delegation = false,
}: {
  task: Task;
  live: ProcedureSnapshot | null;
  path: string;
  title: string;
  focused: boolean;
  onDone: () => Promise<void>;
  onSigned: (message: string) => void;
  /** An adviser's opinion, which the holder may have a colleague draft. */
  delegation?: boolean;
}) {
  const { t, lang } = useLang();
  const tr = useTr();
  const options = useConclusionOptions();
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The version read is the one the page shows: what the procedure had when the page was loaded.
  const [read] = useState(() => live?.documents?.DRAFT ?? null);

  const sign = async (values: { conclusion?: string; reasons?: string }, countersign = false) => {
    if (!read) return;
    if (!values.conclusion) {
      setError(new Error(tr('请选择审核结论。', 'Choose a conclusion.')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const snapshot = await post<ProcedureSnapshot>(
        `/api/tasks/${task.id}/${path}`,
        { conclusion: values.conclusion, reasons: values.reasons ?? '', reviewedSha256: read.sha256 },
        newIdempotencyKey(),
      );
      const stage = stageName(snapshot.stage, lang);
      const done = countersign
        ? tr(`已会签。程序现处于“${stage}”阶段。`, `Countersigned. The procedure is now in "${stage}".`)
        : tr(`已签署。程序现处于“${stage}”阶段。`, `Signed. The procedure is now in "${stage}".`);
      setResult(done);
      onSigned(done);
      await onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const errorText = error instanceof Error && !('status' in error) ? error.message : explain(error, lang);
  return (
    <Card title={title} size="small" style={focused ? { borderColor: '#b7282e' } : undefined}>
      <Typography.Paragraph>
        {task.title} · {tr('依据：', 'Basis: ')}
        {task.legalBasis} · <Countdown dueAt={task.dueAt} problem={task.dueProblem} />
      </Typography.Paragraph>
      {read && (
        <Typography.Paragraph>
          {tr(`所审草案：第${read.version}稿，SHA-256 `, `Draft under review: v${read.version}, SHA-256 `)}
          <span className="lg-sha">{read.sha256}</span>
        </Typography.Paragraph>
      )}
      {result && <Alert type="success" showIcon message={result} role="status" />}
      {!!error && <Alert type="error" showIcon message={errorText} role="alert" data-testid="sign-error" />}
      {!result && delegation && (
        <DelegationPanel
          task={task}
          read={read}
          busy={busy}
          onCountersign={(d) => void sign(d, true)}
          onDone={onDone}
        />
      )}
      {!result && (
        <Form layout="vertical" onFinish={(v: { conclusion?: string; reasons?: string }) => void sign(v)}>
          <Form.Item label={t.conclusion} name="conclusion">
            <Radio.Group options={options} />
          </Form.Item>
          <Form.Item label={t.reasons} name="reasons">
            <Input.TextArea
              rows={4}
              placeholder={tr(
                '结论为不合法或应当修改时必须写明理由',
                'Reasons are required when the draft is unlawful or must be amended',
              )}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!read}>
            {t.sign}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/**
 * The holder's side of delegation: hand the drafting of the opinion to another adviser (with a reason), and once the
 * delegate has drafted it, read the draft and countersign it (the ledger records who drafted it).
 */
function DelegationPanel({
  task,
  read,
  busy,
  onCountersign,
  onDone,
}: {
  task: Task;
  read: { version: number; sha256: string } | null;
  busy: boolean;
  onCountersign: (draft: { conclusion: Conclusion; reasons: string }) => void;
  onDone: () => Promise<void>;
}) {
  const { message } = App.useApp();
  const { lang } = useLang();
  const tr = useTr();
  const [candidates, setCandidates] = useState<DelegateCandidate[]>([]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    get<DelegateCandidate[]>(`/api/tasks/${task.id}/delegates`)
      .then(setCandidates)
      .catch((err: unknown) => setError(err));
  }, [task.id]);
  const nameOf = (userId: string) => candidates.find((c) => c.userId === userId)?.displayName ?? '—';
  const draft = task.draftOpinion;

  const delegate = async (v: { toUserId: string; reason: string }) => {
    setError(null);
    try {
      await post(`/api/tasks/${task.id}/delegate`, { toUserId: v.toUserId, reason: v.reason.trim() });
      void message.success(tr(`已委托 ${nameOf(v.toUserId)} 起草`, `Delegated to ${nameOf(v.toUserId)}`));
      setOpen(false);
      await onDone();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {!!error && <Alert type="error" showIcon message={explain(error, lang)} role="alert" />}
      {task.delegateUserId && !draft && (
        <Alert
          type="info"
          showIcon
          data-testid="delegation-status"
          message={tr(
            `已委托 ${nameOf(task.delegateUserId)} 起草意见，等待其提交草稿；您也可以直接签署。`,
            `${nameOf(task.delegateUserId)} is drafting the opinion; you can still sign it yourself.`,
          )}
        />
      )}
      {draft && (
        <Card
          size="small"
          type="inner"
          title={tr(`${nameOf(draft.byUserId)} 起草的意见`, `Draft opinion by ${nameOf(draft.byUserId)}`)}
          data-testid="draft-opinion"
        >
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={tr('结论', 'Conclusion')}>
              {conclusionName(draft.conclusion, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={tr('理由', 'Reasons')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{draft.reasons || '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={tr('提交时间', 'Submitted')}>{formatTime(draft.at)}</Descriptions.Item>
          </Descriptions>
          {read && draft.reviewedSha256 !== read.sha256 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              message={tr(
                `草稿依据的不是您正在审阅的第${read.version}稿；会签将以第${read.version}稿为准。`,
                `The draft was written on another version than v${read.version}, the one you read; countersigning binds v${read.version}.`,
              )}
            />
          )}
          <Button
            type="primary"
            loading={busy}
            disabled={!read}
            onClick={() => onCountersign({ conclusion: draft.conclusion, reasons: draft.reasons })}
          >
            {tr('审核无误，会签', 'Countersign')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {tr(
              '如需修改，请在下方填写您的结论和理由后签署。',
              'To change it, give your own conclusion and reasons below and sign.',
            )}
          </Typography.Paragraph>
        </Card>
      )}
      {!open ? (
        <Button onClick={() => setOpen(true)}>
          {task.delegateUserId
            ? tr('改为委托他人起草', 'Delegate to someone else')
            : tr('委托起草', 'Delegate drafting')}
        </Button>
      ) : (
        <Card
          size="small"
          type="inner"
          title={tr('委托其他法律顾问起草意见', 'Have another adviser draft the opinion')}
        >
          <Form
            layout="vertical"
            aria-label={tr('委托起草', 'Delegate drafting')}
            onFinish={(v: { toUserId: string; reason: string }) => void delegate(v)}
          >
            <Form.Item
              label={tr('委托给', 'Delegate to')}
              name="toUserId"
              rules={[{ required: true, message: tr('请选择法律顾问', 'Choose an adviser') }]}
            >
              <Select
                aria-label={tr('委托给', 'Delegate to')}
                options={candidates
                  .filter((c) => c.userId !== task.delegateUserId)
                  .map((c) => ({
                    value: c.userId,
                    label: tr(
                      `${c.displayName}（${c.expertise.join('、') || '无专长登记'}，在办 ${c.openTasks}）`,
                      `${c.displayName} (${c.expertise.join(', ') || 'no expertise listed'}, ${c.openTasks} open)`,
                    ),
                  }))}
                notFoundContent={tr('没有可委托的法律顾问', 'No adviser can take it')}
              />
            </Form.Item>
            <Form.Item
              label={tr('委托理由', 'Reason')}
              name="reason"
              rules={[
                { required: true, whitespace: true, message: tr('请填写委托理由', 'Give the reason for delegating') },
                { min: 2, message: tr('委托理由至少2个字', 'The reason needs at least 2 characters') },
              ]}
            >
              <Input.TextArea rows={2} aria-label={tr('委托理由', 'Reason')} />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {tr('确认委托', 'Delegate')}
              </Button>
              <Button onClick={() => setOpen(false)}>{tr('取消', 'Cancel')}</Button>
            </Space>
          </Form>
        </Card>
      )}
    </Space>
  );
}

/** The delegate's form: the draft opinion on the version shown, for the holder to countersign. */
function DelegateDraftForm({
  task,
  live,
  focused,
  onDone,
}: {
  task: Task;
  live: ProcedureSnapshot | null;
  focused: boolean;
  onDone: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const tr = useTr();
  const options = useConclusionOptions();
  const [read] = useState(() => live?.documents?.DRAFT ?? null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const mine = task.draftOpinion;

  const submit = async (v: { conclusion: Conclusion; reasons?: string }) => {
    if (!read) return;
    setBusy(true);
    setError(null);
    try {
      await post(`/api/tasks/${task.id}/opinion-draft`, {
        conclusion: v.conclusion,
        reasons: v.reasons?.trim() ?? '',
        reviewedSha256: read.sha256,
      });
      await onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={tr('受委托起草法律顾问意见', "Draft the adviser's opinion (delegated to you)")}
      size="small"
      style={focused ? { borderColor: '#b7282e' } : undefined}
      data-testid="delegate-draft"
    >
      <Typography.Paragraph>
        {task.title} · {tr('依据：', 'Basis: ')}
        {task.legalBasis} · <Countdown dueAt={task.dueAt} problem={task.dueProblem} />
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {tr(
          '您起草的意见经承办的法律顾问会签后才生效。',
          'Your draft counts once the adviser holding the task countersigns it.',
        )}
      </Typography.Paragraph>
      {read && (
        <Typography.Paragraph>
          {tr(`起草依据：草案第${read.version}稿，SHA-256 `, `Written on: draft v${read.version}, SHA-256 `)}
          <span className="lg-sha">{read.sha256}</span>
        </Typography.Paragraph>
      )}
      {mine && (
        <Alert
          type="success"
          showIcon
          role="status"
          data-testid="draft-submitted"
          style={{ marginBottom: 12 }}
          message={tr(
            `已提交意见草稿（${conclusionName(mine.conclusion)}，${formatTime(mine.at)}），等待承办顾问会签。可修改后重新提交。`,
            `Draft submitted (${conclusionName(mine.conclusion, 'en')}, ${formatTime(mine.at)}); waiting for the countersignature. You can change and submit it again.`,
          )}
        />
      )}
      {!!error && <Alert type="error" showIcon message={explain(error, lang)} role="alert" />}
      <Form
        layout="vertical"
        initialValues={mine ? { conclusion: mine.conclusion, reasons: mine.reasons } : undefined}
        onFinish={(v: { conclusion: Conclusion; reasons?: string }) => void submit(v)}
      >
        <Form.Item
          label={t.conclusion}
          name="conclusion"
          // A validator rather than `required`: antd would mark the radio group aria-required, which a div may not carry.
          rules={[
            {
              validator: (_, value?: string) =>
                value ? Promise.resolve() : Promise.reject(new Error(tr('请选择审核结论', 'Choose a conclusion'))),
            },
          ]}
        >
          <Radio.Group options={options} />
        </Form.Item>
        <Form.Item
          label={t.reasons}
          name="reasons"
          dependencies={['conclusion']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                getFieldValue('conclusion') !== 'LAWFUL' && !value?.trim()
                  ? Promise.reject(
                      new Error(
                        tr(
                          '结论为不合法或应当修改时必须写明理由',
                          'Reasons are required when the draft is unlawful or must be amended',
                        ),
                      ),
                    )
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.TextArea rows={4} aria-label={t.reasons} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} disabled={!read}>
          {tr('提交意见草稿', 'Submit the draft opinion')}
        </Button>
      </Form>
    </Card>
  );
}
