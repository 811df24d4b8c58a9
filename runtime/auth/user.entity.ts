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
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
