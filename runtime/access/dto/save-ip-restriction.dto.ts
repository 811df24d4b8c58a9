import { IsOptional, IsString, MaxLength } from 'class-validator';

/** `POST /ip-restrictions`, `PATCH /ip-restrictions/{id}`: the address and mask formats are checked by the service. */
export class SaveIpRestrictionDto {
  @IsOptional() @IsString() @MaxLength(100) address?: string;
  @IsOptional() @IsString() @MaxLength(100) mask?: string | null;
  @IsOptional() @IsString() description?: string | null;
}
