import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export type CatalogVersionStatus = 'DRAFT' | 'PUBLISHED' | 'SUPERSEDED';
export type CatalogActKind =
  | 'CREATE_VERSION'
  | 'ADD_ITEM'
  | 'CHANGE_ITEM'
  | 'REMOVE_ITEM'
  | 'PARTY_CONSENT'
  /** An item changed after the Party committee consented: the consent no longer covers the version. */
  | 'PARTY_CONSENT_VOIDED'
  | 'PUBLISH';

/**
 * The annual catalog of major decision matters (决策事项目录, 国务院令第713号 Art 3 §3): one per year, kept in
 * versions; the matters in it must follow the major-decision procedure.
 */
@Entity('decision_catalog')
export class DecisionCatalogEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_decision_catalog_year', { unique: true })
  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'text' })
  title: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A version of a year's catalog. Every version is kept: a draft is edited, then published (which supersedes the
 * previous one). The database refuses a published version without the same-level Party committee's consent (G-A2).
 */
@Entity('decision_catalog_version')
@Index('uq_decision_catalog_version', ['catalogId', 'version'], { unique: true })
@Check('ck_decision_catalog_version_status', `"status" IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED')`)
@Check('ck_decision_catalog_version_consent', `"status" = 'DRAFT' OR "party_consent_at" IS NOT NULL`)
export class DecisionCatalogVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'catalog_id', type: 'uuid' })
  catalogId: string;

  @ManyToOne(() => DecisionCatalogEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'catalog_id', foreignKeyConstraintName: 'fk_decision_catalog_version_catalog' })
  catalog?: DecisionCatalogEntity;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  status: CatalogVersionStatus;

  /** The Party committee that consented (e.g. 中共常州市金坛区委), its document, when, and who recorded it. */
  @Column({ name: 'party_consent_by', type: 'text', nullable: true })
  partyConsentBy: string | null;

  @Column({ name: 'party_consent_reference', type: 'text', nullable: true })
  partyConsentReference: string | null;

  /** The Party committee meeting at which it consented (e.g. 区委常委会2026年第5次会议). */
  @Column({ name: 'party_consent_meeting', type: 'text', nullable: true })
  partyConsentMeeting: string | null;

  @Column({ name: 'party_consent_at', type: 'timestamptz', nullable: true })
  partyConsentAt: Date | null;

  @Column({ name: 'party_consent_recorded_by', type: 'uuid', nullable: true })
  partyConsentRecordedBy: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A matter in a catalog version. `itemKey` is stable across versions; the procedure it runs is linked once started. */
@Entity('decision_catalog_item')
@Index('uq_decision_catalog_item', ['versionId', 'itemKey'], { unique: true })
export class DecisionCatalogItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @ManyToOne(() => DecisionCatalogVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_decision_catalog_item_version' })
  catalogVersion?: DecisionCatalogVersionEntity;

  @Column({ name: 'item_key', type: 'text' })
  itemKey: string;

  @Column({ type: 'text' })
  title: string;

  /** The Art 3 §1 kind. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'undertaking_unit_id', type: 'uuid', nullable: true })
  undertakingUnitId: string | null;

  @Index('ix_decision_catalog_item_procedure')
  @Column({ name: 'procedure_id', type: 'uuid', nullable: true })
  procedureId: string | null;
}

/** The recorded act behind every change to a catalog (Jiangsu dynamic management: changes go through a procedure). */
@Entity('decision_catalog_act')
export class DecisionCatalogActEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_decision_catalog_act_version')
  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @ManyToOne(() => DecisionCatalogVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_decision_catalog_act_version' })
  catalogVersion?: DecisionCatalogVersionEntity;

  @Column({ type: 'text' })
  act: CatalogActKind;

  @Column({ name: 'item_key', type: 'text', nullable: true })
  itemKey: string | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
