import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One document listed in an edition of the catalog: as it stood when its review passed. */
export interface FilingCatalogEditionEntry {
  caseId: string;
  title: string;
  documentNumber: string;
  issuer: string;
  publishedOn: string;
  filedAt: string;
}

/**
 * An edition of the filed-documents catalog (备案目录, E3): the documents whose filing review passed within one
 * period of the policy's cadence, published once per period (the key is unique: publishing a period again is the
 * same edition).
 */
@Entity('filing_catalog_edition')
@Check('ck_filing_catalog_edition_period', `"period_start" < "period_end"`)
export class FilingCatalogEditionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_filing_catalog_edition' })
  id: string;

  /** `2026-Q3`, `2026-07`, or a demonstration window `S20-<start>`. */
  @Index('uq_filing_catalog_edition_period', { unique: true })
  @Column({ name: 'period_key', type: 'text' })
  periodKey: string;

  @Column({ type: 'text' })
  cadence: string;

  /** 2026年第3季度. */
  @Column({ type: 'text' })
  label: string;

  @Column({ name: 'period_start', type: 'timestamptz' })
  periodStart: Date;

  @Index('ix_filing_catalog_edition_end')
  @Column({ name: 'period_end', type: 'timestamptz' })
  periodEnd: Date;

  @Column({ name: 'receiving_organ', type: 'text' })
  receivingOrgan: string;

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  entries: FilingCatalogEditionEntry[];
}
