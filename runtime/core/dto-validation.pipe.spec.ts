import 'reflect-metadata';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { ApiError } from './api-error';
import { answer, dtoValidationPipe, IgnoresUnknownFields, REQUIRED } from './dto-validation.pipe';

class CallDto {
  @IsString(REQUIRED) @IsNotEmpty(REQUIRED) @Matches(/^[a-z]+$/, answer('pattern', { es: 'El módulo no es válido.', en: 'The module is not valid.' })) module!: string;
  @IsOptional() @IsInt() count?: number;
}

async function refusal(body: unknown): Promise<ApiError> {
  try {
    await dtoValidationPipe.transform(body, { type: 'body', metatype: CallDto });
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('the body was accepted');
}

describe('dtoValidationPipe', () => {
  it('answers one issue per field, from the first decorator that failed, with its own code and text', async () => {
    const error = await refusal({ extra: 1, count: 'x' });
    expect([error.status, error.code]).toEqual([400, 'validation_failed']);
    expect(error.details).toEqual([
      { path: 'module', code: 'required', message: { es: 'El campo es obligatorio.', en: 'This field is required.' } },
      { path: 'count', code: 'isInt', message: { es: 'Debe ser un número entero.', en: 'Must be a whole number.' } },
      { path: 'extra', code: 'unknownField', message: { es: '«extra» no es un campo admitido.', en: '"extra" is not an accepted field.' } },
    ]);
  });

  it('reports a later constraint once the earlier ones hold', async () => {
    expect((await refusal({ module: 'Casos' })).details).toEqual([{ path: 'module', code: 'pattern', message: { es: 'El módulo no es válido.', en: 'The module is not valid.' } }]);
  });

  it('lets a valid body through as an instance of the DTO', async () => {
    const value = await dtoValidationPipe.transform({ module: 'casos', count: 2 }, { type: 'body', metatype: CallDto });
    expect(value).toBeInstanceOf(CallDto);
    expect(value).toMatchObject({ module: 'casos', count: 2 });
  });
});

@IgnoresUnknownFields()
class LenientDto {
  @IsString(REQUIRED) name!: string;
}

describe('IgnoresUnknownFields', () => {
  it('drops undeclared fields of a DTO marked with it, and still checks the declared ones', async () => {
    const metadata = { type: 'body' as const, metatype: LenientDto };
    expect(await dtoValidationPipe.transform({ name: 'Rol', id: 'forjado' }, metadata)).toEqual(Object.assign(new LenientDto(), { name: 'Rol' }));
    await expect(dtoValidationPipe.transform({ id: 'forjado' }, metadata)).rejects.toMatchObject({ details: [{ path: 'name', code: 'required' }] });
  });
});
