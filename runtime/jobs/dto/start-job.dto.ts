import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Matches } from 'class-validator';
import { answer, REQUIRED } from '../../core/dto-validation.pipe';

/** POST /jobs: which job, and its payload, which the job type checks (its own fields, rights and limits). */
export class StartJobDto {
  @ApiProperty({ example: 'records.bulk', description: 'records.bulk, records.email, records.import, records.restore, records.delete, records.undelete …' })
  @IsString(REQUIRED)
  @Matches(/^[a-z]+(\.[a-z]+)*$/)
  type!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { module: 'clients', mode: 'upsert', keyField: 'code', rows: [{ name: 'Ana', code: 'C-0001' }] } })
  @IsObject(answer('record', { es: 'Debe ser un objeto.', en: 'Must be an object.' }))
  payload!: Record<string, unknown>;
}
