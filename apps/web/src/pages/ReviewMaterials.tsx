import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { get } from '../api';
import { useLang, useTr } from '../i18n';
import { conclusionName, explain, formatTime, stageName } from '../labels';
import type { DrafterComment, ProcedureCommentWindow, ProcedureDetail, ProcedureDocument } from '../api/types';

const OPINION_CONCLUSIONS = ['LAWFUL', 'UNLAWFUL', 'MUST_AMEND'];
// Tag colours whose text keeps a contrast of at least 4.5:1 on their own background.
const ANSWER_COLOURS: Record<string, string> = { ADOPTED: 'blue', PARTLY_ADOPTED: 'purple', NOT_ADOPTED: 'red' };
const CONCLUSION_COLOURS: Record<string, string> = { LAWFUL: 'blue', MUST_AMEND: 'purple', UNLAWFUL: 'red' };

/**
 * The public comments on the draft and the drafting unit's answer to each (adopted, partly adopted, not adopted,
 * with the reason), with the adoption counts of each comment window.
 */
export function CommentAdoption({ procedureId }: { procedureId: string }) {
  const { lang } = useLang();
  const tr = useTr();
  const [windows, setWindows] = useState<ProcedureCommentWindow[] | null>(null);
  const [comments, setComments] = useState<Record<string, DrafterComment[]>>({});
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const found = await get<ProcedureCommentWindow[]>(`/api/procedures/${procedureId}/comment-windows`);
      const lists = await Promise.all(
        found.map(
          async (w) =>
            [w.windowId, await get<DrafterComment[]>(`/api/comment-windows/${w.windowId}/comments`)] as const,
        ),
      );
      if (!live) return;
      setWindows(found);
      setComments(Object.fromEntries(lists));
    })().catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [procedureId]);

  if (error) return <Alert type="warning" showIcon message={explain(error, lang)} />;
  if (!windows) return <Typography.Text type="secondary">{tr('加载中…', 'Loading…')}</Typography.Text>;
  if (windows.length === 0) {
    return (
      <Typography.Text type="secondary">
        {tr('本程序尚未公开征求意见。', 'This draft has not been published for comment.')}
      </Typography.Text>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {windows.map((w) => {
        const s = w.summary;
        const unanswered = s.total - s.answered;
        return (
          <Space key={w.windowId} direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {tr('征求意见期', 'Comment period')}: {formatTime(w.opensAt)} – {formatTime(w.closedAt ?? w.closesAt)}
            </Typography.Text>
            <Space wrap data-testid="adoption-counts">
              <Tag>{tr(`共 ${s.total} 条意见`, `${s.total} comments`)}</Tag>
              <Tag color="blue">{tr(`采纳 ${s.adopted} 条`, `${s.adopted} adopted`)}</Tag>
              <Tag color="purple">{tr(`部分采纳 ${s.partlyAdopted} 条`, `${s.partlyAdopted} partly adopted`)}</Tag>
              <Tag color="red">{tr(`不予采纳 ${s.notAdopted} 条`, `${s.notAdopted} not adopted`)}</Tag>
              {unanswered > 0 && <Tag>{tr(`未答复 ${unanswered} 条`, `${unanswered} not answered`)}</Tag>}
            </Space>
            <div data-testid="adoption-table">
              <Table<DrafterComment>
                rowKey="commentId"
                size="small"
                pagination={false}
                scroll={{ x: 720 }}
                dataSource={comments[w.windowId] ?? []}
                locale={{ emptyText: tr('征求意见期内没有收到意见', 'No comments were received') }}
                columns={[
                  { title: tr('回执编号', 'Receipt'), dataIndex: 'receiptNo', width: 150 },
                  { title: tr('意见', 'Comment'), dataIndex: 'content' },
                  {
                    title: tr('采纳情况', 'Answer'),
                    dataIndex: 'answer',
                    width: 110,
                    render: (a: string | null) =>
                      a ? (
                        <Tag color={ANSWER_COLOURS[a]}>{conclusionName(a, lang)}</Tag>
                      ) : (
                        <Tag>{tr('未答复', 'Not answered')}</Tag>
                      ),
                  },
                  { title: tr('理由', 'Reason'), dataIndex: 'answerReason', render: (r: string | null) => r || '—' },
                  {
                    title: tr('答复', 'Answered'),
                    key: 'by',
                    width: 170,
                    render: (_, c) => (c.answeredAt ? `${c.answeredBy ?? ''} ${formatTime(c.answeredAt)}` : '—'),
                  },
                ]}
              />
            </div>
          </Space>
        );
      })}
    </Space>
  );
}

interface OpinionRow {
  seq: string;
  kind: string;
  round: number | null;
  conclusion: string;
  reasons: string;
  actorName: string;
  recordedAt: string;
  version: number | null;
  sha256: string | null;
  statement: string | null;
  /** For an adviser's opinion: the drafting unit's question it answers. */
  question: string | null;
}

/**
 * Every opinion signed on this procedure so far, from the sign-off ledger: advisers' opinions while drafting and each
 * legality review round, with the conclusion, reasons, who signed, when, and the draft version it was signed on.
 */
