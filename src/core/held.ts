/**
 * Values a run holds to its end (the ledger's exclusions, each person's pool rows, traces), stored
 * at the size of their content. Two habits of V8 (Node's engine) make a held value larger than
 * what it holds, and both are undone here without changing the value:
 *
 * - a string built with `+` or a template literal is kept as a tree of its pieces (a "cons
 *   string", 32 bytes a join) until something reads its characters; reading one makes V8 store
 *   the text flat, and the next collection drops the tree. The path `$.data.ratings[123]` with a
 *   71-character reason: 152 bytes as built, 88 once flat;
 * - an array grown by `push` (or built by `filter`) keeps room for 17 elements: 184 bytes for two
 *   ids, 64 as an exact copy.
 *
 * At 1,000,000 people the ledger alone lists 2,000,000 excluded ratings; docs/scale.md ("How much
 * heap") has the figures. Other engines store strings their own way: there the calls cost a
 * character read and a copy, and change nothing.
 */

/** The same text, stored flat (see the module comment): for a string built per row and held to the end of a run. */
export function heldText(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** The same elements in an array of their own length (see the module comment): for a list grown by `push` and held. */
export function heldList<T>(list: T[]): T[] {
  return list.length === 0 ? [] : list.slice();
}
