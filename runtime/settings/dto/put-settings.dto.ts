import { IsDefined, IsInt, IsOptional, Min } from 'class-validator';

export class PutSettingsDto {
  /** Checked per section by the service (ajv), so errors name the exact path. */
  @IsDefined() value!: unknown;
  @IsOptional() @IsInt() @Min(0) expectedVersion?: number;
}
