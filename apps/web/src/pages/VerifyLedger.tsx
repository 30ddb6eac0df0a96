import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../api';
import { useLang, useTr } from '../i18n';
import { explain } from '../labels';

/** Walks the whole sign-off chain and says whether it holds, or the first entry where it breaks and why. */
export function VerifyLedgerButton() {
  const { t, lang } = useLang();
  const tr = useTr();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const verify = async () => {
    try {
      const r = await get<{ ok: boolean; checked: number; firstBroken?: { seq: string; reason: string } }>(
        '/api/admin/ledger/verify',
      );
      setResult({
        ok: r.ok,
        text: r.ok
          ? tr(`签署链完整：已校验 ${r.checked} 条记录。`, `The ledger holds: ${r.checked} entries checked.`)
          : tr(
              `签署链在第 ${r.firstBroken?.seq} 条断开：${r.firstBroken?.reason}`,
              `The ledger breaks at entry ${r.firstBroken?.seq}: ${r.firstBroken?.reason}`,
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
    </Space>
  );
}
