import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DecisionRecordEntity } from '../entities';

export interface NewDecisionRecord {
  procedureId: string;
  kind: string;
  round: number;
  content: unknown;
  ledgerHash: string | null;
  idempotencyKey: string;
}

/** The JSON text a record is kept and hashed as (keys in the order the workflow wrote them). */
export function decisionRecordText(content: unknown): string {
  return JSON.stringify(content);
}

/** A major decision's step records (see `DecisionRecordEntity`). */
@Injectable()
export class DecisionRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes a record once: a retry with the same key leaves the first in place. Returns whether this call wrote it. */
  async record(input: NewDecisionRecord): Promise<boolean> {
    const content = decisionRecordText(input.content);
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(DecisionRecordEntity)
      .values({
        procedureId: input.procedureId,
        kind: input.kind,
        round: input.round,
        content,
        contentSha256: createHash('sha256').update(content, 'utf8').digest('hex'),
        ledgerHash: input.ledgerHash,
        idempotencyKey: input.idempotencyKey,
      })
      .orIgnore()
      .execute();
    return (result.identifiers.filter(Boolean).length ?? 0) > 0;
  }

  /** Writes several records in one statement; a retry with the same keys writes nothing twice. */
  async recordAll(inputs: NewDecisionRecord[]): Promise<void> {
    if (inputs.length === 0) return;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(DecisionRecordEntity)
      .values(
        inputs.map((input) => {
          const content = decisionRecordText(input.content);
          return {
            procedureId: input.procedureId,
            kind: input.kind,
            round: input.round,
            content,
            contentSha256: createHash('sha256').update(content, 'utf8').digest('hex'),
            ledgerHash: input.ledgerHash,
            idempotencyKey: input.idempotencyKey,
          };
        }),
      )
      .orIgnore()
      .execute();
  }

  /** A procedure's records, in the order they were written. */
  findByProcedure(procedureId: string): Promise<DecisionRecordEntity[]> {
    return this.dataSource
      .getRepository(DecisionRecordEntity)
      .find({ where: { procedureId }, order: { recordedAt: 'ASC', id: 'ASC' } });
  }
}
