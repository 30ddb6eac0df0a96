import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OrgUnitKind } from '@lawgate/domain';

/** An organisation unit: the government, a department, the legal-affairs office, the adviser pool. */
@Entity('org_unit')
export class OrgUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Short stable code, e.g. `JT-EDU`; used in workflow IDs and search attributes. */
  @Index('uq_org_unit_code', { unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: OrgUnitKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
