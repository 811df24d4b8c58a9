import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { buildRule, needsValue, parseRule, RULE_OPERATORS, type RuleModel, type RuleRow, type RuleValue } from './rule-model';

const fieldArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const scalarArb: fc.Arbitrary<RuleValue> = fc.oneof(fc.string(), fc.integer(), fc.boolean());
const rowArb: fc.Arbitrary<RuleRow> = fc
  .tuple(fieldArb, fc.constantFrom(...RULE_OPERATORS), scalarArb, fc.array(scalarArb, { maxLength: 4 }))
  .map(([field, op, value, list]) => (op === 'empty' || op === 'notEmpty' ? { field, op } : op === 'in' ? { field, op, value: list } : { field, op, value }));
const modelArb: fc.Arbitrary<RuleModel> = fc.record({ join: fc.constantFrom('and' as const, 'or' as const), rows: fc.array(rowArb, { minLength: 1, maxLength: 5 }) });

describe('rule-model', () => {
  it('no condition is an empty model, and an empty model is no condition', () => {
    expect(parseRule(undefined)).toEqual({ join: 'and', rows: [] });
    expect(buildRule({ join: 'or', rows: [] })).toBeUndefined();
    expect(buildRule({ join: 'and', rows: [{ field: '', op: 'eq', value: 'x' }] })).toBeUndefined();
  });

  it('reads the conditions admins write by hand', () => {
    expect(parseRule({ '===': [{ var: 'estado' }, 'abierto'] })).toEqual({ join: 'and', rows: [{ field: 'estado', op: 'eq', value: 'abierto' }] });
    expect(parseRule({ '!': [{ var: 'correo' }] })).toEqual({ join: 'and', rows: [{ field: 'correo', op: 'empty' }] });
    expect(parseRule({ or: [{ in: [{ var: 'tipo' }, ['a', 'b']] }, { '>=': [{ var: ['monto'] }, 100] }] })).toEqual({
      join: 'or',
      rows: [
        { field: 'tipo', op: 'in', value: ['a', 'b'] },
        { field: 'monto', op: 'gte', value: 100 },
      ],
    });
  });

  it('leaves what it cannot draw as advanced (null)', () => {
    expect(parseRule({ '+': [1, 2] })).toBeNull();
    expect(parseRule({ '==': [{ var: 'a' }, { var: 'b' }] })).toBeNull();
    expect(parseRule({ in: [{ var: 'a' }, 'texto'] })).toBeNull();
    expect(parseRule({ and: [{ '==': [{ var: 'a' }, 1] }, { if: [true, 1, 2] }] })).toBeNull();
    expect(parseRule({ '!': [{ var: 'a' }, 1] })).toBeNull();
  });

  it('writes JsonLogic with the plain operators', () => {
    expect(buildRule({ join: 'and', rows: [{ field: 'estado', op: 'neq', value: 'cerrado' }] })).toEqual({ '!=': [{ var: 'estado' }, 'cerrado'] });
    expect(
      buildRule({
        join: 'or',
        rows: [
          { field: 'a', op: 'notEmpty' },
          { field: 'b', op: 'in', value: 'x' },
        ],
      }),
    ).toEqual({ or: [{ '!!': [{ var: 'a' }] }, { in: [{ var: 'b' }, ['x']] }] });
    // A value left blank still makes a complete condition the server can check.
    expect(buildRule({ join: 'and', rows: [{ field: 'a', op: 'lt' }] })).toEqual({ '<': [{ var: 'a' }, ''] });
  });

  it('reads back every model it writes', () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        // One row is written without its join, so it reads back as AND.
        const expected = model.rows.length === 1 ? { ...model, join: 'and' } : model;
        expect(parseRule(buildRule(model))).toEqual(expected);
      }),
    );
  });

  it('only empty and not-empty take no value', () => {
    expect(RULE_OPERATORS.filter((op) => !needsValue(op))).toEqual(['empty', 'notEmpty']);
  });
});
