/**
 * Direct evaluation of expressions and statements over plain values. This is
 * the reference semantics: XState guards and actions call it, the slow
 * reference search uses it, and the compiled explorer is tested against it.
 */
import type { Expr, Stmt } from './ast.js';
import { keyAt, keyCount, showType, type Type } from './types.js';
import { type Value, enumerate, isMember, makeSet, valueEquals } from './values.js';

/** What an expression may read. Machine-level names need `ctx`, `ev` and `self`. */
export interface EvalEnv {
  /** Reads a flat state variable (system level). */
  readonly readVar?: (name: string) => Value;
  /** The machine's own context (machine level). */
  readonly ctx?: Readonly<Record<string, Value>>;
  /** The event being handled (machine level). */
  readonly ev?: Readonly<Record<string, Value>>;
  /** The machine instance's id (machine level). */
  readonly self?: Value;
  /** Model constants by name. */
  readonly consts?: Readonly<Record<string, Value>>;
  /** Bound names (action parameters, quantified variables). */
  readonly bound?: Readonly<Record<string, Value>>;
}

/** A model error found while evaluating: Head of an empty sequence, a value outside its domain... */
export class EvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvalError';
  }
}

function withBound(env: EvalEnv, name: string, v: Value): EvalEnv {
  return { ...env, bound: { ...env.bound, [name]: v } };
}

function domainValues(t: Type): Value[] {
  return enumerate(t);
}

/** Evaluates an expression. Throws `EvalError` on a model error. */
export function evaluate(e: Expr, env: EvalEnv): Value {
  switch (e.op) {
    case 'lit': return e.value;
    case 'var': {
      if (!env.readVar) throw new EvalError(`variable ${e.name} read outside a system state`);
      return env.readVar(e.name);
    }
    case 'ctx': {
      if (!env.ctx || !(e.field in env.ctx)) throw new EvalError(`context field ${e.field} is not available`);
      return env.ctx[e.field];
    }
    case 'ev': {
      if (!env.ev || !(e.field in env.ev)) throw new EvalError(`event field ${e.field} is not available`);
      return env.ev[e.field];
    }
    case 'self': {
      if (env.self === undefined) throw new EvalError('self is only defined inside a machine');
      return env.self;
    }
    case 'bound': {
      if (!env.bound || !(e.name in env.bound)) throw new EvalError(`unbound name ${e.name}`);
      return env.bound[e.name];
    }
    case 'const': {
      if (!env.consts || !(e.name in env.consts)) throw new EvalError(`constant ${e.name} has no value`);
      return env.consts[e.name];
    }
    case 'not': return !evaluate(e.arg, env);
    case 'and': return e.args.every((a) => evaluate(a, env) === true);
    case 'or': return e.args.some((a) => evaluate(a, env) === true);
    case 'implies': return !evaluate(e.a, env) || evaluate(e.b, env) === true;
    case 'eq': return valueEquals(evaluate(e.a, env), evaluate(e.b, env));
    case 'neq': return !valueEquals(evaluate(e.a, env), evaluate(e.b, env));
    case 'lt': return (evaluate(e.a, env) as number) < (evaluate(e.b, env) as number);
    case 'le': return (evaluate(e.a, env) as number) <= (evaluate(e.b, env) as number);
    case 'gt': return (evaluate(e.a, env) as number) > (evaluate(e.b, env) as number);
    case 'ge': return (evaluate(e.a, env) as number) >= (evaluate(e.b, env) as number);
    case 'add': return (evaluate(e.a, env) as number) + (evaluate(e.b, env) as number);
    case 'sub': return (evaluate(e.a, env) as number) - (evaluate(e.b, env) as number);
    case 'ite': return evaluate(e.c, env) ? evaluate(e.a, env) : evaluate(e.b, env);
    case 'field': return (evaluate(e.rec, env) as Record<string, Value>)[e.name];
    case 'record': return Object.fromEntries(e.fields.map(([k, v]) => [k, evaluate(v, env)]));
    case 'app': {
      const f = evaluate(e.fn, env) as Record<string, Value>;
      const k = String(evaluate(e.key, env));
      if (!(k in f)) throw new EvalError(`function applied outside its domain: ${k}`);
      return f[k];
    }
    case 'except': {
      const f = evaluate(e.fn, env) as Record<string, Value>;
      const k = String(evaluate(e.key, env));
      if (!(k in f)) throw new EvalError(`EXCEPT outside the function's domain: ${k}`);
      return { ...f, [k]: evaluate(e.value, env) };
    }
    case 'funOf': {
      const out: Record<string, Value> = {};
      for (const k of domainValues(e.dom)) out[String(k)] = evaluate(e.body, withBound(env, e.bind, k));
      return out;
    }
    case 'len': return (evaluate(e.seq, env) as Value[]).length;
    case 'head': {
      const s = evaluate(e.seq, env) as Value[];
      if (s.length === 0) throw new EvalError('Head of an empty sequence');
      return s[0];
    }
    case 'tail': {
      const s = evaluate(e.seq, env) as Value[];
      if (s.length === 0) throw new EvalError('Tail of an empty sequence');
      return s.slice(1);
    }
    case 'append': {
      const s = evaluate(e.seq, env) as Value[];
      if (e.t.kind === 'seq' && s.length >= e.t.max) throw new EvalError(`Append beyond the bound ${e.t.max} of ${showType(e.t)}`);
      return [...s, evaluate(e.elem, env)];
    }
    case 'at': {
      const s = evaluate(e.seq, env) as Value[];
      const i = evaluate(e.index, env) as number;
      if (i < 1 || i > s.length) throw new EvalError(`sequence index ${i} outside 1..${s.length}`);
      return s[i - 1];
    }
    case 'setOf': {
      const elemT = (e.t as { elem: Type }).elem;
      return makeSet(elemT, e.elems.map((x) => evaluate(x, env)));
    }
    case 'in': {
      const v = evaluate(e.elem, env);
      return (evaluate(e.set, env) as Value[]).some((x) => valueEquals(x, v));
    }
    case 'union': case 'minus': case 'inter': {
      const elemT = (e.t as { elem: Type }).elem;
      const a = evaluate(e.a, env) as Value[];
      const b = evaluate(e.b, env) as Value[];
      const inB = (x: Value) => b.some((y) => valueEquals(x, y));
      if (e.op === 'union') return makeSet(elemT, [...a, ...b]);
      if (e.op === 'minus') return a.filter((x) => !inB(x));
      return a.filter(inB);
    }
    case 'card': return (evaluate(e.set, env) as Value[]).length;
    case 'filter': return domainValues(e.dom).filter((x) => evaluate(e.pred, withBound(env, e.bind, x)) === true);
    case 'forall': return domainValues(e.dom).every((x) => evaluate(e.body, withBound(env, e.bind, x)) === true);
    case 'exists': return domainValues(e.dom).some((x) => evaluate(e.body, withBound(env, e.bind, x)) === true);
    case 'call': {
      const bnd: Record<string, Value> = {};
      e.def.params.forEach(([p], i) => { bnd[p] = evaluate(e.args[i], env); });
      // A definition sees the state and constants, but only its own parameters.
      return evaluate(e.def.body, { ...env, bound: bnd });
    }
  }
}

