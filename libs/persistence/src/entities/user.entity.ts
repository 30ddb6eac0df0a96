import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@lawgate/domain';
import { OrgUnitEntity } from './org-unit.entity';

/** A person who signs in to LawGate. */
@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_app_user_username', { unique: true })
  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** scrypt hash in the form `scrypt$N$r$p$salt$hash`; null for accounts that sign in through OIDC only. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'fk_app_user_org_unit' })
  orgUnit?: OrgUnitEntity;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Where e-mail notifications go; null: none are sent. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** Qualifications the administrator recorded (e.g. LEGAL_PROFESSION, 法律职业资格). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  qualifications: string[];

  /** Raised to sign the user out everywhere: a token carries the generation it was issued under. */
  @Column({ name: 'session_generation', type: 'integer', default: 0 })
  sessionGeneration: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
