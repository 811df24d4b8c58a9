import { IsBoolean, IsEmail, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class UpdateUserDto {
  @IsOptional() @IsString() @MaxLength(120) displayName?: string;
  @IsOptional() @IsEmail() email?: string | null;
  @IsOptional() @IsUUID() profileId?: string | null;
  @IsOptional() @IsUUID() roleId?: string | null;
  @IsOptional() @IsUUID() levelId?: string | null;
  @IsOptional() @IsBoolean() licenseActive?: boolean;
  @IsOptional() @IsBoolean() active?: boolean;
}

export class CreateUserDto extends UpdateUserDto {
  @IsString() @MaxLength(60) username!: string;
}