/** Receives the effects of executing statements. */
export interface StmtSink {
  /** A variable (system level) was assigned. */
  writeVar?(name: string, value: Value): void;
  /** A message was sent. */
  send?(channel: string, to: Value, msg: Value): void;
}

/**
 * Executes statements in order against a mutable context (machine level)
 * and/or a variable store (system level, through `env.readVar` and
 * `sink.writeVar`). Later statements see earlier assignments. Assigned values
 * are checked against their domain.
 */
export function execute(stmts: readonly Stmt[], env: EvalEnv & { ctx?: Record<string, Value> }, sink: StmtSink = {}): void {
  for (const s of stmts) {
    switch (s.kind) {
      case 'assign': {
        const v = evaluate(s.value, env);
        if (!isMember(s.target.t, v)) {
          const name = s.target.kind === 'ctx' ? s.target.field : s.target.name;
          throw new EvalError(`value ${JSON.stringify(v)} assigned to ${name} is outside ${showType(s.target.t)}`);
        }
        if (s.target.kind === 'ctx') {
          if (!env.ctx) throw new EvalError(`context field ${s.target.field} assigned outside a machine`);
          env.ctx[s.target.field] = v;
        } else {
          if (!sink.writeVar) throw new EvalError(`variable ${s.target.name} assigned outside a system state`);
          sink.writeVar(s.target.name, v);
        }
        break;
      }
      case 'when':
        execute(evaluate(s.cond, env) ? s.then : s.else, env, sink);
        break;
      case 'send':
        if (!sink.send) throw new EvalError(`send on ${s.channel} has no channel to go to`);
        sink.send(s.channel, evaluate(s.to, env), evaluate(s.msg, env));
        break;
    }
  }
}

/** The keys of a function type's domain, for callers that build function values. */
export function functionKeys(t: Type): (string | number)[] {
  if (t.kind !== 'fun') throw new TypeError('not a function type');
  return Array.from({ length: keyCount(t.key) }, (_, i) => keyAt(t.key, i));
}

