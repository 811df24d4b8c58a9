import { IsIn, IsOptional } from 'class-validator';

/** `POST /records/{module}/query?deleted=…`: live records (default), deleted ones as well, or only deleted ones. */
export class QueryScopeQuery {
  @IsOptional() @IsIn(['exclude', 'include', 'only']) deleted?: 'exclude' | 'include' | 'only';
}
