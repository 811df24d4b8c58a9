import { IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class ModuleDraftDto {
  @IsString() @IsNotEmpty() @MaxLength(4000) prompt!: string;
  @IsOptional() @IsString() @Matches(/^[a-z][a-z0-9_]{0,62}$/) module?: string;
  @IsOptional() @IsObject() draft?: Record<string, unknown>;
}
