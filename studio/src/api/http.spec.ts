import { describe, expect, it } from '@jest/globals';
import { dispositionName } from './http';

describe('dispositionName', () => {
  it('prefers the UTF-8 name of a Content-Disposition header, else the plain one', () => {
    expect(dispositionName(`attachment; filename="linea147-fallidas.csv"; filename*=UTF-8''l%C3%ADnea147-fallidas.csv`)).toBe('línea147-fallidas.csv');
    expect(dispositionName('attachment; filename="ejemplo contactos.xlsx"')).toBe('ejemplo contactos.xlsx');
    expect(dispositionName('attachment; filename=ejemplo.csv')).toBe('ejemplo.csv');
  });

  it('has no name without the header or the parameter', () => {
    expect(dispositionName(null)).toBeNull();
    expect(dispositionName('attachment')).toBeNull();
  });
});
