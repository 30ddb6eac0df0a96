import type { DataSource } from 'typeorm';

/** One registration waiting for its number: the entry to write and its audit record. */
export interface NumberedEntryInput {
  procedureId: string;
  workflowId: string;
  issuerSeriesId: string;
  prefix: string;
  year: number;
  title: string;
  documentSha256: string;
  registeredAt: Date;
  registeredBy: string | null;
  validUntil: string;
  idempotencyKey: string;
  audit: { actorKind: 'USER' | 'SYSTEM'; dedupKey: string };
}

export interface NumberedEntry {
  id: string;
  number: string;
  seq: number;
  year: number;
  registeredAt: Date;
  validUntil: string;
}

interface Waiting {
  input: NumberedEntryInput;
  resolve: (entry: NumberedEntry | null) => void;
  reject: (err: unknown) => void;
}

type Row = {
  id: string;
  number: string;
  seq: number;
  year: number;
  registered_at: Date;
  valid_until: string;
  idempotency_key: string;
};

/** Most registrations numbered by one statement. */
const MAX_BATCH = 256;

/**
 * Gives numbers of one series and year to the registrations that arrive while an earlier one holds the counter: they
 * wait in this process and are then numbered together by ONE statement (counter + their entries + their audit
 * records), so N concurrent registrations take the counter's row lock and commit once instead of N times (group
 * commit). Gap-free like a single registration: the statement is atomic, so if any entry of a batch cannot be written
 * nothing of it stays (increment included), and its registrations are then numbered one by one, each getting its own
 * answer or error. Registrations from other processes still serialise with these on the counter's row lock.
 */
export class NumberingBatcher {
  private readonly queues = new Map<string, Waiting[]>();

  constructor(private readonly dataSource: DataSource) {}

  /** The entry with its number, or null when the series has no counter for the year yet. */
  take(input: NumberedEntryInput): Promise<NumberedEntry | null> {
    const key = `${input.issuerSeriesId}:${input.year}:${input.prefix}`;
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ input, resolve, reject });
        return;
      }
      // Nobody is numbering this series now: this registration goes alone, later arrivals queue behind it.
      this.queues.set(key, []);
      void this.drain(key, [{ input, resolve, reject }]);
    });
  }

  private async drain(key: string, first: Waiting[]): Promise<void> {
    let batch = first;
    try {
      while (batch.length > 0) {
        await this.number(batch);
        const queue = this.queues.get(key)!;
        batch = queue.splice(0, MAX_BATCH);
      }
    } finally {
      this.queues.delete(key);
    }
  }

  private async number(batch: Waiting[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const rows = await this.insert(batch.map((w) => w.input));
        if (rows.length === 0) {
          for (const w of batch) w.resolve(null);
          return;
        }
        const byKey = new Map(rows.map((r) => [r.idempotency_key, r]));
        for (const w of batch) w.resolve(entryOf(byKey.get(w.input.idempotencyKey)!));
        return;
      } catch {
        // Some entry of the batch cannot be written (nothing of the batch was): number them one by one below, so
        // that each registration gets its own number or its own error.
      }
    }
    for (const w of batch) {
      try {
        const [row] = await this.insert([w.input]);
        w.resolve(row ? entryOf(row) : null);
      } catch (err) {
        w.reject(err);
      }
    }
  }

  /** One statement: counter + entries + audit records, entries numbered in the order given. */
  private insert(inputs: NumberedEntryInput[]): Promise<Row[]> {
    const [head] = inputs;
    const col = <T>(f: (i: NumberedEntryInput) => T) => inputs.map(f);
    return this.dataSource.query<Row[]>(
      `WITH i AS (
         SELECT * FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::uuid[],
           $10::date[], $11::text[], $12::text[], $13::text[])
           WITH ORDINALITY AS t(procedure_id, workflow_id, title, document_sha256, registered_at, registered_by,
             valid_until, idempotency_key, actor_kind, dedup_key, ord)
       ), n AS (
         UPDATE number_counter SET last_seq = last_seq + $14::int
         WHERE issuer_series_id = $1::uuid AND year = $2::int
         RETURNING last_seq - $14::int AS base
       ), e AS (
         INSERT INTO register_entry (procedure_id, workflow_id, issuer_series_id, year, seq, number, title,
           document_sha256, status, registered_at, registered_by, valid_until, idempotency_key)
         SELECT i.procedure_id, i.workflow_id, $1::uuid, $2::int, n.base + i.ord::int,
           $3 || '〔' || $2::int::text || '〕' || (n.base + i.ord::int)::text || '号',
           i.title, i.document_sha256, 'REGISTERED', i.registered_at, i.registered_by, i.valid_until, i.idempotency_key
         FROM i CROSS JOIN n
         ORDER BY i.ord
         RETURNING id, number, seq, year, registered_at, valid_until::text AS valid_until, idempotency_key,
           procedure_id, registered_by, document_sha256
       ), a AS (
         INSERT INTO audit_entry (at, actor_kind, actor_id, action, procedure_id, details, dedup_key)
         SELECT e.registered_at, i.actor_kind, e.registered_by, 'register.registered', e.procedure_id,
           jsonb_build_object('registerEntryId', e.id, 'number', e.number, 'documentSha256', e.document_sha256),
           i.dedup_key
         FROM e JOIN i ON i.idempotency_key = e.idempotency_key
         ORDER BY e.seq
         ON CONFLICT DO NOTHING
       )
       SELECT id, number, seq, year, registered_at, valid_until, idempotency_key FROM e`,
      [
        head.issuerSeriesId,
        head.year,
        head.prefix,
        col((i) => i.procedureId),
        col((i) => i.workflowId),
        col((i) => i.title),
        col((i) => i.documentSha256),
        col((i) => i.registeredAt),
        col((i) => i.registeredBy),
        col((i) => i.validUntil),
        col((i) => i.idempotencyKey),
        col((i) => i.audit.actorKind),
        col((i) => i.audit.dedupKey),
        inputs.length,
      ],
    );
  }
}

function entryOf(row: Row): NumberedEntry {
  return {
    id: row.id,
    number: row.number,
    seq: row.seq,
    year: row.year,
    registeredAt: row.registered_at,
    validUntil: row.valid_until,
  };
}
