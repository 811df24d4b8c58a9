/** The operation a request acts in: every query of a module table goes through its schema. */
export interface OperationRef {
  id: string;
  key: string;
  schemaName: string;
}
