import { atomFeed, jsonFeed, xmlEscape } from './feeds';

const window = {
  windowId: '6f1c2f9e-0a53-4c1e-9a55-2c1c6f0c9b10',
  title: '关于《A & B <试行>》"征求" \'意见\'\u0001',
  opensAt: '2026-11-25T02:00:00.000Z',
  closesAt: '2026-12-04T16:00:00.000Z',
  shortenedReason: null,
  comments: 3,
  draftMediaType: 'text/plain',
};

describe(xmlEscape.name, () => {
  it('should escape markup and drop characters XML cannot carry', () => {
    expect(xmlEscape(window.title)).toBe('关于《A &amp; B &lt;试行&gt;》&quot;征求&quot; &apos;意见&apos;');
  });
});

describe(atomFeed.name, () => {
  it('should carry one escaped entry per window with absolute links', () => {
    const xml = atomFeed('http://h', [window], new Date('2026-11-26T00:00:00Z'));
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain(`<id>urn:uuid:${window.windowId}</id>`);
    expect(xml).toContain('<title>关于《A &amp; B &lt;试行&gt;》&quot;征求&quot; &apos;意见&apos;</title>');
    expect(xml).toContain(`<link rel="alternate" href="http://h/api/public/comment-windows/${window.windowId}"/>`);
    expect(xml).toContain('<updated>2026-11-25T02:00:00.000Z</updated>');
    expect(xml).not.toContain('\u0001');
  });

  it('should be a valid feed without entries', () => {
    const xml = atomFeed('http://h', [], new Date('2026-11-26T00:00:00Z'));
    expect(xml).toContain('<updated>2026-11-26T00:00:00.000Z</updated>');
    expect(xml).not.toContain('<entry>');
  });
});

describe(jsonFeed.name, () => {
  it('should follow JSON Feed 1.1', () => {
    const feed = jsonFeed('http://h', [window]);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items[0]).toMatchObject({ id: window.windowId, title: window.title, date_published: window.opensAt });
  });
});
