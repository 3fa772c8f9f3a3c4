/** What both reports share: the options made concrete (labels, money) and figure helpers. */
import { SynergyPayError } from '../core/errors.js';
import { moneyFormat, type MoneyFormat } from '../core/moneyFormat.js';
import { reportLabels, type ReportLabels } from './labels.js';
import type { ReportOptions } from './types.js';

/** The labels and the money format of one report. */
export interface ReportContext {
  readonly labels: ReportLabels;
  readonly money: MoneyFormat;
  /** A plain decimal (a coefficient, a score) written for the locale with every digit it has; `—` for `null`. */
  readonly number: (decimal: string | null) => string;
  readonly locale: string;
}

/** The report's context, or `INVALID_INPUT` at `["locale"]` for a tag Intl cannot format. */
export function reportContext(currency: string, options: ReportOptions): ReportContext {
  const tag = options.locale ?? 'en';
  let locale: string | undefined;
  try {
    locale = Intl.getCanonicalLocales(tag)[0];
  } catch {
    locale = undefined;
  }
  if (locale === undefined || Intl.NumberFormat.supportedLocalesOf(locale).length === 0)
    throw new SynergyPayError([
      {
        code: 'INVALID_INPUT',
        path: ['locale'],
        message: `locale must be a BCP 47 tag Intl can format (en, zh-CN, …), not "${tag}"`,
      },
    ]);
  return { labels: reportLabels(locale), money: moneyFormat(currency, locale), number: numberText(locale), locale };
}

/** A decimal string as a number, for drawing only (the exact figure is in the table). */
export const plot = (decimal: string | null) => (decimal === null ? 0 : Number(decimal));

/** `Intl.NumberFormat.format` takes a decimal string exactly (ECMA-402 2023); the ES2022 lib types say `number` only. */
interface DecimalFormat {
  format(decimal: string): string;
}

/** Plain decimals written for `locale`, keeping every digit they have (one formatter per digit count). */
function numberText(locale: string): (decimal: string | null) => string {
  const formats = new Map<number, DecimalFormat>();
  return (decimal) => {
    if (decimal === null) return '—';
    const dot = decimal.indexOf('.');
    const digits = dot < 0 ? 0 : decimal.length - dot - 1;
    let format = formats.get(digits);
    if (format === undefined) {
      const options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
      format = new Intl.NumberFormat(locale, options) as unknown as DecimalFormat;
      formats.set(digits, format);
    }
    return format.format(decimal);
  };
}
