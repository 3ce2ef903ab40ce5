/** CNY↔TWD conversion rate of a tax year, as configured in tables/fx.json. */
import { invalid } from './input.ts';
import { shippedTaxTables, type TaxTables } from './tables.ts';

export interface FxRate {
  twdPerCny: number;
  source: string;
}

/** The configured rate (TWD per 1 CNY) of `year`; AppError validation_failed naming fxTwdPerCny when none is configured. */
export function fxRate(year: number, tables: TaxTables = shippedTaxTables()): FxRate {
  const r = tables.fx.rates[String(year)];
  if (!r) {
    const configured = Object.keys(tables.fx.rates).sort();
    throw invalid('fxTwdPerCny', `no configured rate for ${year} (configured: ${configured.join(', ') || 'none'}); give fxTwdPerCny`, { configured: configured.map(Number) });
  }
  return { twdPerCny: r.twdPerCny, source: r.source };
}
