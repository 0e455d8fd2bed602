/**
 * A canonical text key of a state: variables in declaration order, records
 * and functions in their type's order, so that equal states have equal keys
 * whatever order their objects were built in. Used by slow searches and
 * tests; the explorer fingerprints packed states instead.
 */
import { type Type, type Value, keyAt, keyCount } from '../dsl/index.js';
import type { FlatVar, State } from './flat-model.js';

function enc(t: Type, v: Value): string {
  switch (t.kind) {
    case 'bool': case 'int': case 'enum': return JSON.stringify(v);
    case 'record': return `{${t.fields.map(([f, ft]) => enc(ft, (v as Record<string, Value>)[f])).join(',')}}`;
    case 'fun': {
      const r = v as Record<string, Value>;
      return `{${Array.from({ length: keyCount(t.key) }, (_, i) => enc(t.value, r[String(keyAt(t.key, i))])).join(',')}}`;
    }
    case 'seq': case 'set': return `[${(v as Value[]).map((x) => enc(t.elem, x)).join(',')}]`;
  }
}

/** The canonical key of a state. */
export function stateKey(vars: readonly FlatVar[], s: State): string {
  return vars.map((v) => enc(v.t, s[v.name])).join('|');
}
