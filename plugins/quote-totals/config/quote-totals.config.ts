/** The `config` a module definition gives `quote-totals`: keys of the quote's fields. */
export interface QuoteTotalsConfig {
  /** Sub-table of quote lines (catalog: `lineas`). */
  linesField: string;
  /** Module the lines' `producto` lookup points to (catalog: `productos`). */
  productModule: string;
  /** Field holding the quote's price list name, matched against the product's `listas_precios.lista` (catalog: `lista_precios`). */
  priceListField: string;
  /** Fields that receive the quote totals. */
  totals: QuoteTotalFields;
}

export interface QuoteTotalFields {
  subtotal: string;
  discount: string;
  tax: string;
  total: string;
}

export type TotalKey = keyof QuoteTotalFields;
export const TOTAL_KEYS: readonly TotalKey[] = ['subtotal', 'discount', 'tax', 'total'];

/** Fixed column keys of a quote line. */
export const LINE = {
  product: 'producto',
  costType: 'tipo_costo',
  listPrice: 'precio_lista',
  quantity: 'cantidad',
  amount: 'importe',
  discount: 'descuento',
  discountManual: 'descuento_manual',
  tax: 'impuesto',
  taxManual: 'impuesto_manual',
  total: 'total',
} as const;
