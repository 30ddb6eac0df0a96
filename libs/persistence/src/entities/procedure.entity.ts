import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';
import { UserEntity } from './user.entity';

/** Read model of one procedure; the workflow owns its progress, activities write this row. */
@Entity('procedure')
// The procedure list, newest first: overall, per department, per stage.
@Index('ix_procedure_created', { synchronize: false })
@Index('ix_procedure_department_created', { synchronize: false })
@Index('ix_procedure_stage_created', { synchronize: false })
export class ProcedureEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Business key, e.g. `normative-document:JT-EDU:2026-001`. */
  @Index('uq_procedure_workflow_id', { unique: true })
  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'project_code', type: 'text' })
  projectCode: string;

  @Column({ type: 'text' })
  title: string;

  @Index('ix_procedure_department')
  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_procedure_department' })
  department?: OrgUnitEntity;

  @Column({ name: 'initiator_id', type: 'uuid' })
  initiatorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'initiator_id', foreignKeyConstraintName: 'fk_procedure_initiator' })
  initiator?: UserEntity;

  @Index('ix_procedure_stage')
  @Column({ type: 'text' })
  stage: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'policy_version', type: 'text' })
  policyVersion: string;

  /** The application and other inputs, as given at start. */
  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
