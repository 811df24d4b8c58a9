import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type JobState = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/** A background job as the API shows it; the row outlives the queue. */
@Entity({ schema: 'core', name: 'jobs' })
export class JobEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'operation_id' }) operationId!: string;
  @Column('text') type!: string;
  @Column('text') state!: JobState;
  @Column('integer') progress!: number;
  @Column('integer') total!: number;
  @Column('integer') processed!: number;
  @Column('integer') succeeded!: number;
  @Column('integer') failed!: number;
  @Column('jsonb') payload!: Record<string, unknown>;
  @Column('jsonb', { nullable: true }) checkpoint!: Record<string, unknown> | null;
  @Column('jsonb', { nullable: true }) result!: Record<string, unknown> | null;
  @Column('jsonb', { nullable: true }) error!: Record<string, unknown> | null;
  @Column('integer') attempts!: number;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
