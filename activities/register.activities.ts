import { Injectable, Optional } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { DataSource, QueryFailedError } from 'typeorm';
import {
  isSha256,
  ErrorCode,
  type Actor,
  FILING_EVENTS,
  PUBLICATION_CHANNELS,
  formatDocumentNumber,
  nextFilingStatus,
  registrationYear,
  validUntilOf,
  type FilingEvent,
  type RegisterDocumentInput,
  type RegisteredDocument,
} from '@lawgate/domain';
import {
  type RegisterEntryEntity,
  AuditRepository,
  DocumentRepository,
  RegisterRepository,
} from '@lawgate/persistence';
import { indexDocumentText } from './document-text';
import { FilingArrivals } from './filing-arrival';

export type { RegisterDocumentInput, RegisteredDocument } from '@lawgate/domain';

export interface VoidRegisteredNumberInput {
  registerEntryId: string;
  reason: string;
  actor: Actor;
  idempotencyKey: string;
}

export interface RecordPublicationInput {
  registerEntryId: string;
  procedureId: string;
  /** GAZETTE, WEBSITE, NEWSPAPER, ... (`PUBLICATION_CHANNELS`). */
  channel: string;
  /** The URL, or the gazette issue. */
  reference: string;
  publishedAt: string;
  /** SHA-256 of the published text, already in the document store. */
  textSha256: string;
  actor: Actor;
  idempotencyKey: string;
}

export interface FilingPackageItem {
  kind: string;
  versionId: string;
  sha256: string;
}

export interface OpenFilingInput {
  registerEntryId: string;
  procedureId: string;
  /** The authority filed with. */
  recipient: string;
  dueAt: string | null;
  packageItems: FilingPackageItem[];
  idempotencyKey: string;
}

export interface RecordFilingEventInput {
  filingId: string;
  event: FilingEvent;
  note: string;
  actor: Actor;
  idempotencyKey: string;
}

export interface SetRegisterStatusInput {
  registerEntryId: string;
  status: 'EXPIRED' | 'REPEALED' | 'REPLACED';
  reason: string;
  /** REPLACED: the entry of the amended document that replaces it. */
  replacedByEntryId?: string;
  /** Null when the system does it (the validity timer). */
  actor: Actor | null;
  idempotencyKey: string;
}

export interface InForceDocument {
  registerEntryId: string;
  procedureId: string;
  /** The document's own workflow (clean-up reviews signal it). */
  workflowId: string;
  number: string;
  title: string;
  validUntil: string;
}

/** Statuses a register entry may move to, and from where (the rest is refused). */
const STATUS_FROM: Record<SetRegisterStatusInput['status'], readonly string[]> = {
  EXPIRED: ['IN_FORCE'],
  REPEALED: ['IN_FORCE', 'EXPIRED'],
  REPLACED: ['IN_FORCE'],
};

export interface SetRegisterValidityInput {
  registerEntryId: string;
  /** The effective date (施行日期) as an instant; null keeps the one recorded (a continuation). */
  effectiveAt: string | null;
  /** The validity's last day, China Standard Time (YYYY-MM-DD). */
  validUntil: string;
  reason: string;
  actor: Actor;
  idempotencyKey: string;
}

/**
 * Unified registration, numbering, publication and filing (regulations.md B9–B11). Every method is idempotent on
 * its `idempotencyKey`, because Temporal retries activities: above all a registration retried after its commit
 * returns the number it already took, so numbers stay gap-free and a document never gets two.
 */
@Injectable()
export class RegisterActivities {
  constructor(
    private readonly dataSource: DataSource,
    private readonly register: RegisterRepository,
    private readonly documents: DocumentRepository,
    private readonly audit: AuditRepository,
    /** Filings to the organ that receives filings in LawGate arrive as filing-review cases (absent in benchmarks). */
    @Optional() private readonly arrivals?: FilingArrivals,
  ) {}

