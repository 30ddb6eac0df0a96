import { Alert, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { getToken } from './api';
import { useTr } from './i18n';

/** Pages rendered at most, so that a long PDF does not hold the page up. */
const MAX_PAGES = 30;

/**
 * A PDF version shown in the review view with PDF.js (`pdfjs-dist`, loaded when a PDF is opened): each page drawn on
 * a canvas, and its text beside it for screen readers and for finding words. The bytes come from the API with the
 * bearer token; nothing is framed or embedded, so the API's CSP (`object-src 'none'`, `worker-src 'self'`) holds.
 */
export function PdfPreview({ versionId }: { versionId: string }) {
  const tr = useTr();
  const host = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<{ count: number; shown: number } | null>(null);
  const [texts, setTexts] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const target = host.current;
    setPages(null);
    setTexts([]);
    setError(null);
    void (async () => {
      const [pdfjs, worker] = await Promise.all([
        import('pdfjs-dist'),
        import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
      ]);
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      const response = await fetch(`/api/documents/versions/${versionId}/content`, {
        headers: { authorization: `Bearer ${getToken() ?? ''}` },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = new Uint8Array(await response.arrayBuffer());
      const doc = await pdfjs.getDocument({ data, isEvalSupported: false }).promise;
      // A run the effect has since replaced (another version, or the preview shown again) must not touch the pages:
      // it checks after every wait, right before it changes them.
      if (cancelled) {
        await doc.destroy();
        return;
      }
      const shown = Math.min(doc.numPages, MAX_PAGES);
      const found: string[] = [];
      target?.replaceChildren();
      for (let n = 1; n <= shown && !cancelled; n += 1) {
        const page = await doc.getPage(n);
        if (cancelled) break;
        const viewport = page.getViewport({ scale: 1.3 });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.className = 'lg-pdf-page';
        canvas.setAttribute('aria-hidden', 'true');
        target?.appendChild(canvas);
        await page.render({ canvas, viewport }).promise;
        const content = await page.getTextContent();
        found.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
      }
      await doc.destroy();
      if (!cancelled) {
        setTexts(found);
        setPages({ count: doc.numPages, shown });
      }
    })().catch((err: unknown) => {
      if (!cancelled) setError((err as Error).message);
    });
    return () => {
      cancelled = true;
    };
  }, [versionId]);

  return (
    <div data-testid="pdf-preview">
      {error && (
        <Alert type="warning" showIcon message={tr(`PDF 无法预览：${error}`, `The PDF cannot be shown: ${error}`)} />
      )}
      {pages && (
        <Typography.Text type="secondary" data-testid="pdf-pages">
          {pages.count > pages.shown
            ? tr(
                `共 ${pages.count} 页，显示前 ${pages.shown} 页`,
                `${pages.count} pages, the first ${pages.shown} shown`,
              )
            : tr(`共 ${pages.count} 页`, `${pages.count} page(s)`)}
        </Typography.Text>
      )}
      <div
        ref={host}
        className="lg-pdf-pages"
        role="region"
        tabIndex={0}
        aria-label={tr('PDF 页面', 'Pages of the PDF')}
      />
      {texts.length > 0 && (
        <details>
          <summary>{tr('PDF 中的文字', 'Text of the PDF')}</summary>
          <pre
            className="lg-pre"
            data-testid="pdf-text"
            tabIndex={0}
            aria-label={tr('PDF 中的文字', 'Text of the PDF')}
          >
            {texts.join('\n\n')}
          </pre>
        </details>
      )}
    </div>
  );
}
