/**
 * Output hygiene shared by the cross-cutting properties: a result is plain JSON (survives a JSON
 * round trip unchanged: no class instances, no `undefined`, no bigint), holds no NaN/Infinity
 * text, and every money field named in `moneyKeys` carries exactly the currency's minor digits.
 */
import { expect } from 'vitest';

/** Keys whose values are caller-chosen identifiers or names, not figures. */
const nameKeys =
  /^(id|ids|rating|ratings|flags|unit|units|member|members|dimension|fact|person|party|parties|subject|department|label|indicators|reviews|rater|ratee|grade|version|plan|name|reason|note|kind|task|condition|segment|mechanisms|dimensions)$/;

export function hygieneProblems(
  result: unknown,
  digits: number,
  moneyKeys: readonly string[] = [],
  echoed?: unknown,
): string[] {
  const problems: string[] = [];
  const money = new RegExp(digits === 0 ? '^-?\\d+$' : `^-?\\d+\\.\\d{${digits}}$`);
  const bad = /^(-?Infinity|NaN|undefined)$/;
  const walk = (node: unknown, key: string | number, inTrace: boolean, where: () => string, isName = false): void => {
    if (Array.isArray(node)) {
      const names = typeof key === 'string' && nameKeys.test(key);
      for (let i = 0; i < node.length; i++) walk(node[i], i, inTrace, () => `${where()}[${i}]`, names);
    } else if (node !== null && typeof node === 'object') {
      const proto = Object.getPrototypeOf(node);
      if (proto !== Object.prototype && proto !== null) problems.push(`${where()}: not a plain object`);
      for (const name of Object.keys(node))
        walk((node as Record<string, unknown>)[name], name, inTrace || name === 'trace', () => `${where()}.${name}`);
    } else if (typeof node === 'number') {
      if (!Number.isFinite(node)) problems.push(`${where()}: ${node}`);
    } else if (typeof node === 'string') {
      // Ids and names are the caller's text ("NaN" is a valid id); figures must never say NaN.
      if (bad.test(node) && node !== echoed && !isName && !(typeof key === 'string' && nameKeys.test(key)))
        problems.push(`${where()}: "${node}"`);
      else if (!inTrace && typeof key === 'string' && moneyKeys.includes(key) && !money.test(node))
        problems.push(`${where()}: "${node}" is not money with ${digits} digits`);
    } else if (
      node === undefined ||
      typeof node === 'bigint' ||
      typeof node === 'function' ||
      typeof node === 'symbol'
    ) {
      problems.push(`${where()}: ${typeof node}`);
    }
  };
  walk(result, '', false, () => '$');
  return problems;
}

/** Asserts {@link hygieneProblems} finds nothing. */
export function expectPlainResult(result: unknown, digits: number, moneyKeys: readonly string[] = []): void {
  const problems = hygieneProblems(result, digits, moneyKeys);
  if (problems.length > 0) expect(problems.slice(0, 10)).toEqual([]);
}
