import { Button, Typography } from 'antd';
import { useState } from 'react';
import { getToken } from '../api';
import { useTr } from '../i18n';

/**
 * Downloads the procedure's archive (one tar: documents, ledger chain up to a signed checkpoint, signed manifest),
 * which anyone can check offline with `npm run archive:verify -- <file> --public-key <key.pem>`.
 */
export function ArchiveDownloadButton({ procedureId }: { procedureId: string }) {
  const tr = useTr();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/procedures/${procedureId}/archive`, {
        headers: { authorization: `Bearer ${getToken() ?? ''}` },
      });
      if (!response.ok) {
        throw new Error(((await response.json()) as { message?: string }).message ?? response.statusText);
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'archive.tar';
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      URL.revokeObjectURL(url);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" loading={busy} onClick={() => void download()} data-testid="archive-download">
        {tr('下载档案（签名）', 'Download the signed archive')}
      </Button>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </>
  );
}
