import { fail, type IssuePath } from './errors.js';

const digitsCache = new Map<string, number>();
let known: Set<string> | undefined;

function knownCurrencies(): Set<string> {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  return known;
}

/** Whether `code` is an ISO 4217 currency code that `Intl` knows. */
export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && knownCurrencies().has(code);
}

/**
 * The number of minor digits of a currency (CNY 2, JPY 0, KWD 3), from
 * `Intl.NumberFormat`'s currency data. Unknown codes raise `UNKNOWN_CURRENCY`.
 *
 * @param currency - an ISO 4217 code in upper case.
 * @param path - where the code sits in the caller's input, for the error.
 * @returns the number of decimals of the currency's minor unit.
 * @throws {@link SynergyPayError} `UNKNOWN_CURRENCY`.
 *
 * @example
 * ```ts
 * import { minorDigits } from 'synergy-pay';
 * minorDigits('CNY'); // 2
 * minorDigits('JPY'); // 0
 * minorDigits('KWD'); // 3
 * ```
 */
export function minorDigits(currency: string, path: IssuePath = ['currency']): number {
  const cached = digitsCache.get(currency);
  if (cached !== undefined) return cached;
  if (!isKnownCurrency(currency))
    fail('UNKNOWN_CURRENCY', path, `"${currency}" is not an ISO 4217 currency code known to Intl`);
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  digitsCache.set(currency, digits);
  return digits;
}
