/** Keys of the product record fields this plugin reads (catalog module `productos`). */
export const PRODUCT = {
  active: 'activo',
  unitPrice: 'precio_unitario',
  tax: 'impuesto',
  paymentType: 'tipo_pago',
  priceLists: 'listas_precios',
  ranges: 'rangos_cantidad',
} as const;

/** Columns of the product's `listas_precios` rows. */
export const PRICE_LIST_ROW = { list: 'lista', place: 'lugar', currency: 'moneda', price: 'precio' } as const;

/** Columns of the product's `rangos_cantidad` rows. */
export const RANGE_ROW = { from: 'desde', to: 'hasta', discount: 'descuento' } as const;
