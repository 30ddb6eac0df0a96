import { App, Button } from 'antd';
import { useState } from 'react';
import { getToken } from './api';
import { useTr } from './i18n';

/** A button that downloads an Excel export of the API (with the bearer token) and saves it under the server's name. */
export function ExcelExport(props: { path: string; label?: string }) {
  const tr = useTr();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const response = await fetch(props.path, { headers: { authorization: `Bearer ${getToken() ?? ''}` } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const disposition = response.headers.get('content-disposition') ?? '';
      const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? 'export.xlsx');
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      URL.revokeObjectURL(url);
    } catch (err) {
      void message.error(tr(`导出失败：${(err as Error).message}`, `Export failed: ${(err as Error).message}`));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" loading={busy} onClick={() => void download()}>
      {props.label ?? tr('导出 Excel', 'Export to Excel')}
    </Button>
  );
}
