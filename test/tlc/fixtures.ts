/**
 * Access to the real TLC outputs kept in the repository
 * (test/fixtures/tlc, see its README for how and with which TLC they were
 * recorded), and small builders for the values tests expect. Expected
 * values in tests are transcribed by hand from the fixture text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

import type { TlaValue } from '../../src/tlc/tla-value.js';
import type { ItfValue } from '../../src/trace/itf-types.js';

/** The folder of the TLC fixtures. */
export const FIXTURES = resolve(fileURLToPath(new URL('.', import.meta.url)), '../fixtures/tlc');

/** The text of one fixture file. */
export function fixture(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

// TLA+ values as the parser returns them.
export const int = (n: number): TlaValue => ({ kind: 'int', value: BigInt(n) });
export const str = (s: string): TlaValue => ({ kind: 'string', value: s });
export const mv = (name: string): TlaValue => ({ kind: 'model-value', name });
export const bool = (value: boolean): TlaValue => ({ kind: 'bool', value });
export const set = (...elements: TlaValue[]): TlaValue => ({ kind: 'set', elements });
export const seq = (...elements: TlaValue[]): TlaValue => ({ kind: 'seq', elements });
export const rec = (fields: Record<string, TlaValue>): TlaValue => ({ kind: 'record', fields: Object.entries(fields) });
export const fn = (...entries: [TlaValue, TlaValue][]): TlaValue => ({ kind: 'function', entries });

// ITF values.
export const I = (n: number): ItfValue => ({ '#bigint': String(n) });
export const S = (...xs: ItfValue[]): ItfValue => ({ '#set': xs });
export const M = (...pairs: [ItfValue, ItfValue][]): ItfValue => ({ '#map': pairs });