  /**
   * Registers the document and gives it the next number of its issuer's series in the registration year (China
   * Standard Time). The number is taken in the transaction that writes the entry (G-B9): a failed registration
   * gives it back, a committed one is found again by its key.
   */
  async registerDocument(input: RegisterDocumentInput): Promise<RegisteredDocument> {
    if (!isSha256(input.documentSha256)) refuse(ErrorCode.ValidationFailed, 'documentSha256 must be a SHA-256.');
    if (!Number.isInteger(input.validityYears) || input.validityYears < 1 || input.validityYears > 100) {
      refuse(ErrorCode.ValidationFailed, `The validity must be 1 to 100 whole years, not ${input.validityYears}.`);
    }
    try {
      const known = await this.register.registrationContext(input);
      if (known.existing) {
        // Registered by an earlier attempt that failed afterwards (its indexing): the text is indexed now.
        await indexDocumentText(this.dataSource, this.documents, input.documentSha256, known.mediaType);
        return registeredOf(known.existing);
      }
      const series = known.series;
      if (!series?.active) {
        refuse(
          ErrorCode.RuleViolation,
          `Issuer ${input.issuerUnitId} has no ${series ? 'active ' : ''}number series ${input.series}; ` +
            'an administrator configures it under /api/admin/issuer-series.',
          { issuerUnitId: input.issuerUnitId, series: input.series },
        );
      }
      const registeredAt = new Date();
      const year = registrationYear(registeredAt);
      // Validates the printed form the statement below composes (GB/T 9704-2012), before any number is taken.
      formatDocumentNumber(series.prefix, year, 1);
      const entry = {
        procedureId: input.procedureId,
        workflowId: input.workflowId,
        issuerSeriesId: series.id,
        prefix: series.prefix,
        year,
        title: input.title,
        documentSha256: input.documentSha256,
        registeredAt,
        registeredBy: input.registeredBy?.userId ?? null,
        validUntil: validUntilOf(registeredAt, input.validityYears),
        idempotencyKey: input.idempotencyKey,
      };
      const audit = {
        actorKind: input.registeredBy ? ('USER' as const) : ('SYSTEM' as const),
        dedupKey: `register:${input.idempotencyKey}`,
      };
      let registered = await this.register.registerWithNextNumber(entry, audit);
      if (!registered) {
        // The first number of this series in this year.
        await this.register.ensureCounter(this.dataSource.manager, series.id, year);
        registered = await this.register.registerWithNextNumber(entry, audit);
      }
      await indexDocumentText(this.dataSource, this.documents, input.documentSha256, known.mediaType);
      return {
        registerEntryId: registered!.id,
        number: registered!.number,
        year: registered!.year,
        seq: registered!.seq,
        registeredAt: registered!.registeredAt.toISOString(),
        validUntil: registered!.validUntil,
      };
    } catch (err) {
      // Two attempts with the same key raced: the loser rolled back (its number with it); the winner's stands.
      if (isUniqueViolation(err, 'uq_register_entry_idempotency')) {
        const existing = await this.register.findEntryByKey(this.dataSource.manager, input.idempotencyKey);
        if (existing) return registeredOf(existing);
      }
      throw err;
    }
  }

