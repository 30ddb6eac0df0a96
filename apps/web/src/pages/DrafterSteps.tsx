import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, get, newIdempotencyKey, post } from '../api';
import { conclusionName, DOCUMENT_KIND_NAMES, explain, formatTime, stageName } from '../labels';
import type { DrafterComment, ProcedureDocument, ProcedureSnapshot } from '../types';

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
  const [error, setError] = useState<string | null>(null);
  const stage: string = live.stage;
  const step = async (path: string, body: unknown, done?: string) => {
    setError(null);
    try {
      const s = await post<ProcedureSnapshot>(`/api/procedures/${procedureId}/${path}`, body, newIdempotencyKey());
      void message.success(`${done ?? '已提交'}，当前阶段：${stageName(s.stage)}`);
      await onDone();
    } catch (err) {
      setError(explain(err));
    }
  };

  return (
    <Card title="起草单位操作" size="small">
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      {stage === 'DRAFTING' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <UploadForm procedureId={procedureId} documents={documents} onDone={onDone} onError={setError} />
          <Form
            layout="inline"
            onFinish={(v: { note?: string }) => void step('complete-drafting', { note: v.note ?? '' }, '起草完成')}
          >
            <Form.Item label="说明" name="note">
              <Input style={{ width: 240 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              完成起草
            </Button>
          </Form>
          <Form
            layout="inline"
            onFinish={(v: { expertise: string; question: string }) =>
              void step(
                'adviser-opinion-requests',
                { expertise: v.expertise.split(/[，,\s]+/).filter(Boolean), question: v.question },
                '已请求法律顾问意见',
              )
            }
          >
            <Form.Item label="所需专业" name="expertise" rules={[{ required: true, message: '请填写专业领域' }]}>
              <Input placeholder="如：教育" style={{ width: 140 }} />
            </Form.Item>
            <Form.Item label="咨询问题" name="question" rules={[{ required: true, message: '请填写问题' }]}>
              <Input style={{ width: 240 }} />
            </Form.Item>
            <Button htmlType="submit">请法律顾问出具意见</Button>
          </Form>
        </Space>
      )}
      {stage === 'FAIR_COMPETITION_REVIEW' && (
        <Form
          layout="vertical"
          onFinish={(v: { conclusion: string; summary: string }) =>
            void step('fair-competition-review', v, '已记录公平竞争审查')
          }
        >
          <Form.Item label="审查结论" name="conclusion" rules={[{ required: true, message: '请选择结论' }]}>
            <Select
              aria-label="审查结论"
              options={[
                { value: 'COMPLIANT', label: '符合公平竞争审查标准' },
                { value: 'NON_COMPLIANT', label: '不符合' },
              ]}
            />
          </Form.Item>
          <Form.Item label="审查摘要" name="summary" rules={[{ required: true, message: '请填写摘要' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            记录审查结论
          </Button>
        </Form>
      )}
      {stage === 'PUBLIC_COMMENT' && <CommentSteps procedureId={procedureId} live={live} step={step} />}
      {stage === 'OWN_LEGALITY_CHECK' && (
        <Form
          layout="vertical"
          onFinish={(v: { note: string; expertise?: string }) =>
            void step(
              'submit-for-review',
              { note: v.note, expertise: v.expertise ? v.expertise.split(/[，,\s]+/).filter(Boolean) : undefined },
              '已报送合法性审核',
            )
          }
        >
          <Form.Item label="本单位合法性审核结论" name="note" rules={[{ required: true, message: '请填写审核结论' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label="所需专业（可选）" name="expertise">
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            报送合法性审核
          </Button>
        </Form>
      )}
      {stage === 'REVISION' && (
        <Form
          layout="vertical"
          onFinish={(v: { statement?: string }) =>
            void step(
              'resubmit',
              v.statement ? { adoptedAll: false, nonAdoptionStatement: v.statement } : { adoptedAll: true },
              '已重新报送',
            )
          }
        >
          <Form.Item label="未采纳意见的理由和依据（全部采纳时留空）" name="statement">
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            重新报送审核
          </Button>
        </Form>
      )}
      {!['DRAFTING', 'FAIR_COMPETITION_REVIEW', 'PUBLIC_COMMENT', 'OWN_LEGALITY_CHECK', 'REVISION'].includes(stage) && (
        <Typography.Text type="secondary">当前阶段无需起草单位操作。</Typography.Text>
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

function UploadForm({
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
    if (!file && !text.trim()) return onError('请选择文件或填写文本。');
    if (!contentType) return onError('只能上传 txt、md、pdf 或 docx 文件。');
    try {
      await api('POST', `/api/procedures/${procedureId}/documents/${kind}`, {
        raw: {
          data: file ?? text,
          contentType,
          headers: {
            'x-filename': encodeURIComponent(file?.name ?? `${DOCUMENT_KIND_NAMES[kind]}.txt`),
            'x-note': encodeURIComponent(note),
          },
        },
      });
      void message.success(`已上传${DOCUMENT_KIND_NAMES[kind]}`);
      setText('');
      setFile(null);
      setNote('');
      await onDone();
    } catch (err) {
      onError(explain(err));
    }
  };

  return (
    <Card size="small" type="inner" title="上传文件或修改稿">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          aria-label="文件种类"
          value={kind}
          onChange={setKind}
          style={{ minWidth: 220 }}
          options={KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_NAMES[k] }))}
        />
        <Typography.Text type="secondary">
          {current ? `现为第${current.version}稿，上传后为第${current.version + 1}稿` : '尚未上传，上传后为第1稿'}
        </Typography.Text>
        <label>
          选择文件（txt、md、pdf、docx）：{' '}
          <input type="file" accept=".txt,.md,.pdf,.docx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <Input.TextArea
          aria-label="或直接填写文本"
          placeholder="或直接填写文本"
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Input
          aria-label="修改说明"
          placeholder="修改说明（可选）"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <Button type="primary" onClick={() => void upload()}>
          上传
        </Button>
      </Space>
    </Card>
  );
}

interface WindowInfo {
  windowId: string;
  status: string;
  closesAt: string;
  comments: number;
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
  const [comments, setComments] = useState<DrafterComment[]>([]);
  const [info, setInfo] = useState<WindowInfo | null>(null);
  const load = useCallback(async () => {
    if (!window) return;
    const windows = await get<WindowInfo[]>(`/api/procedures/${procedureId}/comment-windows`);
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
            'comment-window',
            v.amount
              ? {
                  period: { amount: v.amount, unit: v.unit ?? 'CALENDAR_DAYS' },
                  shortenedReason: v.shortenedReason || undefined,
                }
              : {},
            '已公开征求意见',
          )
        }
      >
        <Form.Item label="期限（留空为法定最短期限）" name="amount">
          <InputNumber min={1} max={365} />
        </Form.Item>
        <Form.Item label="单位" name="unit">
          <Select
            aria-label="期限单位"
            style={{ width: 120 }}
            options={[
              { value: 'CALENDAR_DAYS', label: '日' },
              { value: 'WORKING_DAYS', label: '工作日' },
            ]}
          />
        </Form.Item>
        <Form.Item label="缩短理由" name="shortenedReason">
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          公开征求意见
        </Button>
      </Form>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        征求意见期：{formatTime(window.opensAt)} 至 {formatTime(window.closesAt)}（{window.closed ? '已结束' : '进行中'}
        ）， 共 {info?.comments ?? window.commentIds.length} 条意见，已答复 {window.answeredIds.length} 条
      </Typography.Text>
      {!window.closed && (
        <Space wrap>
          <Form
            layout="inline"
            onFinish={(v: { amount: number; reason: string }) =>
              void step(
                'comment-window/extend',
                { extension: { amount: v.amount, unit: 'CALENDAR_DAYS' }, reason: v.reason },
                '已延长',
              )
            }
          >
            <Form.Item label="延长天数" name="amount" rules={[{ required: true, message: '请填写天数' }]}>
              <InputNumber min={1} max={365} />
            </Form.Item>
            <Form.Item label="延长理由" name="reason" rules={[{ required: true, min: 2, message: '请填写理由' }]}>
              <Input />
            </Form.Item>
            <Button htmlType="submit">延长</Button>
          </Form>
          <Button onClick={() => void step('comment-window/close', {}, '已结束征求意见')}>结束征求意见</Button>
        </Space>
      )}
      <Table<DrafterComment>
        rowKey="commentId"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={comments}
        columns={[
          { title: '回执', dataIndex: 'receiptNo' },
          { title: '意见', dataIndex: 'content' },
          { title: '提出人', key: 'who', render: (_, c) => [c.name, c.contact].filter(Boolean).join(' / ') || '匿名' },
          {
            title: '答复',
            key: 'answer',
            render: (_, c) =>
              c.answer ? (
                <span>
                  {conclusionName(c.answer)}：{c.answerReason}
                </span>
              ) : (
                <AnswerForm
                  comment={c}
                  onAnswer={async (answer, reason) => {
                    await step(`comments/${c.commentId}/answer`, { answer, reason }, '已答复');
                    await load();
                  }}
                />
              ),
          },
        ]}
      />
      <Button
        type="primary"
        onClick={() => void step('complete-public-comment', { note: '已逐条答复' }, '征求意见完成')}
      >
        完成征求意见
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
  return (
    <Form
      layout="vertical"
      aria-label={`答复意见 ${comment.receiptNo}`}
      onFinish={(v: { answer: string; reason?: string }) => void onAnswer(v.answer, v.reason ?? '')}
    >
      <Form.Item name="answer" rules={[{ required: true, message: '请选择' }]} style={{ marginBottom: 4 }}>
        <Select
          aria-label="采纳情况"
          placeholder="采纳情况"
          options={[
            { value: 'ADOPTED', label: '采纳' },
            { value: 'PARTLY_ADOPTED', label: '部分采纳' },
            { value: 'NOT_ADOPTED', label: '不予采纳' },
          ]}
        />
      </Form.Item>
      <Form.Item name="reason" style={{ marginBottom: 4 }}>
        <Input aria-label="答复理由" placeholder="理由（不采纳时必填）" />
      </Form.Item>
      <Button size="small" type="primary" htmlType="submit">
        答复
      </Button>
    </Form>
  );
}
