import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';

/** `POST /modules/{key}/rollback`: the version to apply again as a new version. */
export class RollbackModuleDto {
  @IsInt() @Min(1) version!: number;
  @IsOptional() @IsBoolean() keepAside?: boolean;
}
