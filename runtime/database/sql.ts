/** Quotes a Postgres identifier; keys are validated snake_case already, quoting keeps reserved words safe. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function table(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

/** Postgres cuts identifiers at 63 bytes; long index names get a stable hash instead. */
export function indexName(tableName: string, column: string, suffix: string): string {
  const plain = `${tableName}_${column}_${suffix}`;
  if (plain.length <= 63) return plain;
  let hash = 0x811c9dc5;
  for (let i = 0; i < plain.length; i++) hash = Math.imul(hash ^ plain.charCodeAt(i), 0x01000193);
  return `${plain.slice(0, 50)}_${(hash >>> 0).toString(36)}`;
}