  /**
   * Cancels a number given to a document that will not be published. The number is recorded as voided and never
   * given again: the counter is not decremented. A published document is repealed instead.
   */
  async voidRegisteredNumber(input: VoidRegisteredNumberInput): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const entry = await this.lockedEntry(manager, input.registerEntryId);
      if (entry.status === 'VOIDED') return;
      if (entry.status !== 'REGISTERED') {
        refuse(
          ErrorCode.WrongStage,
          `${entry.number} is ${entry.status}: only a number not yet published can be voided; repeal the document.`,
        );
      }
      const now = new Date();
      entry.status = 'VOIDED';
      entry.voidedAt = now;
      entry.statusReason = input.reason;
      await this.register.saveEntry(manager, entry);
      await this.register.insertVoided(manager, {
        registerEntryId: entry.id,
        number: entry.number,
        reason: input.reason,
        actorId: input.actor.userId,
        voidedAt: now,
        idempotencyKey: input.idempotencyKey,
      });
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: input.actor.userId,
        action: 'register.number.voided',
        procedureId: entry.procedureId,
        reason: input.reason,
        details: { registerEntryId: entry.id, number: entry.number },
        dedupKey: `register-void:${input.idempotencyKey}`,
        at: now,
      });
    });
  }

  /**
   * Records where and when the document was published; the first publication puts it in force (G-B10: an
   * unpublished document is not a basis for administration). Further channels add records and keep the date.
   */
  async recordPublication(input: RecordPublicationInput): Promise<{ publicationId: string; effectiveAt: string }> {
    const publishedAt = new Date(input.publishedAt);
    if (Number.isNaN(publishedAt.getTime())) refuse(ErrorCode.ValidationFailed, 'publishedAt must be a date-time.');
    if (!(PUBLICATION_CHANNELS as readonly string[]).includes(input.channel)) {
      refuse(ErrorCode.ValidationFailed, `The channel must be one of ${PUBLICATION_CHANNELS.join(', ')}.`);
    }
    if (!input.reference.trim()) refuse(ErrorCode.ValidationFailed, 'Say where it was published (URL or issue).');
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.register.findPublicationByKey(manager, input.idempotencyKey);
      const entry = await this.lockedEntry(manager, input.registerEntryId);
      if (existing) return { publicationId: existing.id, effectiveAt: (entry.inForceAt ?? publishedAt).toISOString() };
      if (entry.procedureId !== input.procedureId) {
        refuse(ErrorCode.RuleViolation, `${entry.number} was not registered by procedure ${input.procedureId}.`);
      }
      if (entry.status === 'VOIDED' || entry.status === 'REPEALED' || entry.status === 'EXPIRED') {
        refuse(ErrorCode.WrongStage, `${entry.number} is ${entry.status}; it cannot be published.`);
      }
      if (!(await this.documents.hasBlob(manager, input.textSha256))) {
        refuse(ErrorCode.RuleViolation, `No stored content has the SHA-256 ${input.textSha256}; store the text first.`);
      }
      const publication = await this.register.insertPublication(manager, {
        registerEntryId: entry.id,
        channel: input.channel,
        reference: input.reference,
        publishedAt,
        textSha256: input.textSha256,
        recordedBy: input.actor.userId,
        idempotencyKey: input.idempotencyKey,
      });
      if (entry.status === 'REGISTERED' || !entry.inForceAt || publishedAt < entry.inForceAt) {
        entry.status = 'IN_FORCE';
        entry.inForceAt = entry.inForceAt && entry.inForceAt < publishedAt ? entry.inForceAt : publishedAt;
        await this.register.saveEntry(manager, entry);
      }
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: input.actor.userId,
        action: 'register.published',
        procedureId: entry.procedureId,
        details: {
          registerEntryId: entry.id,
          number: entry.number,
          channel: input.channel,
          reference: input.reference,
          textSha256: input.textSha256,
          sameTextAsRegistered: input.textSha256 === entry.documentSha256,
        },
        dedupKey: `register-publication:${input.idempotencyKey}`,
      });
      return { publicationId: publication.id, effectiveAt: entry.inForceAt.toISOString() };
    });
  }

  /** Opens a filing for record (备案) of a published document with an authority, with its package (G-B11). */
  async openFiling(input: OpenFilingInput): Promise<{ filingId: string }> {
    const dueAt = input.dueAt === null ? null : new Date(input.dueAt);
    if (dueAt && Number.isNaN(dueAt.getTime())) refuse(ErrorCode.ValidationFailed, 'dueAt must be a date-time.');
    if (!input.recipient.trim()) refuse(ErrorCode.ValidationFailed, 'Name the authority the document is filed with.');
    const bad = input.packageItems.find((item) => !isSha256(item.sha256) || !item.kind || !item.versionId);
    if (bad) refuse(ErrorCode.ValidationFailed, `Package item ${JSON.stringify(bad)} needs kind, versionId, SHA-256.`);
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.register.findFilingByKey(manager, input.idempotencyKey);
      if (existing) return { filingId: existing.id };
      const entry = await this.lockedEntry(manager, input.registerEntryId);
      if (entry.procedureId !== input.procedureId) {
        refuse(ErrorCode.RuleViolation, `${entry.number} was not registered by procedure ${input.procedureId}.`);
      }
      if (entry.status === 'REGISTERED' || entry.status === 'VOIDED') {
        refuse(ErrorCode.WrongStage, `${entry.number} is ${entry.status}; only a published document is filed.`);
      }
      const filing = await this.register.insertFiling(manager, {
        registerEntryId: entry.id,
        recipient: input.recipient,
        dueAt,
        package: input.packageItems.map(({ kind, versionId, sha256 }) => ({ kind, versionId, sha256 })),
        idempotencyKey: input.idempotencyKey,
      });
      await this.audit.record(manager, {
        actorKind: 'SYSTEM',
        actorId: null,
        action: 'register.filing.opened',
        procedureId: entry.procedureId,
        details: { registerEntryId: entry.id, filingId: filing.id, recipient: input.recipient, dueAt: input.dueAt },
        dedupKey: `register-filing:${input.idempotencyKey}`,
      });
      return { filingId: filing.id };
    });
  }

  /**
   * One step of the filing: submitted, correction requested, resubmitted, ... accepted (final). A step the filing's
   * status does not allow is refused; a retried step is recorded once.
   */
  async recordFilingEvent(input: RecordFilingEventInput): Promise<{ status: string }> {
    if (!FILING_EVENTS.includes(input.event)) {
      refuse(ErrorCode.ValidationFailed, `The event must be one of ${FILING_EVENTS.join(', ')}.`);
    }
    const recorded = await this.recordFilingEventRow(input);
    // A submission to the organ that receives filings here opens its filing-review case (once per filing).
    if (input.event === 'SUBMITTED') await this.arrivals?.arrive(input.filingId, input.actor);
    return recorded;
  }

  private recordFilingEventRow(input: RecordFilingEventInput): Promise<{ status: string }> {
    return this.dataSource.transaction(async (manager) => {
      const filing = await this.register.lockFiling(manager, input.filingId);
      if (!filing) refuse(ErrorCode.NotFound, `There is no filing ${input.filingId}.`);
      if (await this.register.findFilingEventByKey(manager, input.idempotencyKey)) return { status: filing.status };
      const next = nextFilingStatus(filing.status, input.event);
      if (!next) {
        refuse(ErrorCode.WrongStage, `The filing is ${filing.status}; ${input.event} is not possible now.`, {
          status: filing.status,
          event: input.event,
        });
      }
      const now = new Date();
      filing.status = next;
      if (next === 'ACCEPTED') filing.acceptedAt = now;
      await this.register.saveFiling(manager, filing);
      await this.register.insertFilingEvent(manager, {
        filingId: filing.id,
        event: input.event,
        note: input.note,
        actorId: input.actor.userId,
        at: now,
        idempotencyKey: input.idempotencyKey,
      });
      const entry = await this.lockedEntry(manager, filing.registerEntryId);
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: input.actor.userId,
        action: `register.filing.${input.event.toLowerCase()}`,
        procedureId: entry.procedureId,
        reason: input.note || null,
        details: { filingId: filing.id, number: entry.number, status: next },
        dedupKey: `register-filing-event:${input.idempotencyKey}`,
        at: now,
      });
      return { status: next };
    });
  }

  /** Marks an in-force document expired (validity ended) or repealed (clean-up), with the reason (G-B12). */
  async setRegisterStatus(input: SetRegisterStatusInput): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const entry = await this.lockedEntry(manager, input.registerEntryId);
      if (entry.status === input.status) return;
      if (!STATUS_FROM[input.status].includes(entry.status)) {
        refuse(ErrorCode.WrongStage, `${entry.number} is ${entry.status}; it cannot become ${input.status}.`);
      }
      const now = new Date();
      entry.status = input.status;
      entry.statusReason = input.reason;
      if (input.status === 'EXPIRED') entry.expiredAt = now;
      else if (input.status === 'REPEALED') entry.repealedAt = now;
      else {
        entry.replacedAt = now;
        entry.replacedByEntryId = input.replacedByEntryId ?? null;
      }
      await this.register.saveEntry(manager, entry);
      await this.audit.record(manager, {
        actorKind: input.actor ? 'USER' : 'SYSTEM',
        actorId: input.actor?.userId ?? null,
        action: `register.${input.status.toLowerCase()}`,
        procedureId: entry.procedureId,
        reason: input.reason,
        details: { registerEntryId: entry.id, number: entry.number, replacedBy: input.replacedByEntryId ?? null },
        dedupKey: `register-status:${input.idempotencyKey}`,
        at: now,
      });
    });
  }

  /**
   * Records a document's effective date and validity (施行日期, 有效期至): set on publication from the drafter's date,
   * and moved on when an evaluation decides the document continues (published in the register with the new end).
   */
  async setRegisterValidity(input: SetRegisterValidityInput): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.validUntil)) refuse(ErrorCode.ValidationFailed, 'validUntil is a date.');
    const effectiveAt = input.effectiveAt === null ? null : new Date(input.effectiveAt);
    if (effectiveAt && Number.isNaN(effectiveAt.getTime())) {
      refuse(ErrorCode.ValidationFailed, 'effectiveAt must be a date-time.');
    }
    await this.dataSource.transaction(async (manager) => {
      const entry = await this.lockedEntry(manager, input.registerEntryId);
      if (entry.status !== 'IN_FORCE') {
        refuse(ErrorCode.WrongStage, `${entry.number} is ${entry.status}; only a document in force has a validity.`);
      }
      const dedupKey = `register-validity:${input.idempotencyKey}`;
      if (await this.audit.recorded(manager, dedupKey)) return;
      const before = { effectiveAt: entry.effectiveAt?.toISOString() ?? null, validUntil: entry.validUntil };
      if (effectiveAt) entry.effectiveAt = effectiveAt;
      entry.validUntil = input.validUntil;
      await this.register.saveEntry(manager, entry);
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: input.actor.userId,
        action: input.effectiveAt === null ? 'register.validity.continued' : 'register.validity.set',
        procedureId: entry.procedureId,
        reason: input.reason,
        details: {
          registerEntryId: entry.id,
          number: entry.number,
          before,
          effectiveAt: entry.effectiveAt?.toISOString() ?? null,
          validUntil: input.validUntil,
        },
        dedupKey,
      });
    });
  }

  /** A page of in-force documents in id order, for clean-up campaigns: pass the last id as `afterId`. */
  async listInForce(input: { afterId: string | null; limit: number }): Promise<InForceDocument[]> {
    const limit = Math.max(1, Math.min(1000, Math.floor(input.limit)));
    const entries = await this.register.inForcePage(input.afterId, limit);
    return entries.map((e) => ({
      registerEntryId: e.id,
      procedureId: e.procedureId,
      workflowId: e.workflowId,
      number: e.number,
      title: e.title,
      validUntil: e.validUntil,
    }));
  }

  private async lockedEntry(
    manager: Parameters<RegisterRepository['lockEntry']>[0],
    id: string,
  ): Promise<RegisterEntryEntity> {
    const entry = await this.register.lockEntry(manager, id);
    if (!entry) refuse(ErrorCode.NotFound, `There is no register entry ${id}.`);
    return entry;
  }
}

/** An expected business failure: retrying cannot help, so Temporal must not retry. */
function refuse(type: ErrorCode, message: string, details?: Record<string, unknown>): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true, details: details ? [details] : undefined });
}

function registeredOf(
  entry: Pick<RegisterEntryEntity, 'id' | 'number' | 'year' | 'seq' | 'registeredAt' | 'validUntil'>,
): RegisteredDocument {
  return {
    registerEntryId: entry.id,
    number: entry.number,
    year: entry.year,
    seq: entry.seq,
    registeredAt: entry.registeredAt.toISOString(),
    validUntil: entry.validUntil,
  };
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driverError = err.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === constraint;
}
