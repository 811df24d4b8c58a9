import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/** `DELETE /records/{module}/{id}?version=n`: the version, when given, must be the current one. */
export class DeleteRecordQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
}
