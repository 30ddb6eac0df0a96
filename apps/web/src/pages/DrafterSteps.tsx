import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { Select } from '../select';
import { useCallback, useEffect, useState } from 'react';
import { api, get, newIdempotencyKey, post } from '../api';
import { useLang, useTr } from '../i18n';
import { conclusionName, documentKindName, explain, formatTime, stageName } from '../labels';
import type { DrafterComment, ProcedureCommentWindow, ProcedureDocument, ProcedureSnapshot } from '../api/types';

type Done = () => Promise<void>;

/** The drafting department's steps on its own procedure, offered by stage. */
export function DrafterSteps({
  procedureId,
  live,
  documents,
  onDone,
}: {
  procedureId: string;
  live: ProcedureSnapshot;
  documents: ProcedureDocument[];
  onDone: Done;
}) {
  const { message } = App.useApp();
  const { lang } = useLang();
  const tr = useTr();
  const [error, setError] = useState<string | null>(null);
  const stage: string = live.stage;
  const step = async (path: string, body: unknown, done?: string) => {
    setError(null);
    try {
      const s = await post<ProcedureSnapshot>(`/api/procedures/${procedureId}/${path}`, body, newIdempotencyKey());
      void message.success(
        tr(
          `${done ?? '已提交'}，当前阶段：${stageName(s.stage)}`,
          `${done ?? 'Submitted'}; the procedure is now in "${stageName(s.stage, 'en')}"`,
        ),
      );
      await onDone();
    } catch (err) {
      setError(explain(err, lang));
    }
  };

  return (
    <Card title={tr('起草单位操作', "Drafting department's steps")} size="small">
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      {stage === 'DRAFTING' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <UploadForm procedureId={procedureId} documents={documents} onDone={onDone} onError={setError} />
          <Form
            layout="inline"
            onFinish={(v: { note?: string }) =>
              void step('steps/complete-drafting', { note: v.note ?? '' }, tr('起草完成', 'Drafting completed'))
            }
          >
            <Form.Item label={tr('说明', 'Note')} name="note">
              <Input style={{ width: 240 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {tr('完成起草', 'Complete drafting')}
            </Button>
          </Form>
          <Form
            layout="inline"
            onFinish={(v: { expertise: string; question: string }) =>
              void step(
                'adviser-opinion-requests',
                { expertise: v.expertise.split(/[，,\s]+/).filter(Boolean), question: v.question },
                tr('已请求法律顾问意见', 'Adviser opinion requested'),
              )
            }
          >
            <Form.Item
              label={tr('所需专业', 'Expertise needed')}
              name="expertise"
              rules={[{ required: true, message: tr('请填写专业领域', 'Name the area of expertise') }]}
            >
              <Input placeholder={tr('如：教育', 'e.g. 教育')} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item
              label={tr('咨询问题', 'Question')}
              name="question"
              rules={[{ required: true, message: tr('请填写问题', 'Write the question') }]}
            >
              <Input style={{ width: 240 }} />
            </Form.Item>
            <Button htmlType="submit">{tr('请法律顾问出具意见', 'Ask a legal adviser for an opinion')}</Button>
          </Form>
        </Space>
      )}
      {stage === 'FAIR_COMPETITION_REVIEW' && (
        <Form
          layout="vertical"
          onFinish={(v: { conclusion: string; summary: string }) =>
            void step('steps/fair-competition-review', v, tr('已记录公平竞争审查', 'Fair-competition review recorded'))
          }
        >
          <Form.Item
            label={tr('审查结论', 'Conclusion')}
            name="conclusion"
            rules={[{ required: true, message: tr('请选择结论', 'Choose the conclusion') }]}
          >
            <Select
              aria-label={tr('审查结论', 'Conclusion')}
              options={[
                { value: 'COMPLIANT', label: tr('符合公平竞争审查标准', 'Meets the fair-competition standards') },
                { value: 'NON_COMPLIANT', label: tr('不符合', 'Does not meet them') },
              ]}
            />
          </Form.Item>
          <Form.Item
            label={tr('审查摘要', 'Summary')}
            name="summary"
            rules={[{ required: true, message: tr('请填写摘要', 'Write the summary') }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {tr('记录审查结论', 'Record the conclusion')}
          </Button>
        </Form>
      )}
      {stage === 'PUBLIC_COMMENT' && <CommentSteps procedureId={procedureId} live={live} step={step} />}
      {stage === 'OWN_LEGALITY_CHECK' && (
        <Form
          layout="vertical"
          onFinish={(v: { note: string; expertise?: string }) =>
            void step(
              'steps/submit-for-review',
              { note: v.note, expertise: v.expertise ? v.expertise.split(/[，,\s]+/).filter(Boolean) : undefined },
              tr('已报送合法性审核', 'Submitted for the legality review'),
            )
          }
        >
          <Form.Item
            label={tr('本单位合法性审核结论', "Your department's own legality conclusion")}
            name="note"
            rules={[{ required: true, message: tr('请填写审核结论', 'Write the conclusion') }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label={tr('所需专业（可选）', 'Expertise needed (optional)')} name="expertise">
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {tr('报送合法性审核', 'Submit for the legality review')}
          </Button>
        </Form>
      )}
      {stage === 'REVISION' && (
        <Form
          layout="vertical"
          onFinish={(v: { statement?: string }) =>
            void step(
              'steps/resubmit',
              v.statement ? { adoptedAll: false, nonAdoptionStatement: v.statement } : { adoptedAll: true },
              tr('已重新报送', 'Resubmitted'),
            )
          }
        >
          <Form.Item
            label={tr(
              '未采纳意见的理由和依据（全部采纳时留空）',
              'Reasons and basis for not adopting the opinion (empty when adopted in full)',
            )}
            name="statement"
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {tr('重新报送审核', 'Resubmit for review')}
          </Button>
        </Form>
      )}
      {!['DRAFTING', 'FAIR_COMPETITION_REVIEW', 'PUBLIC_COMMENT', 'OWN_LEGALITY_CHECK', 'REVISION'].includes(stage) && (
        // The effective date (until publication) and the amendment (in force) have their own cards below.
        <Typography.Text type="secondary">
          {tr('当前阶段无需起草单位操作。', 'Nothing for the drafting department to do in this stage.')}
        </Typography.Text>
      )}
    </Card>
  );
}

const KINDS = [
  'DRAFT',
  'DRAFTING_EXPLANATION',
  'BASIS_LIST',
  'FAIR_COMPETITION_REVIEW',
  'OWN_LEGALITY_OPINION',
  'MEETING_RECORD',
];
const TYPES: Record<string, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function UploadForm({
  procedureId,
  documents,
  onDone,
  onError,
}: {
  procedureId: string;
  documents: ProcedureDocument[];
  onDone: Done;
  onError: (e: string | null) => void;
}) {
  const { message } = App.useApp();
  const { lang } = useLang();
  const tr = useTr();
  const [kind, setKind] = useState('DRAFT');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const current = documents.find((d) => d.kind === kind)?.current;

  const upload = async () => {
    onError(null);
    const ext = file?.name.split('.').pop()?.toLowerCase() ?? 'txt';
    const contentType = file
      ? file.type && Object.values(TYPES).includes(file.type)
        ? file.type
        : TYPES[ext]
      : 'text/plain';
    if (!file && !text.trim()) return onError(tr('请选择文件或填写文本。', 'Choose a file or write the text.'));
    if (!contentType) {
      return onError(tr('只能上传 txt、md、pdf 或 docx 文件。', 'Only txt, md, pdf or docx files can be uploaded.'));
    }
    try {
      await api('POST', `/api/procedures/${procedureId}/documents/${kind}`, {
        raw: {
          data: file ?? text,
          contentType,
          headers: {
            'x-filename': encodeURIComponent(file?.name ?? `${documentKindName(kind)}.txt`),
            'x-note': encodeURIComponent(note),
          },
        },
      });
      void message.success(tr(`已上传${documentKindName(kind)}`, `${documentKindName(kind, 'en')} uploaded`));
      setText('');
      setFile(null);
      setNote('');
      await onDone();
    } catch (err) {
      onError(explain(err, lang));
    }
  };

  return (
    <Card size="small" type="inner" title={tr('上传文件或修改稿', 'Upload a document or a revision')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          aria-label={tr('文件种类', 'Kind of document')}
          value={kind}
          onChange={setKind}
          style={{ minWidth: 220 }}
          options={KINDS.map((k) => ({ value: k, label: documentKindName(k, lang) }))}
        />
        <Typography.Text type="secondary">
          {current
            ? tr(
                `现为第${current.version}稿，上传后为第${current.version + 1}稿`,
                `Now at v${current.version}; the upload becomes v${current.version + 1}`,
              )
            : tr('尚未上传，上传后为第1稿', 'Nothing uploaded yet; the upload becomes v1')}
        </Typography.Text>
        <label>
          {tr('选择文件（txt、md、pdf、docx）：', 'Choose a file (txt, md, pdf, docx): ')}
          <input type="file" accept=".txt,.md,.pdf,.docx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <Input.TextArea
          aria-label={tr('或直接填写文本', 'Or write the text here')}
          placeholder={tr('或直接填写文本', 'Or write the text here')}
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Input
          aria-label={tr('修改说明', 'What changed')}
          placeholder={tr('修改说明（可选）', 'What changed (optional)')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <Button type="primary" onClick={() => void upload()}>
          {tr('上传', 'Upload')}
        </Button>
      </Space>
    </Card>
  );
}

function CommentSteps({
  procedureId,
  live,
  step,
}: {
  procedureId: string;
  live: ProcedureSnapshot;
  step: (path: string, body: unknown, done?: string) => Promise<void>;
}) {
  const window = live.commentWindow;
  const { lang } = useLang();
  const tr = useTr();
  const [comments, setComments] = useState<DrafterComment[]>([]);
  const [info, setInfo] = useState<ProcedureCommentWindow | null>(null);
  const load = useCallback(async () => {
    if (!window) return;
    const windows = await get<ProcedureCommentWindow[]>(`/api/procedures/${procedureId}/comment-windows`);
    setInfo(windows.find((w) => w.windowId === window.windowId) ?? null);
    setComments(await get<DrafterComment[]>(`/api/comment-windows/${window.windowId}/comments`));
  }, [procedureId, window]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!window) {
    return (
      <Form
        layout="inline"
        onFinish={(v: { amount?: number; unit?: string; shortenedReason?: string }) =>
          void step(
            'steps/comment-window',
            v.amount
              ? {
                  period: { amount: v.amount, unit: v.unit ?? 'CALENDAR_DAYS' },
                  shortenedReason: v.shortenedReason || undefined,
                }
              : {},
            tr('已公开征求意见', 'Published for comment'),
          )
        }
      >
        <Form.Item label={tr('期限（留空为法定最短期限）', 'Period (empty for the statutory minimum)')} name="amount">
          <InputNumber min={1} max={365} />
        </Form.Item>
        <Form.Item label={tr('单位', 'Unit')} name="unit">
          <Select
            aria-label={tr('期限单位', 'Unit of the period')}
            style={{ width: 120 }}
            options={[
              { value: 'CALENDAR_DAYS', label: tr('日', 'Days') },
              { value: 'WORKING_DAYS', label: tr('工作日', 'Working days') },
            ]}
          />
        </Form.Item>
        <Form.Item label={tr('缩短理由', 'Reason for a shorter period')} name="shortenedReason">
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {tr('公开征求意见', 'Publish for comment')}
        </Button>
      </Form>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        {tr(
          `征求意见期：${formatTime(window.opensAt)} 至 ${formatTime(window.closesAt)}（${window.closed ? '已结束' : '进行中'}），共 ${info?.comments ?? window.commentIds.length} 条意见，已答复 ${window.answeredIds.length} 条`,
          `Comment period: ${formatTime(window.opensAt)} to ${formatTime(window.closesAt)} (${window.closed ? 'ended' : 'running'}), ${info?.comments ?? window.commentIds.length} comments, ${window.answeredIds.length} answered`,
        )}
      </Typography.Text>
      {!window.closed && (
        <Space wrap>
          <Form
            layout="inline"
            onFinish={(v: { amount: number; reason: string }) =>
              void step(
                'steps/extend-comment-window',
                { extension: { amount: v.amount, unit: 'CALENDAR_DAYS' }, reason: v.reason },
                tr('已延长', 'Extended'),
              )
            }
          >
            <Form.Item
              label={tr('延长天数', 'Days to add')}
              name="amount"
              rules={[{ required: true, message: tr('请填写天数', 'Give the number of days') }]}
            >
              <InputNumber min={1} max={365} />
            </Form.Item>
            <Form.Item
              label={tr('延长理由', 'Reason for the extension')}
              name="reason"
              rules={[{ required: true, min: 2, message: tr('请填写理由', 'Give the reason') }]}
            >
              <Input />
            </Form.Item>
            <Button htmlType="submit">{tr('延长', 'Extend')}</Button>
          </Form>
          <Button
            onClick={() => void step('steps/close-comment-window', {}, tr('已结束征求意见', 'Comment period ended'))}
          >
            {tr('结束征求意见', 'End the comment period')}
          </Button>
        </Space>
      )}
      <Table<DrafterComment>
        rowKey="commentId"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={comments}
        columns={[
          { title: tr('回执', 'Receipt'), dataIndex: 'receiptNo' },
          { title: tr('意见', 'Comment'), dataIndex: 'content' },
          {
            title: tr('提出人', 'From'),
            key: 'who',
            render: (_, c) => [c.name, c.contact].filter(Boolean).join(' / ') || tr('匿名', 'Anonymous'),
          },
          {
            title: tr('答复', 'Answer'),
            key: 'answer',
            render: (_, c) =>
              c.answer ? (
                <span>
                  {conclusionName(c.answer, lang)}
                  {tr('：', ': ')}
                  {c.answerReason}
                </span>
              ) : (
                <AnswerForm
                  comment={c}
                  onAnswer={async (answer, reason) => {
                    await step(
                      'steps/answer-comment',
                      { commentId: c.commentId, answer, reason },
                      tr('已答复', 'Answered'),
                    );
                    await load();
                  }}
                />
              ),
          },
        ]}
      />
      <Button
        type="primary"
        onClick={() =>
          void step(
            'steps/complete-public-comment',
            { note: '已逐条答复' },
            tr('征求意见完成', 'Public comment completed'),
          )
        }
      >
        {tr('完成征求意见', 'Complete public comment')}
      </Button>
    </Space>
  );
}

function AnswerForm({
  comment,
  onAnswer,
}: {
  comment: DrafterComment;
  onAnswer: (a: string, r: string) => Promise<void>;
}) {
  const tr = useTr();
  return (
    <Form
      layout="vertical"
      aria-label={tr(`答复意见 ${comment.receiptNo}`, `Answer comment ${comment.receiptNo}`)}
      onFinish={(v: { answer: string; reason?: string }) => void onAnswer(v.answer, v.reason ?? '')}
    >
      <Form.Item
        name="answer"
        rules={[{ required: true, message: tr('请选择', 'Choose one') }]}
        style={{ marginBottom: 4 }}
      >
        <Select
          aria-label={tr('采纳情况', 'Answer')}
          placeholder={tr('采纳情况', 'Answer')}
          options={[
            { value: 'ADOPTED', label: tr('采纳', 'Adopted') },
            { value: 'PARTLY_ADOPTED', label: tr('部分采纳', 'Partly adopted') },
            { value: 'NOT_ADOPTED', label: tr('不予采纳', 'Not adopted') },
          ]}
        />
      </Form.Item>
      <Form.Item name="reason" style={{ marginBottom: 4 }}>
        <Input
          aria-label={tr('答复理由', 'Reason for the answer')}
          placeholder={tr('理由（不采纳时必填）', 'Reason (required unless adopted)')}
        />
      </Form.Item>
      <Button size="small" type="primary" htmlType="submit">
        {tr('答复', 'Answer')}
      </Button>
    </Form>
  );
}
