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
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import {
  NORMATIVE_DOCUMENT_STAGE_BASIS,
  NORMATIVE_DOCUMENT_STAGE_ORDER,
} from '../../../../libs/domain/src/procedures/normative-document.contract';
import {
  MAJOR_DECISION_STAGE_BASIS,
  MAJOR_DECISION_STAGE_ORDER,
} from '../../../../libs/domain/src/procedures/major-decision.contract';
import { apiText, get, newIdempotencyKey, post } from '../api';
import { hasRole, useAuth } from '../auth';
import { useLang } from '../i18n';
import { conclusionName, DOCUMENT_KIND_NAMES, explain, formatTime, stageName, statusName } from '../labels';
import type {
  AdviserCandidate,
  ProcedureDetail,
  ProcedureDocument,
  ProcedureSnapshot,
  Task,
  VersionDiff,
} from '../types';
import { Countdown } from './Inbox';
import { DrafterSteps } from './DrafterSteps';
import { MajorDecisionSteps } from './MajorDecisionSteps';
import { OfficerProcedureSteps, OfficerTaskForms } from './OfficerSteps';

export function ProcedurePage() {
  const { id } = useParams<{ id: string }>();
  const [search] = useSearchParams();
  const { user } = useAuth();
  const { t, lang } = useLang();
  const [detail, setDetail] = useState<ProcedureDetail | null>(null);
  const [documents, setDocuments] = useState<ProcedureDocument[]>([]);
  const [error, setError] = useState<string | null>(null);
  // What the last sign-off answered: kept here, since the signed task (and its form) leaves the page on reload.
  const [signed, setSigned] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const d = await get<ProcedureDetail>(`/api/procedures/${id}`);
      setDetail(d);
      setDocuments(await get<ProcedureDocument[]>(`/api/procedures/${id}/documents`).catch(() => []));
    } catch (err) {
      setError(explain(err));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Alert type="error" message={error} showIcon role="alert" />;
  if (!detail) return <Typography.Text>加载中…</Typography.Text>;

  const live = detail.live;
  const stage = live?.stage ?? detail.stage;
  const openTasks = detail.tasks.filter((task) => task.status === 'OPEN');
  const focusTask = search.get('task');
  const canReadDrafts = !hasRole(user, 'SYSTEM_ADMIN') || hasRole(user, 'LEGAL_AFFAIRS_OFFICER', 'DRAFTER');
  const mine = (task: Task) => task.assigneeUserId === user?.userId || task.assigneeUnitId === user?.unitId;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {detail.title}
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label="当前阶段">
          <Tag color="blue" data-testid="current-stage">
            {stageName(stage, lang)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="状态">{statusName(live?.status ?? detail.status)}</Descriptions.Item>
        <Descriptions.Item label="起草单位">{detail.departmentName}</Descriptions.Item>
        <Descriptions.Item label="项目编号">{detail.projectCode}</Descriptions.Item>
        <Descriptions.Item label={t.waitingFor}>{live?.waitingFor ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="期限">
          {live?.dueAt ? <Countdown dueAt={live.dueAt} /> : '—'}
          {live?.dueAt && <div>{formatTime(live.dueAt)}</div>}
        </Descriptions.Item>
        {live?.registration && <Descriptions.Item label="文号">{live.registration.number}</Descriptions.Item>}
        <Descriptions.Item label="工作流">
          <a href={detail.temporalUiUrl} target="_blank" rel="noreferrer">
            {t.temporalUi}
          </a>
        </Descriptions.Item>
      </Descriptions>

      {signed && <Alert type="success" showIcon message={signed} role="status" data-testid="sign-result" />}
      {detail.type === 'MAJOR_DECISION' && <MajorDecisionSteps procedureId={detail.id} onDone={load} />}
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
      {detail.type !== 'MAJOR_DECISION' && hasRole(user, 'DRAFTER') && user?.unitId === detail.departmentId && live && (
        <DrafterSteps procedureId={detail.id} live={live} documents={documents} onDone={load} />
      )}

      {detail.type !== 'MAJOR_DECISION' &&
        hasRole(user, 'LEGAL_AFFAIRS_OFFICER') &&
        ['IN_FORCE', 'PUBLICATION'].includes(stage) && <OfficerProcedureSteps procedureId={detail.id} onDone={load} />}
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
      <Card title={t.ledger} size="small">
        <Table
          rowKey="seq"
          size="small"
          pagination={false}
          scroll={{ x: 720 }}
          dataSource={detail.ledger}
          columns={[
            { title: '序号', dataIndex: 'seq' },
            { title: '阶段', dataIndex: 'stage', render: (s: string) => stageName(s, lang) },
            { title: '签署人', dataIndex: 'actorName' },
            { title: '决定', dataIndex: 'decision', render: (d: string) => conclusionName(d) },
            { title: '意见', dataIndex: 'opinion' },
            { title: '时间', dataIndex: 'recordedAt', render: (v: string) => formatTime(v) },
            {
              title: '文件 SHA-256',
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
          const signed = detail.ledger.filter((e) => e.stage === (s));
          const state = terminal ? 'gray' : i < current ? 'green' : i === current ? 'blue' : 'gray';
          return {
            color: state,
            children: (
              <div aria-current={i === current ? 'step' : undefined}>
                <Typography.Text strong={i === current}>
                  {stageName(s, lang)}
                  {i === current && '（当前）'}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    依据：{basis.regulation} {basis.article}
                    {!basis.verified && '（待核实）'}
                  </Typography.Text>
                </div>
                {i === current && detail.live?.waitingFor && (
                  <div>
                    等待：{detail.live.waitingFor}
                    {detail.live.dueAt && `，期限 ${formatTime(detail.live.dueAt)}`}
                  </div>
                )}
                {signed.map((e) => (
                  <div key={e.seq} style={{ fontSize: 12 }}>
                    {e.actorName} · {conclusionName(e.decision)} · {formatTime(e.recordedAt)}
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
  const [selected, setSelected] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
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
        setError(explain(err));
      }
    },
    [all, canRead],
  );

  useEffect(() => {
    if (draft && canRead) void show(draft.versionId);
  }, [draft, canRead, show]);

  if (documents.length === 0) return <Typography.Text type="secondary">尚无文件。</Typography.Text>;
  const version = all.find((v) => v.versionId === selected);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        aria-label="选择文件版本"
        style={{ width: '100%' }}
        value={selected ?? undefined}
        onChange={(v: string) => void show(v)}
        options={all.map((v) => ({
          value: v.versionId,
          label: `${DOCUMENT_KIND_NAMES[v.kind] ?? v.kind} 第${v.version}稿 · ${v.filename} · ${formatTime(v.uploadedAt)}`,
        }))}
      />
      {version && (
        <Typography.Paragraph style={{ margin: 0 }}>
          <span data-testid="version-label">
            {DOCUMENT_KIND_NAMES[version.kind] ?? version.kind} 第{version.version}稿
          </span>
          ，{version.uploadedBy} 上传，SHA-256{' '}
          <span className="lg-sha" data-testid="version-sha">
            {version.sha256}
          </span>
        </Typography.Paragraph>
      )}
      {!canRead && <Alert type="info" message="您可以查看此程序，但当前阶段不能阅读草案文本。" />}
      {error && <Alert type="warning" message={error} />}
      {text !== null && (
        <pre className="lg-pre" data-testid="version-text" tabIndex={0} aria-label="版本全文">
          {text}
        </pre>
      )}
      {diff && (
        <>
          <Typography.Text strong>
            与第{diff.from.version}稿比较：增加 {diff.added} 行，删除 {diff.removed} 行
          </Typography.Text>
          <pre className="lg-pre" data-testid="version-diff" tabIndex={0} aria-label="与上一稿的差异">
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
        { title: '任务', dataIndex: 'title' },
        { title: '阶段', dataIndex: 'stage', render: (s: string) => stageName(s, lang) },
        { title: '状态', dataIndex: 'status', render: (s: string) => statusName(s) },
        {
          title: '期限',
          key: 'due',
          render: (_, task) =>
            task.status === 'OPEN' ? (
              <Countdown dueAt={task.dueAt} problem={task.dueProblem} />
            ) : (
              formatTime(task.dueAt)
            ),
        },
        {
          title: '操作',
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
  const [open, setOpen] = useState(false);
  const [advisers, setAdvisers] = useState<AdviserCandidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    get<{ advisers: AdviserCandidate[] }>('/api/admin/routing')
      .then((r) => setAdvisers(r.advisers.filter((a) => a.active && a.userId !== task.assigneeUserId)))
      .catch((err: unknown) => setError(explain(err)));
  }, [open, task.assigneeUserId]);
  if (!open) {
    return (
      <Button size="small" onClick={() => setOpen(true)}>
        改派
      </Button>
    );
  }
  return (
    <Form
      layout="vertical"
      aria-label="改派任务"
      onFinish={(v: { toUserId: string; reason: string }) =>
        void post(`/api/tasks/${task.id}/reassign`, v)
          .then(async () => {
            void message.success('已改派');
            setOpen(false);
            await onDone();
          })
          .catch((err: unknown) => setError(explain(err)))
      }
    >
      {error && <Alert type="error" message={error} role="alert" />}
      <Form.Item label="改派给" name="toUserId" rules={[{ required: true, message: '请选择承办人' }]}>
        <Select
          aria-label="改派给"
          options={advisers.map((a) => ({ value: a.userId, label: `${a.displayName}（在办 ${a.openTasks}）` }))}
        />
      </Form.Item>
      <Form.Item label="改派理由" name="reason" rules={[{ required: true, min: 2, message: '请填写改派理由' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          确认改派
        </Button>
        <Button onClick={() => setOpen(false)}>取消</Button>
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
  if (hasRole(user, 'LEGAL_ADVISER', 'LEGAL_AFFAIRS_OFFICER') && task.stage === 'LEGALITY_REVIEW') {
    return (
      <OpinionForm
        task={task}
        live={live}
        path="legality-opinion"
        title="签署合法性审核意见"
        onSigned={onSigned}
        focused={focused}
        onDone={onDone}
      />
    );
  }
  if (hasRole(user, 'LEGAL_ADVISER') && task.kind === 'ADVISER_OPINION') {
    return (
      <OpinionForm
        task={task}
        live={live}
        path="opinion"
        title="签署法律顾问意见"
        focused={focused}
        onDone={onDone}
        onSigned={onSigned}
      />
    );
  }
  return <OfficerTaskForms task={task} onDone={onDone} />;
}

function OpinionForm({
  task,
  live,
  path,
  title,
  focused,
  onDone,
  onSigned,
}: {
  task: Task;
  live: ProcedureSnapshot | null;
  path: string;
  title: string;
  focused: boolean;
  onDone: () => Promise<void>;
  onSigned: (message: string) => void;
}) {
  const { t, lang } = useLang();
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The version read is the one the page shows: what the procedure had when the page was loaded.
  const [read] = useState(() => live?.documents?.DRAFT ?? null);

  const sign = async (values: { conclusion: string; reasons?: string }) => {
    if (!read) return;
    if (!values.conclusion) {
      setError('请选择审核结论。');
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
      const done = `已签署。程序现处于“${stageName(snapshot.stage, lang)}”阶段。`;
      setResult(done);
      onSigned(done);
      await onDone();
    } catch (err) {
      setError(explain(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={title} size="small" style={focused ? { borderColor: '#b7282e' } : undefined}>
      <Typography.Paragraph>
        {task.title} · 依据：{task.legalBasis} · <Countdown dueAt={task.dueAt} problem={task.dueProblem} />
      </Typography.Paragraph>
      {read && (
        <Typography.Paragraph>
          所审草案：第{read.version}稿，SHA-256 <span className="lg-sha">{read.sha256}</span>
        </Typography.Paragraph>
      )}
      {result && <Alert type="success" showIcon message={result} role="status" />}
      {error && <Alert type="error" showIcon message={error} role="alert" data-testid="sign-error" />}
      {!result && (
        <Form layout="vertical" onFinish={(v: { conclusion: string; reasons?: string }) => void sign(v)}>
          <Form.Item label={t.conclusion} name="conclusion">
            <Radio.Group
              options={[
                { value: 'LAWFUL', label: '合法' },
                { value: 'UNLAWFUL', label: '不合法' },
                { value: 'MUST_AMEND', label: '应当予以修改' },
              ]}
            />
          </Form.Item>
          <Form.Item label={t.reasons} name="reasons">
            <Input.TextArea rows={4} placeholder="结论为不合法或应当修改时必须写明理由" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!read}>
            {t.sign}
          </Button>
        </Form>
      )}
    </Card>
  );
}
