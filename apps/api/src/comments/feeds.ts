/** An open comment window as the public feeds carry it. */
export interface FeedWindow {
  windowId: string;
  title: string;
  opensAt: string;
  closesAt: string;
  shortenedReason: string | null;
  comments: number;
  /** Media type of the published draft. */
  draftMediaType: string;
}

const FEED_TITLE = '公开征求意见';

// Characters XML 1.0 does not allow at all: left out rather than producing a document no reader can parse.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text safe inside an XML element or a double-quoted attribute. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function summaryOf(w: FeedWindow): string {
  const shortened = w.shortenedReason ? `（征求意见期限少于法定期限，理由：${w.shortenedReason}）` : '';
  return `征求意见时间：${w.opensAt} 至 ${w.closesAt}${shortened}。已收到意见 ${w.comments} 条。`;
}

/** The open windows as a JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function jsonFeed(baseUrl: string, windows: FeedWindow[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: FEED_TITLE,
    home_page_url: `${baseUrl}/api/public/comment-windows`,
    feed_url: `${baseUrl}/api/public/feeds/comment-windows.json`,
    items: windows.map((w) => ({
      id: w.windowId,
      url: `${baseUrl}/api/public/comment-windows/${w.windowId}`,
      title: w.title,
      content_text: summaryOf(w),
      date_published: w.opensAt,
      attachments: [{ url: `${baseUrl}/api/public/comment-windows/${w.windowId}/draft`, mime_type: w.draftMediaType }],
      _comment_window: {
        opens_at: w.opensAt,
        closes_at: w.closesAt,
        shortened_reason: w.shortenedReason,
        comments: w.comments,
      },
    })),
  };
}

/** The open windows as an Atom 1.0 feed (RFC 4287); every text is escaped. */
export function atomFeed(baseUrl: string, windows: FeedWindow[], now: Date): string {
  const self = `${baseUrl}/api/public/feeds/comment-windows.atom`;
  const updated = windows.reduce((latest, w) => (w.opensAt > latest ? w.opensAt : latest), '') || now.toISOString();
  const entries = windows.map((w) => {
    const url = `${baseUrl}/api/public/comment-windows/${w.windowId}`;
    return [
      '  <entry>',
      `    <id>urn:uuid:${xmlEscape(w.windowId)}</id>`,
      `    <title>${xmlEscape(w.title)}</title>`,
      `    <published>${xmlEscape(w.opensAt)}</published>`,
      `    <updated>${xmlEscape(w.opensAt)}</updated>`,
      `    <link rel="alternate" href="${xmlEscape(url)}"/>`,
      `    <link rel="enclosure" href="${xmlEscape(`${url}/draft`)}"/>`,
      `    <summary>${xmlEscape(summaryOf(w))}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlEscape(self)}</id>`,
    `  <title>${FEED_TITLE}</title>`,
    `  <updated>${xmlEscape(updated)}</updated>`,
    `  <link rel="self" href="${xmlEscape(self)}"/>`,
    '  <author><name>LawGate</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
