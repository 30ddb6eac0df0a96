import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';
import { UserEntity } from './user.entity';

/** A legal adviser's routing profile: expertise and how many open tasks they take at most. */
@Entity('adviser_profile')
export class AdviserProfileEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_adviser_profile_user' })
  user?: UserEntity;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  expertise: string[];

  @Column({ name: 'max_open_tasks', type: 'int', default: 10 })
  maxOpenTasks: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}

/** The department an adviser is assigned to (a department may have several advisers, an adviser several departments). */
@Entity('adviser_department')
export class AdviserDepartmentEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_adviser_department_user' })
  user?: UserEntity;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_adviser_department_unit' })
  department?: OrgUnitEntity;
}

/** A conflict of interest an adviser declared, for one procedure or a whole department. */
@Entity('adviser_conflict')
@Index('ix_adviser_conflict_user', ['userId'])
export class AdviserConflictEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_adviser_conflict_user' })
  user?: UserEntity;

  @Column({ name: 'procedure_id', type: 'uuid', nullable: true })
  procedureId: string | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ name: 'declared_at', type: 'timestamptz' })
  declaredAt: Date;
}

/** Routing rules, versioned: the newest row applies; every change keeps who and why. */
@Entity('routing_rules_version')
export class RoutingRulesVersionEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  rules: Record<string, unknown>;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
