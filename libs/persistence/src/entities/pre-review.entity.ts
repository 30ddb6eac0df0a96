import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A pre-review rule an administrator switched off (or on again), with the reason: a rule without a row is on. Each
 * change is also an audit entry.
 */
@Entity('pre_review_rule_setting')
export class PreReviewRuleSettingEntity {
  @PrimaryColumn({ name: 'rule_id', type: 'text', primaryKeyConstraintName: 'PK_pre_review_rule_setting' })
  ruleId: string;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'changed_by', type: 'uuid' })
  changedBy: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}

/**
 * An administrator's recorded change to the dated list of laws shipped with LawGate (a law repealed, renamed or added
 * after the list was dated), with the reason; the pre-review reads the list with these on top. Audited.
 */
@Entity('pre_review_law_override')
export class PreReviewLawOverrideEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_pre_review_law_override' })
  id: string;

  /** The law's name as normalised for lookup (without 中华人民共和国); one override per law. */
  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ type: 'text' })
  status: 'IN_FORCE' | 'REPEALED';

  @Column({ type: 'text', nullable: true })
  rank: string | null;

  @Column({ name: 'repealed_by', type: 'text', nullable: true })
  repealedBy: string | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'changed_by', type: 'uuid' })
  changedBy: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
