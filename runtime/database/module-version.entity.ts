import type { DiffOperation, ModuleDefinition, StorageStep } from '@crm/engine';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Every applied version of a module, with the diff and storage plan that produced it. */
@Entity({ schema: 'core', name: 'module_versions' })
export class ModuleVersionEntity {
  @PrimaryColumn('uuid', { name: 'operation_id' }) operationId!: string;
  @PrimaryColumn('text') key!: string;
  @PrimaryColumn('integer') version!: number;
  @Column('jsonb') definition!: ModuleDefinition;
  @Column('jsonb') operations!: DiffOperation[];
  @Column('jsonb') plan!: StorageStep[];
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
