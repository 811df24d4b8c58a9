import type { ModuleDefinition } from '@crm/engine';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The current definition of each module of each operation. */
@Entity({ schema: 'core', name: 'module_definitions' })
export class ModuleDefinitionEntity {
  @PrimaryColumn('uuid', { name: 'operation_id' }) operationId!: string;
  @PrimaryColumn('text') key!: string;
  @Column('integer') version!: number;
  @Column('jsonb') definition!: ModuleDefinition;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
