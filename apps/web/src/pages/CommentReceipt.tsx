import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { get } from '../api';
import type { Answer } from '../api/types';
import { useLang, useTr } from '../i18n';
import { conclusionName, explain, formatTime } from '../labels';

type Status = Answer<'/api/public/comments/{receiptNo}', 'get'>;

/**
 * A public comment looked up by its receipt number (no login): when it was received, on which draft, and the drafting
 * department's answer (adopted, partly adopted, not adopted) with its reason once given.
 */
export function CommentReceiptPage() {
  const tr = useTr();
  const { lang } = useLang();
  const [params, setParams] = useSearchParams();
  const receipt = params.get('receipt') ?? '';
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);

  const look = useCallback(
    async (no: string) => {
      setStatus(null);
      setError(null);
      try {
        setStatus(await get<Status>(`/api/public/comments/${encodeURIComponent(no)}`));
      } catch (err) {
        setError(explain(err, lang));
      }
    },
    [lang],
  );
  useEffect(() => {
    if (receipt) void look(receipt);
  }, [receipt, look]);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {tr('意见答复查询', 'Look up a comment')}
      </Typography.Title>
      <Form
        layout="inline"
        name="receiptLookup"
        initialValues={{ receipt }}
        onFinish={(v: { receipt: string }) => setParams({ receipt: v.receipt.trim() })}
      >
        <Form.Item
          name="receipt"
          label={tr('回执编号', 'Receipt number')}
          rules={[{ required: true, whitespace: true, message: tr('请填写回执编号', 'Enter the receipt number') }]}
        >
          <Input placeholder="ZQ-20261125-0007" style={{ width: 220 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {tr('查询', 'Look up')}
        </Button>
      </Form>
      {error && <Alert type="error" message={error} showIcon role="alert" />}
      {status && (
        <Card size="small" data-testid="comment-status">
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label={tr('回执编号', 'Receipt number')}>{status.receiptNo}</Descriptions.Item>
            <Descriptions.Item label={tr('征求意见稿', 'Draft')}>
              <Link to={`/public/comment-windows/${status.windowId}`}>{status.windowTitle ?? status.windowId}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={tr('提交时间', 'Submitted')}>{formatTime(status.submittedAt)}</Descriptions.Item>
            <Descriptions.Item label={tr('状态', 'Status')}>
              {status.status === 'ANSWERED' ? (
                <Tag color="blue">{tr('已答复', 'Answered')}</Tag>
              ) : (
                <Tag>{tr('已收到', 'Received')}</Tag>
              )}
            </Descriptions.Item>
            {status.status === 'ANSWERED' && (
              <>
                <Descriptions.Item label={tr('答复', 'Answer')}>
                  {status.answer ? conclusionName(status.answer, lang) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={tr('理由', 'Reason')}>{status.answerReason ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={tr('答复时间', 'Answered')}>
                  {formatTime(status.answeredAt)}
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
        </Card>
      )}
      <Link to="/public">{tr('返回登记簿', 'Back to the register')}</Link>
    </Space>
  );
}
