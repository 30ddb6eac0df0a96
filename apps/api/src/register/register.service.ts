import { Injectable } from '@nestjs/common';
import { addDays, cstDateOf, DomainError, ErrorCode, type RegisterStatus } from '@lawgate/domain';
import { DocumentRepository, RegisterRepository, type RegisterQuery, type RegisterRow } from '@lawgate/persistence';
import { segment } from '@lawgate/search';

export interface RegisterEntryDto {
  id: string;
  number: string;
  title: string;
  issuer: { code: string; name: string };
  status: RegisterStatus;
  /** G-B10: only a published document in force may be relied on as a basis for administration. */
  usableAsBasis: boolean;
  registeredAt: string;
  publishedAt: string | null;
  effectiveAt: string | null;
  validUntil: string;
  publication: { channel: string; reference: string; publishedAt: string } | null;
  textUrl: string | null;
}

export interface RegisterPageDto<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ListFilters {
  q?: string;
  number?: string;
  issuer?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** The register as the public and the office read it: listings, document pages and feeds. */
@Injectable()
export class RegisterService {
  constructor(
    private readonly register: RegisterRepository,
    private readonly documents: DocumentRepository,
  ) {}

  async list(filters: ListFilters, statuses: RegisterStatus[]): Promise<RegisterPageDto<RegisterRow>> {
    if (filters.from && filters.to && filters.from > filters.to) {
      throw new DomainError(ErrorCode.ValidationFailed, 'from must not be after to.', {
        fields: { from: ['from must not be after to'] },
      });
    }
    const limit = filters.limit ?? 20;
    const query: RegisterQuery = {
      q: filters.q,
      words: filters.q ? segment(filters.q) : undefined,
      number: filters.number,
      issuer: filters.issuer,
      from: filters.from,
      to: filters.to,
      statuses,
      before: filters.cursor ? decodeCursor(filters.cursor) : undefined,
      limit: limit + 1,
    };
    const rows = await this.register.search(query);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }

  /** An entry the public may see (published), or 404. */
  async publicRow(id: string, publicStatuses: readonly RegisterStatus[]): Promise<RegisterRow> {
    const row = await this.register.findRow(id);
    if (!row || !publicStatuses.includes(row.entry.status)) {
      throw new DomainError(ErrorCode.NotFound, `There is no published document ${id} in the register.`);
    }
    return row;
  }

  async text(row: RegisterRow): Promise<{ content: Buffer; mediaType: string; sha256: string }> {
    const sha256 = row.publication?.textSha256;
    const content = sha256 ? await this.documents.content(sha256) : null;
    if (!sha256 || !content) {
      throw new DomainError(ErrorCode.NotFound, `The published text of ${row.entry.number} is not stored.`);
    }
    const mediaType =
      (await this.register.mediaTypeOf(sha256)) ?? (isUtf8(content) ? 'text/plain; charset=utf-8' : null);
    return { content, sha256, mediaType: mediaType ?? 'application/octet-stream' };
  }

  latestPublications(limit: number) {
    return this.register.latestPublications(limit);
  }

  /** In-force documents whose validity ends within `days` days of today (China Standard Time). */
  expiring(days: number, limit: number): Promise<RegisterRow[]> {
    return this.register.expiring(addDays(cstDateOf(new Date()), days), limit);
  }
}

export function entryDto(row: RegisterRow): RegisterEntryDto {
  const { entry, publication } = row;
  return {
    id: entry.id,
    number: entry.number,
    title: entry.title,
    issuer: { code: row.issuerCode, name: row.issuerName },
    status: entry.status,
    usableAsBasis: entry.status === 'IN_FORCE',
    registeredAt: entry.registeredAt.toISOString(),
    publishedAt: publication?.publishedAt.toISOString() ?? null,
    effectiveAt: (entry.effectiveAt ?? entry.inForceAt)?.toISOString() ?? null,
    validUntil: entry.validUntil,
    publication: publication
      ? {
          channel: publication.channel,
          reference: publication.reference,
          publishedAt: publication.publishedAt.toISOString(),
        }
      : null,
    textUrl: publication ? `/api/public/register/${entry.id}/text` : null,
  };
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function encodeCursor(row: RegisterRow): string {
  return Buffer.from(JSON.stringify([row.entry.registeredAt.toISOString(), row.entry.id])).toString('base64url');
}

function decodeCursor(cursor: string): { registeredAt: Date; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      const registeredAt = new Date(parsed[0]);
      if (!Number.isNaN(registeredAt.getTime()) && /^[0-9a-f-]{36}$/i.test(parsed[1])) {
        return { registeredAt, id: parsed[1] };
      }
    }
  } catch {
    // reported below
  }
  throw new DomainError(ErrorCode.ValidationFailed, 'The cursor is not valid; start again from the first page.', {
    fields: { cursor: ['cursor is not valid'] },
  });
}

/** Text for XML character data and attributes: escaped, and without the characters XML 1.0 does not allow. */
export function xmlEscape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing the control characters XML 1.0 forbids is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
  );
}

export interface FeedEntry {
  id: string;
  title: string;
  url: string;
  updated: string;
  summary: string;
  author: string;
}

/** An Atom 1.0 feed (RFC 4287). */
export function atomFeed(feed: { id: string; title: string; selfUrl: string; entries: FeedEntry[] }): string {
  const updated = feed.entries.reduce((max, e) => (e.updated > max ? e.updated : max), '1970-01-01T00:00:00.000Z');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlEscape(feed.id)}</id>`,
    `  <title>${xmlEscape(feed.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>`,
    '  <author><name>LawGate 规范性文件统一登记</name></author>',
  ];
  for (const e of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${xmlEscape(e.id)}</id>`,
      `    <title>${xmlEscape(e.title)}</title>`,
      `    <updated>${e.updated}</updated>`,
      `    <link rel="alternate" href="${xmlEscape(e.url)}"/>`,
      `    <author><name>${xmlEscape(e.author)}</name></author>`,
      `    <summary>${xmlEscape(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1), with the register's fields under `_lawgate`. */
export function jsonFeed(feed: {
  title: string;
  selfUrl: string;
  homeUrl: string;
  entries: (FeedEntry & { extra: object })[];
}) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    items: feed.entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      content_text: e.summary,
      date_modified: e.updated,
      authors: [{ name: e.author }],
      _lawgate: e.extra,
    })),
  };
}
