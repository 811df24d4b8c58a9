import { sampleCases } from '../definition/sample-definition.fixture';
import type { ModuleDefinition } from '../definition/module-definition.types';
import { fieldStates } from './field-state.evaluator';
import { computeFormulas } from './formula.evaluator';

describe('field states', () => {
  it('shows and requires "Agrega solución" only when the case is solved', () => {
    expect(fieldStates(sampleCases.fields, { estado: 'abierto' }).solucion).toEqual({ visible: false, required: false, readOnly: false });
    expect(fieldStates(sampleCases.fields, { estado: 'solucionado' }).solucion).toEqual({ visible: true, required: true, readOnly: false });
    expect(fieldStates(sampleCases.fields, { estado: 'solucionado' }).codigo_cierre.readOnly).toBe(true);
  });

  it('leaves archived fields out', () => {
    expect(Object.keys(fieldStates(sampleCases.fields, {}))).not.toContain('antiguo');
  });
});

describe('formulas', () => {
  const opportunity: ModuleDefinition = {
    key: 'oportunidades',
    version: 1,
    names: { singular: { es: 'Oportunidad', en: 'Opportunity' }, plural: { es: 'Oportunidades', en: 'Opportunities' } },
    icon: 'target',
    fields: [
      // Defined before the formula it uses, on purpose: order must not matter.
      {
        key: 'monto_esperado',
        type: 'formula',
        label: { es: 'Monto esperado', en: 'Expected amount' },
        resultType: 'currency',
        formula: { '/': [{ '*': [{ var: 'monto' }, { var: 'probabilidad' }] }, 100] },
      },
      { key: 'monto', type: 'currency', label: { es: 'Monto', en: 'Amount' }, currency: 'COP' },
      { key: 'fase', type: 'select', label: { es: 'Fase', en: 'Phase' }, options: [{ key: 'propuesta', label: { es: 'Propuesta', en: 'Proposal' }, data: { probability: 50 } }] },
      { key: 'probabilidad', type: 'formula', label: { es: 'Probabilidad', en: 'Probability' }, resultType: 'percent', formula: { if: [{ '==': [{ var: 'fase' }, 'propuesta'] }, 35, 0] } },
      { key: 'nombre_largo', type: 'formula', label: { es: 'Nombre', en: 'Name' }, resultType: 'text', formula: { cat: ['OP-', { var: 'fase' }] } },
    ],
  };

  it('computes expected amount = amount × probability, to the cent, whatever the order', () => {
    expect(computeFormulas(opportunity, { monto: '1000.05', fase: 'propuesta' })).toEqual({
      monto_esperado: '350.02',
      probabilidad: '35.00',
      nombre_largo: 'OP-propuesta',
    });
  });

  it('rounds half-up from the decimal text, not the binary float', () => {
    expect(computeFormulas(sampleCases, { monto: '0.10', descuento: 0 }).total).toBe('0.10');
    expect(computeFormulas(sampleCases, { monto: '1.005', descuento: 0 }).total).toBe('1.01');
    expect(computeFormulas(sampleCases, { monto: '100', descuento: 33.3 }).total).toBe('66.70');
  });

  it('gives null when the formula has nothing to compute with', () => {
    expect(computeFormulas(sampleCases, { monto: 'abc' }).total).toBeNull();
  });
});
