import type { FilterOperator } from './field-type';

/** Operator sets shared by types whose values compare alike. */
export const TEXT_OPERATORS: readonly FilterOperator[] = ['contains', 'notContains', 'eq', 'neq', 'empty', 'notEmpty', 'in'];
export const NUMBER_OPERATORS: readonly FilterOperator[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'empty', 'notEmpty'];
export const DATE_OPERATORS: readonly FilterOperator[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'empty', 'notEmpty'];
export const BOOLEAN_OPERATORS: readonly FilterOperator[] = ['eq', 'neq', 'empty', 'notEmpty'];
export const OPTION_OPERATORS: readonly FilterOperator[] = ['eq', 'neq', 'in', 'empty', 'notEmpty'];
export const OPTIONS_OPERATORS: readonly FilterOperator[] = ['contains', 'notContains', 'in', 'empty', 'notEmpty'];
export const REFERENCE_OPERATORS: readonly FilterOperator[] = ['eq', 'neq', 'in', 'empty', 'notEmpty'];
export const PRESENCE_OPERATORS: readonly FilterOperator[] = ['empty', 'notEmpty'];
