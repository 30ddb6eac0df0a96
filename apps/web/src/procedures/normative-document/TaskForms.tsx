import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Space, Typography } from 'antd';
import { Select } from '../../select';
import { useEffect, useState } from 'react';
import { get, newIdempotencyKey, post } from '../../api';
import { hasRole, useAuth } from '../../auth';
import { useLang, useTr } from '../../i18n';
import { conclusionName, explain, formatTime, stageName } from '../../labels';
import type { DelegateCandidate, ProcedureSnapshot, Task } from '../../api/types';
import { Countdown } from '../../pages/Inbox';
import { OfficerTaskForms } from '../../pages/OfficerSteps';
import { EvaluationForm } from './EvaluationForm';
import { PreReviewPanel, type PreReviewDecision } from '../shared/PreReviewPanel';

export function TaskForms({
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
        endpoint={`/api/procedures/${task.procedureId}/steps/legality-opinion`}
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
        endpoint={`/api/tasks/${task.id}/opinion`}
        title={tr('签署法律顾问意见', "Sign the adviser's opinion")}
        focused={focused}
        onDone={onDone}
        onSigned={onSigned}
        delegation
      />
    );
  }
  if (hasRole(user, 'LEGAL_AFFAIRS_OFFICER') && task.kind === 'EVALUATION') {
    return <EvaluationForm task={task} live={live} onDone={onDone} onSigned={onSigned} />;
  }
  return <OfficerTaskForms task={task} live={live} onDone={onDone} onSigned={onSigned} />;
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
  endpoint,
  title,
  focused,
  onDone,
  onSigned,
  delegation = false,
}: {
  task: Task;
  live: ProcedureSnapshot | null;
  /** The legality opinion is a step of the procedure; an adviser's opinion answers its own task. */
  endpoint: string;
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
  // The version read is the one the page shows: what the procedure had when its live state first came.
  const read = useVersionRead(live);
  // The legality opinion decides each pre-review finding; the adviser's opinion does not carry them.
  const withPreReview = endpoint.endsWith('/steps/legality-opinion');
  const [preReview, setPreReview] = useState<{ decisions: PreReviewDecision[] | null; complete: boolean }>({
    decisions: null,
    complete: !withPreReview,
  });

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
        endpoint,
        {
          conclusion: values.conclusion,
          reasons: values.reasons ?? '',
          reviewedSha256: read.sha256,
          ...(withPreReview && preReview.decisions ? { preReviewDecisions: preReview.decisions } : {}),
        },
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
      {!result && withPreReview && (
        <PreReviewPanel
          procedureId={task.procedureId}
          sha256={read?.sha256 ?? null}
          onChange={(decisions, complete) => setPreReview({ decisions, complete })}
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
          <Button type="primary" htmlType="submit" loading={busy} disabled={!read || !preReview.complete}>
            {t.sign}
          </Button>
          {!preReview.complete && (
            <Typography.Paragraph type="secondary">
              {tr(
                '请先对每项自动预审发现作出确认或排除并说明理由。',
                'Decide each pre-review finding, with a reason, first.',
              )}
            </Typography.Paragraph>
          )}
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
                showSearch
                optionFilterProp="label"
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
  const read = useVersionRead(live);
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

/**
 * The draft a reviewer reads and signs: the version the page showed when the procedure's live state first came. It is
 * kept when a newer draft arrives later (the sign-off then names the version read, and the API refuses it as stale);
 * a page loaded while the live state was missing adopts the version once it comes.
 */
function useVersionRead(live: ProcedureSnapshot | null) {
  const [read, setRead] = useState(() => live?.documents?.DRAFT ?? null);
  const current = live?.documents?.DRAFT ?? null;
  useEffect(() => {
    if (!read && current) setRead(current);
  }, [read, current]);
  return read;
}
