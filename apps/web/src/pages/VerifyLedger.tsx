import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../api';
import { useLang, useTr } from '../i18n';
import { explain } from '../labels';
import type { Answer } from '../api/types';

/** Walks the whole sign-off chain and says whether it holds, or the first entry where it breaks and why. */
export function VerifyLedgerButton() {
  const { t, lang } = useLang();
  const tr = useTr();
  const [result, setResult] = useState<{ ok: boolean; text: string; anchored?: string } | null>(null);
  const verify = async () => {
    try {
      const r = await get<Answer<'/api/admin/ledger/verify', 'get'>>('/api/admin/ledger/verify');
      const anchored = r.checkpoint
        ? tr(
            `，并与 ${r.checkpoint.signedAt} 的签名检查点一致`,
            `, consistent with the signed checkpoint of ${r.checkpoint.signedAt}`,
          )
        : '';
      setResult({
        ok: r.ok,
        anchored,
        text: r.ok
          ? tr(`签署链完整：已校验 ${r.checked} 条记录。`, `The ledger holds: ${r.checked} entries checked.`)
          : r.firstBroken
            ? tr(
                `签署链在第 ${r.firstBroken.seq} 条断开：${r.firstBroken.reason}`,
                `The ledger breaks at entry ${r.firstBroken.seq}: ${r.firstBroken.reason}`,
              )
            : tr(
                `签署链校验未通过：${(r.problems ?? []).join('；')}`,
                `The ledger check failed: ${(r.problems ?? []).join('; ')}`,
              ),
      });
    } catch (err) {
      setResult({ ok: false, text: explain(err, lang) });
    }
  };
  return (
    <Space wrap>
      <Button size="small" onClick={() => void verify()}>
        {t.verifyLedger}
      </Button>
      {result && (
        <Typography.Text type={result.ok ? 'success' : 'danger'} role="status" data-testid="ledger-verify">
          {result.text}
        </Typography.Text>
      )}
      {result?.ok && result.anchored && (
        <Typography.Text type="secondary">{result.anchored.replace(/^[，,]\s*/, '')}</Typography.Text>
      )}
    </Space>
  );
}
