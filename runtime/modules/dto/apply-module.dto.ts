import { IsBoolean, IsInt, IsObject, IsOptional, Min } from 'class-validator';

/** `PUT /modules/{key}` and `POST /modules/{key}/plan`: the definition itself is checked against the meta-schema by the service. */
export class ApplyModuleDto {
  @IsObject() definition!: Record<string, unknown>;
  @IsOptional() @IsBoolean() keepAside?: boolean;
  @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
}
