import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ schema: 'core', name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'operation_id' }) operationId!: string;
  @Column('text') username!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { name: 'password_hash', select: false }) passwordHash!: string;
  @Column('boolean', { name: 'must_change_password' }) mustChangePassword!: boolean;
  @Column('boolean', { name: 'is_admin' }) isAdmin!: boolean;
  @Column('boolean') active!: boolean;
  @Column('boolean', { name: 'license_active' }) licenseActive!: boolean;
  @Column('uuid', { name: 'profile_id', nullable: true }) profileId!: string | null;
  @Column('uuid', { name: 'role_id', nullable: true }) roleId!: string | null;
  @Column('uuid', { name: 'level_id', nullable: true }) levelId!: string | null;
  @Column('integer', { name: 'failed_attempts' }) failedAttempts!: number;
  @Column('timestamptz', { name: 'locked_until', nullable: true }) lockedUntil!: Date | null;
  @Column('integer', { name: 'token_version' }) tokenVersion!: number;
  @Column('timestamptz', { name: 'password_changed_at', nullable: true }) passwordChangedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
