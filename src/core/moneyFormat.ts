/**
 * Amounts written for people: one currency in one locale, from the exact decimal strings of the
 * results. Shared by the CLI's text output and the HTML reports (`synergy-pay/report`).
 */
import { minorDigits } from './currency.js';

/** How amounts of one currency are written in one locale (the CLI's text output, the HTML reports). */
export interface MoneyFormat {
  /** `"-1234.5"` as `-CN¥1,234.50` (en) or `-¥1,234.50` (zh-CN). */
  readonly amount: (decimal: string) => string;
  /** The same with a sign always, for differences: `+CN¥550.00`. */
  readonly signed: (decimal: string) => string;
  /** {@link MoneyFormat.amount}, or `—` for a missing figure. */
  readonly orDash: (decimal: string | null) => string;
  /** The locale (to format another currency alike). */
  readonly locale: string;
}

/** `Intl.NumberFormat.format` takes a decimal string and formats it exactly (ECMA-402 2023); the ES2022 lib types say `number` only. */
interface DecimalFormat {
  format(decimal: string): string;
}

/**
 * Amounts of `currency` with the currency and the digit grouping of `locale`, from the exact
 * decimal strings of the results (never through `Number`, which loses digits beyond 2^53). At
 * least the currency's minor digits are shown; a figure with more (a median of two awards) keeps
 * all of its digits rather than being rounded for display.
 *
 * @param currency - ISO 4217 code of the amounts (`"CNY"`); its minor digits are always shown.
 * @param locale - A BCP 47 locale tag `Intl.NumberFormat` supports. @defaultValue `"en"`
 * @returns The formatters: {@link MoneyFormat.amount}, {@link MoneyFormat.signed}, {@link MoneyFormat.orDash}.
 * @throws `UNKNOWN_CURRENCY` for a code that is not ISO 4217; a `RangeError` from Intl for a malformed locale tag.
 * @example
 * ```ts
 * import { moneyFormat } from 'synergy-pay';
 *
 * moneyFormat('CNY', 'zh-CN').amount('-1234.5'); // '-¥1,234.50'
 * moneyFormat('CNY').signed('550'); // '+CN¥550.00'
 * ```
 */
export function moneyFormat(currency: string, locale = 'en'): MoneyFormat {
  const digits = minorDigits(currency);
  const formats = new Map<string, DecimalFormat>();
  const format = (decimal: string, signDisplay: 'auto' | 'always') => {
    const dot = decimal.indexOf('.');
    const fraction = Math.max(digits, dot < 0 ? 0 : decimal.length - dot - 1);
    const key = `${fraction} ${signDisplay}`;
    let formatter = formats.get(key);
    if (formatter === undefined) {
      const options = { minimumFractionDigits: digits, maximumFractionDigits: fraction, signDisplay };
      formatter = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        ...options,
      }) as unknown as DecimalFormat;
      formats.set(key, formatter);
    }
    return formatter.format(decimal);
  };
  return {
    amount: (decimal) => format(decimal, 'auto'),
    signed: (decimal) => format(decimal, 'always'),
    orDash: (decimal) => (decimal === null ? '—' : format(decimal, 'auto')),
    locale,
  };
}
