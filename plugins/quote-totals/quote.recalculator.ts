import type { Issue, PluginReads, RecordValues } from '@crm/engine';
import type { LineAmounts } from './calc/line-amounts';
import { formatMoney, isBlank } from './calc/money';
import { quoteSums } from './calc/quote-sums';
import type { QuoteTotalsConfig, TotalKey } from './config/quote-totals.config';
import { LINE, TOTAL_KEYS } from './config/quote-totals.config';
import { resolveLine } from './lines/line.resolver';
import { productLoader } from './products/product.loader';

export interface Recalculation {
  /** The lines with their computed columns; null when the quote has no lines array (left as it is). */
  lines: RecordValues[] | null;
  /** Quote totals as two-decimal strings, over the lines that could be computed. */
  totals: Record<TotalKey, string>;
  /** Problems that refuse the write (inactive or unknown products, missing prices...). */
  issues: Issue[];
}

const isRow = (value: unknown): value is RecordValues => value !== null && typeof value === 'object' && !Array.isArray(value);

const productIds = (lines: unknown): string[] =>
  Array.isArray(lines)
    ? lines
        .filter(isRow)
        .map((row) => row[LINE.product])
        .filter((id): id is string => typeof id === 'string' && id !== '')
    : [];

/**
 * Recomputes every line of a quote and its totals, reading each product once.
 * Lines that cannot be computed are returned unchanged, with their issues.
 */
export async function recalculateQuote(quote: Readonly<RecordValues>, previous: Readonly<RecordValues> | null, config: QuoteTotalsConfig, services: PluginReads): Promise<Recalculation> {
  const rows = quote[config.linesField];
  const list: unknown[] = Array.isArray(rows) ? rows : [];
  const load = productLoader(services, config.productModule);
  const products = new Map(await Promise.all([...new Set(productIds(list))].map(async (id) => [id, await load(id)] as const)));
  const storedProducts = new Set(productIds(previous?.[config.linesField]));

  const issues: Issue[] = [];
  const amounts: LineAmounts[] = [];
  const lines = list.map((value, index) => {
    const row = isRow(value) ? value : {};
    const id = row[LINE.product];
    const product = isBlank(id) ? undefined : (products.get(String(id)) ?? null);
    const outcome = resolveLine({ linesField: config.linesField, index, row, product, priceList: quote[config.priceListField], storedProducts });
    if (!outcome.ok) {
      issues.push(...outcome.issues);
      return value as RecordValues;
    }
    amounts.push(outcome.amounts);
    return outcome.row;
  });

  const sums = quoteSums(amounts);
  const totals = Object.fromEntries(TOTAL_KEYS.map((key) => [key, formatMoney(sums[key])])) as Record<TotalKey, string>;
  return { lines: Array.isArray(rows) ? lines : null, totals, issues };
}

/** The record changes a recalculation makes: the lines (when the quote has them) and the four totals. */
export function recalculationPatch(config: QuoteTotalsConfig, recalculation: Recalculation): RecordValues {
  return {
    ...(recalculation.lines && { [config.linesField]: recalculation.lines }),
    ...Object.fromEntries(TOTAL_KEYS.map((key) => [config.totals[key], recalculation.totals[key]])),
  };
}
