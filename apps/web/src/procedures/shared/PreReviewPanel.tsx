import { Alert, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { get } from '../../api';
import { useLang, useTr } from '../../i18n';

/** A finding of the automatic pre-review, as GET /api/procedures/{id}/pre-review gives it. */
interface Finding {
  key: string;
  ruleId: string;
  title: string[];
  basis: { instrument: string; article: string; says: string }[];
  clause: { index: number; text: string } | null;
  words: string;
  detail: string[];
}
interface PreReview {
  sha256: string | null;
  readable: boolean;
  findings: Finding[];
  lawList: { repository: string; commit: string; date: string };
}

/** The reviewer's word on one finding, as the legality opinion sends it. */
export interface PreReviewDecision {
  key: string;
  decision: 'CONFIRMED' | 'DISMISSED';
  reason: string;
}

/** Decisions are complete when every finding has one, with a reason of at least two characters. */
export function decisionsComplete(findings: number, decisions: Record<string, Partial<PreReviewDecision>>): boolean {
  const given = Object.values(decisions).filter((d) => d.decision && (d.reason ?? '').trim().length >= 2);
  return given.length === findings;
}

/**
 * The automatic pre-review of the draft under review: each finding with its clause, its rule and basis, and the dated
 * list of laws it read. The reviewer confirms or dismisses each, with a reason; the opinion is signed with them.
 */
export function PreReviewPanel({
  procedureId,
  sha256,
  onChange,
}: {
  procedureId: string;
  sha256: string | null;
  onChange: (decisions: PreReviewDecision[] | null, complete: boolean) => void;
}) {
  const { lang } = useLang();
  const tr = useTr();
  const [review, setReview] = useState<PreReview | null>(null);
  const [error, setError] = useState(false);
  const [decisions, setDecisions] = useState<Record<string, Partial<PreReviewDecision>>>({});

  useEffect(() => {
    get<PreReview>(`/api/procedures/${procedureId}/pre-review`)
      .then((r) => {
        setReview(r);
        onChange([], r.findings.length === 0);
      })
      .catch(() => {
        setError(true);
        onChange(null, true);
      });
  }, [procedureId]);

  const update = (key: string, change: Partial<PreReviewDecision>) => {
    const next = { ...decisions, [key]: { ...decisions[key], ...change, key } };
    setDecisions(next);
    const list = Object.values(next).filter((d): d is PreReviewDecision => !!d.decision && d.reason !== undefined);
    onChange(
      list.map((d) => ({ key: d.key, decision: d.decision, reason: d.reason.trim() })),
      decisionsComplete(review?.findings.length ?? 0, next),
    );
  };

  if (error) {
    return (
      <Alert type="warning" showIcon message={tr('无法读取自动预审结果。', 'The pre-review could not be read.')} />
    );
  }
  if (!review) return null;
  const pick = (pair: string[]) => (lang === 'en' ? pair[1] : pair[0]);
  return (
    <section aria-label={tr('自动预审', 'Pre-review')} data-testid="pre-review">
      <Typography.Title level={5}>
        {tr(`自动预审：${review.findings.length} 项发现`, `Pre-review: ${review.findings.length} finding(s)`)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {tr(
          `发现仅供参考，请逐项确认或排除并说明理由。法律文件清单：${review.lawList.repository}（${review.lawList.date}）`,
          `Findings are advice: confirm or dismiss each with a reason. List of laws: ${review.lawList.repository} (${review.lawList.date})`,
        )}
      </Typography.Paragraph>
      {review.sha256 && sha256 && review.sha256 !== sha256 && (
        <Alert
          type="warning"
          showIcon
          message={tr('预审所读版本与本页所审版本不同，请刷新。', 'The pre-review read another version: reload.')}
        />
      )}
      {!review.readable && (
        <Alert
          type="info"
          showIcon
          message={tr('该版本无可读文本（PDF），未作预审。', 'This version has no text to read (PDF).')}
        />
      )}
      <List
        size="small"
        dataSource={review.findings}
        renderItem={(f) => (
          <List.Item key={f.key} data-testid="pre-review-finding">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Tag color="red">{pick(f.title)}</Tag>
                <Typography.Text code>{f.words}</Typography.Text>
              </Space>
              {f.clause && <Typography.Text>{f.clause.text}</Typography.Text>}
              <Typography.Text type="secondary">{pick(f.detail)}</Typography.Text>
              <Typography.Text type="secondary">
                {tr('依据：', 'Basis: ')}
                {f.basis.map((b) => `${b.instrument} ${b.article}`).join('；')}
              </Typography.Text>
              <Radio.Group
                name={`pre-review-${f.key}`}
                aria-label={tr('对该发现的意见', 'Decision on this finding')}
                value={decisions[f.key]?.decision}
                onChange={(e) => update(f.key, { decision: e.target.value as PreReviewDecision['decision'] })}
                options={[
                  { value: 'CONFIRMED', label: tr('确认', 'Confirm') },
                  { value: 'DISMISSED', label: tr('排除', 'Dismiss') },
                ]}
              />
              <Input
                aria-label={tr('理由', 'Reason')}
                placeholder={tr('理由（必填）', 'Reason (required)')}
                value={decisions[f.key]?.reason ?? ''}
                onChange={(e) => update(f.key, { reason: e.target.value })}
              />
            </Space>
          </List.Item>
        )}
      />
    </section>
  );
}