export function EarlierOpinions({ detail, documents }: { detail: ProcedureDetail; documents: ProcedureDocument[] }) {
  const { lang } = useLang();
  const tr = useTr();
  const drafts = documents.find((d) => d.kind === 'DRAFT')?.versions ?? [];
  const records = detail.live?.legalityOpinions ?? [];
  const asked = detail.live?.opinions ?? [];
  const used = new Set<number>();
  const rows: OpinionRow[] = detail.ledger
    .filter((e) => OPINION_CONCLUSIONS.includes(e.decision))
    .map((e) => {
      const i = records.findIndex(
        (r, k) => !used.has(k) && r.sha256 === e.documentSha256 && r.conclusion === e.decision,
      );
      const record = e.stage === 'LEGALITY_REVIEW' && i >= 0 ? records[i] : undefined;
      if (record) used.add(i);
      return {
        seq: e.seq,
        kind: e.stage === 'LEGALITY_REVIEW' ? 'LEGALITY_REVIEW' : 'ADVISER_OPINION',
        round: record?.round ?? null,
        conclusion: e.decision,
        reasons: e.opinion,
        actorName: e.actorName,
        recordedAt: e.recordedAt,
        version: drafts.find((v) => v.sha256 === e.documentSha256)?.version ?? record?.version ?? null,
        sha256: e.documentSha256,
        statement: record?.nonAdoptionStatement ?? null,
        question:
          e.stage === 'LEGALITY_REVIEW'
            ? null
            : (asked.find((o) => o.sha256 === e.documentSha256 && o.conclusion === e.decision)?.question ?? null),
      };
    });
  if (rows.length === 0) {
    return (
      <Typography.Text type="secondary">
        {tr('此前没有审核意见。', 'No opinion has been given on this procedure yet.')}
      </Typography.Text>
    );
  }
  const current = detail.live?.documents?.DRAFT?.sha256;
  return (
    <div data-testid="earlier-opinions">
      <Table<OpinionRow>
        rowKey="seq"
        size="small"
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={rows}
        columns={[
          {
            title: tr('意见', 'Opinion'),
            key: 'kind',
            width: 150,
            render: (_, r) =>
              r.kind === 'LEGALITY_REVIEW'
                ? r.round
                  ? tr(`第${r.round}轮合法性审核`, `Legality review, round ${r.round}`)
                  : stageName('LEGALITY_REVIEW', lang)
                : stageName('ADVISER_OPINION', lang),
          },
          {
            title: tr('结论', 'Conclusion'),
            dataIndex: 'conclusion',
            width: 120,
            render: (c: string) => <Tag color={CONCLUSION_COLOURS[c]}>{conclusionName(c, lang)}</Tag>,
          },
          {
            title: tr('理由', 'Reasons'),
            key: 'reasons',
            render: (_, r) => (
              <>
                {r.question && (
                  <div data-testid="adviser-question">
                    <Typography.Text type="secondary">
                      {tr('起草单位的问题：', "Drafting unit's question: ")}
                    </Typography.Text>
                    {r.question}
                  </div>
                )}
                <div style={{ whiteSpace: 'pre-wrap' }}>{r.reasons || '—'}</div>
                {r.statement && (
                  <Typography.Text type="secondary">
                    {tr('起草单位未采纳的理由和依据：', "Drafting unit's reasons for not adopting: ")}
                    {r.statement}
                  </Typography.Text>
                )}
              </>
            ),
          },
          { title: tr('签署人', 'Signed by'), dataIndex: 'actorName', width: 160 },
          {
            title: tr('时间', 'When'),
            dataIndex: 'recordedAt',
            width: 170,
            render: (v: string) => formatTime(v),
          },
          {
            title: tr('所审版本', 'Version'),
            key: 'version',
            width: 150,
            render: (_, r) => (
              <span>
                {r.version ? tr(`草案 第${r.version}稿`, `Draft v${r.version}`) : '—'}
                {r.sha256 && r.sha256 === current && <Tag style={{ marginLeft: 4 }}>{tr('现行稿', 'current')}</Tag>}
                {r.sha256 && (
                  <div className="lg-sha" title={r.sha256}>
                    {r.sha256.slice(0, 12)}…
                  </div>
                )}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}

/**
 * The rules the law states as "一般" or "可以" that this procedure did not follow, each with who decided it, why and the
 * provision: the reviewer and the meeting see them as the ledger keeps them.
 */
export function RecordedDecisions({ detail }: { detail: ProcedureDetail }) {
  const tr = useTr();
  return (
    <ul data-testid="recorded-decisions" style={{ paddingLeft: 20, margin: 0 }}>
      {(detail.live?.discretions ?? []).map((d) => (
        <li key={`${d.rule}-${d.at}`}>
          <Typography.Text strong>{d.decision}</Typography.Text>（{d.basis}）
          <div>
            {tr('理由：', 'Reason: ')}
            {d.reason}
          </div>
          <Typography.Text type="secondary">
            {d.decidedByName} · {formatTime(d.at)}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
