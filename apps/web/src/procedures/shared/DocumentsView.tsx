import { Alert, Space, Typography } from 'antd';
import { Select } from '../../select';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { get } from '../../api';
import { hasText, versionText } from '../../document-preview';
import { PdfPreview } from '../../PdfPreview';
import { useLang, useTr } from '../../i18n';
import { documentKindName, explain, formatTime } from '../../labels';
import type { ProcedureDocument, VersionDiff } from '../../api/types';

export function DocumentsView({ documents, canRead }: { documents: ProcedureDocument[]; canRead: boolean }) {
  const { lang } = useLang();
  const tr = useTr();
  const [selected, setSelected] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [error, setError] = useState<unknown>(null);
  const all = useMemo(() => documents.flatMap((d) => d.versions.map((v) => ({ ...v, kind: d.kind }))), [documents]);
  const draft = documents.find((d) => d.kind === 'DRAFT')?.current;

  const show = useCallback(
    async (versionId: string) => {
      setSelected(versionId);
      setError(null);
      setText(null);
      setDiff(null);
      const version = all.find((v) => v.versionId === versionId);
      if (!version || !canRead) return;
      try {
        if (hasText(version.mediaType)) setText(await versionText(versionId, version.mediaType));
        if (version.version > 1 && hasText(version.mediaType)) {
          setDiff(await get<VersionDiff>(`/api/documents/versions/${versionId}/diff`));
        }
      } catch (err) {
        setError(err);
      }
    },
    [all, canRead],
  );

  useEffect(() => {
    if (draft && canRead) void show(draft.versionId);
  }, [draft, canRead, show]);

  if (documents.length === 0) {
    return <Typography.Text type="secondary">{tr('尚无文件。', 'No documents yet.')}</Typography.Text>;
  }
  const versionName = (kind: string, n: number) =>
    tr(`${documentKindName(kind)} 第${n}稿`, `${documentKindName(kind, 'en')} v${n}`);
  const version = all.find((v) => v.versionId === selected);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        aria-label={tr('选择文件版本', 'Choose a document version')}
        style={{ width: '100%' }}
        value={selected ?? undefined}
        onChange={(v: string) => void show(v)}
        options={all.map((v) => ({
          value: v.versionId,
          label: `${versionName(v.kind, v.version)} · ${v.filename} · ${formatTime(v.uploadedAt)}`,
        }))}
      />
      {version && (
        <Typography.Paragraph style={{ margin: 0 }}>
          <span data-testid="version-label">{versionName(version.kind, version.version)}</span>
          {tr(`，${version.uploadedBy} 上传，SHA-256 `, `, uploaded by ${version.uploadedBy}, SHA-256 `)}
          <span className="lg-sha" data-testid="version-sha">
            {version.sha256}
          </span>
        </Typography.Paragraph>
      )}
      {!canRead && (
        <Alert
          type="info"
          message={tr(
            '您可以查看此程序，但当前阶段不能阅读草案文本。',
            'You can follow this procedure, but cannot read the draft text in this stage.',
          )}
        />
      )}
      {!!error && <Alert type="warning" message={explain(error, lang)} />}
      {version && canRead && version.mediaType === 'application/pdf' && <PdfPreview versionId={version.versionId} />}
      {text !== null && (
        <pre
          className="lg-pre"
          data-testid="version-text"
          tabIndex={0}
          aria-label={tr('版本全文', 'Full text of the version')}
        >
          {text}
        </pre>
      )}
      {diff && (
        <>
          <Typography.Text strong>
            {tr(
              `与第${diff.from.version}稿比较：增加 ${diff.added} 行，删除 ${diff.removed} 行`,
              `Compared with v${diff.from.version}: ${diff.added} lines added, ${diff.removed} removed`,
            )}
          </Typography.Text>
          <pre
            className="lg-pre"
            data-testid="version-diff"
            tabIndex={0}
            aria-label={tr('与上一稿的差异', 'Changes from the previous version')}
          >
            {diff.unifiedDiff.split('\n').map((line, i) => (
              <span
                key={i}
                className={
                  line.startsWith('+') && !line.startsWith('+++')
                    ? 'lg-diff-add'
                    : line.startsWith('-') && !line.startsWith('---')
                      ? 'lg-diff-del'
                      : undefined
                }
              >
                {line}
                {'\n'}
              </span>
            ))}
          </pre>
        </>
      )}
    </Space>
  );
}
