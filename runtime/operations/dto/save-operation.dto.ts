import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CreateOperationDto {
  @IsString() @Matches(/^[a-z][a-z0-9_]{0,39}$/) key!: string;
  @IsOptional() @IsString() @MaxLength(200) name?: string;
}

/** Habilitar CRM (A1): a disabled operation refuses its users and its tokens; the platform still reaches it. */
export class UpdateOperationDto {
  @IsOptional() @IsBoolean() crmEnabled?: boolean;
  @IsOptional() @IsString() @MaxLength(200) name?: string;
}
