import { Alert, Button, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get } from '../api';
import { useLang, useTr } from '../i18n';
import { explain } from '../labels';
import type { RegisterEntry } from '../api/types';

/** A4 with the margins of GB/T 9704-2012 §5.2.1 (天头 37 mm, 订口 28 mm; type area 156 × 225 mm). */
const PAGE_RULE = '@page { size: A4; margin: 37mm 26mm 35mm 28mm; }';

/** 成文日期 in the form GB/T 9704-2012 §7.3.5.2 asks for: Arabic numerals, the year in full, no leading zeros. */
export function chineseDate(iso: string): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(new Date(iso))
    .split('-')
    .map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * A published document laid out as GB/T 9704-2012 prints an official document (公文格式): A4, the type area 156 ×
 * 225 mm with 37 mm top and 28 mm binding margins; the issuer's mark (发文机关标志, the issuer + 文件) in red, the
 * number (发文字号) under it and the red separator line; the title; the body in 3号 仿宋 with 2-character
 * indents; the date (成文日期) under the body. Printing from the browser gives the paper copy (the page's own `@page`
 * rule, present only while it is shown, and styles.css); the screen shows the same sheet.
 */
export function PrintDocumentPage() {
  const { id } = useParams<{ id: string }>();
  const { lang } = useLang();
  const tr = useTr();
  const [entry, setEntry] = useState<RegisterEntry | null>(null);
  const [text, setText] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([
      get<RegisterEntry>(`/api/public/register/${id}`),
      get<{ text: string | null }>(`/api/public/register/${id}/plain-text`),
    ])
      .then(([e, t]) => {
        setEntry(e);
        setText(t.text);
      })
      .catch((err: unknown) => setError(explain(err, lang)));
  }, [id, lang]);
  if (error) return <Alert type="error" message={error} role="alert" />;
  if (!entry || text === undefined) return <Typography.Text>{tr('加载中…', 'Loading…')}</Typography.Text>;
  const paragraphs = (text ?? '')
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return (
    <div>
      <style>{PAGE_RULE}</style>
      <Space className="lg-no-print" wrap style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => window.print()}>
          {tr('打印', 'Print')}
        </Button>
        <Link to={`/public/documents/${entry.id}`}>{tr('返回登记信息', 'Back to the register entry')}</Link>
      </Space>
      <article className="lg-gbt9704" aria-label={tr('公文版式', 'Official document layout')} data-testid="gbt9704">
        <header className="lg-gbt9704-head">
          <p className="lg-gbt9704-mark" data-testid="issuer-mark">
            {entry.issuer.name}文件
          </p>
          <p className="lg-gbt9704-number" data-testid="document-number">
            {entry.number}
          </p>
          <hr className="lg-gbt9704-rule" />
        </header>
        <h1 className="lg-gbt9704-title">{entry.title}</h1>
        <div className="lg-gbt9704-body" data-testid="document-body">
          {text === null ? (
            <p>
              {tr('本文件以 PDF 发布，请打印所发布的 PDF。', 'This document was published as a PDF; print that PDF.')}
            </p>
          ) : (
            paragraphs.map((p, i) => <p key={i}>{p}</p>)
          )}
        </div>
        <p className="lg-gbt9704-date" data-testid="document-date">
          {chineseDate(entry.registeredAt)}
        </p>
      </article>
    </div>
  );
}
