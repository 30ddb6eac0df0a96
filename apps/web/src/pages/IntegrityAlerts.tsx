import { Button, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { get, post } from '../api';
import { useLang, useTr } from '../i18n';
import { explain } from '../labels';

interface Alert {
  id: string;
  procedureId: string;
  workflowId: string;
  kind: string;
  message: string;
  detectedAt: string;
}

const KIND_ZH: Record<string, string> = {
  WORKFLOW_RESET: '流程被重置',
  WORKFLOW_TERMINATED: '流程被外部终止',
  STATUS_MISMATCH: '流程状态与记录不一致',
  WORKFLOW_MISSING: '流程缺失',
  LEDGER_ENTRY_MISSING: '签署记录缺失（流程历史有、台账无）',
  LEDGER_ENTRY_UNMATCHED: '台账记录无对应流程步骤',
  LEDGER_ENTRY_MISMATCH: '台账记录与流程历史不符',
};

/**
 * The reconciliation's integrity alerts (a workflow reset or terminated outside LawGate, or closed or missing while
 * the procedure is active, or a ledger entry that does not match the workflow's history), newest first, and a button that reconciles now.
 */
export function IntegrityAlertsPanel() {
  const { lang } = useLang();
  const tr = useTr();
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // `first`: the alerts a reconciliation just raised, shown at the top whatever the list's order and length.
  const load = useCallback(
    async (first: Alert[] = []) => {
      try {
        const listed = (await get<{ alerts: Alert[] }>('/api/admin/integrity/alerts')).alerts;
        const raised = new Set(first.map((a) => a.id));
        setAlerts([...first, ...listed.filter((a) => !raised.has(a.id))]);
      } catch (err) {
        setStatus({ ok: false, text: explain(err, lang) });
      }
    },
    [lang],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const reconcile = async () => {
    try {
      const r = await post<{ checked: number; raised: Alert[] }>('/api/admin/integrity/reconcile');
      setStatus({
        ok: r.raised.length === 0,
        text: tr(
          `已核对 ${r.checked} 个程序，新告警 ${r.raised.length} 条。`,
          `${r.checked} procedures reconciled, ${r.raised.length} new alerts.`,
        ),
      });
      await load(r.raised);
    } catch (err) {
      setStatus({ ok: false, text: explain(err, lang) });
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button size="small" onClick={() => void reconcile()}>
          {tr('立即核对流程与记录', 'Reconcile now')}
        </Button>
        {status && (
          <Typography.Text strong={!status.ok} role="status" data-testid="reconcile-status">
            {status.text}
          </Typography.Text>
        )}
      </Space>
      <Table<Alert>
        size="small"
        rowKey="id"
        dataSource={alerts}
        pagination={false}
        locale={{ emptyText: tr('没有完整性告警', 'No integrity alerts') }}
        columns={[
          {
            title: tr('发现时间', 'Detected'),
            dataIndex: 'detectedAt',
            render: (at: string) => new Date(at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB'),
          },
          {
            title: tr('类别', 'Kind'),
            dataIndex: 'kind',
            render: (kind: string) => (lang === 'zh' ? (KIND_ZH[kind] ?? kind) : kind),
          },
          { title: tr('流程', 'Workflow'), dataIndex: 'workflowId' },
          { title: tr('说明', 'What was found'), dataIndex: 'message' },
        ]}
      />
    </Space>
  );
}
