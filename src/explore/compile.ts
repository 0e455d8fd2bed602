/**
 * Compiles a flat model into transitions over slot arrays: one guard and one
 * update function per action and parameter tuple, generated once as
 * JavaScript source, plus compiled state predicates for the properties.
 */
import type { Expr, Value } from '../dsl/index.js';
import type { ActionLabel, FlatAction, FlatModel } from '../model/index.js';
import { paramTuples } from '../model/index.js';
import { codeOf } from './codes.js';
import { type GenCtx, genBool, genCode, genStmts, makeHelpers } from './codegen.js';
import { type Codec, type Layout, encodeState, makeCodec, makeLayout } from './layout.js';


/** One action with concrete parameters, compiled. */
export interface CompiledTransition {
  /** Index in `CompiledModel.transitions`. */
  readonly id: number;
  readonly action: FlatAction;
  readonly label: ActionLabel;
  /** Whether the transition is enabled in slot array `s`. */
  readonly guard: (s: Float64Array) => boolean;
  /** Writes the successor into `t`, which holds a copy of `s` on entry. */
  readonly apply: (s: Float64Array, t: Float64Array) => void;
  /** The generated guard itself, called with the model's helpers `h` (the hot path calls it directly). */
  readonly g: (s: Float64Array, h: unknown) => boolean;
  /** The generated update itself. */
  readonly a: (s: Float64Array, t: Float64Array, h: unknown) => void;
}

/** A compiled state predicate. */
export type CompiledPredicate = (s: Float64Array) => boolean;

/** A compiled predicate over a step: the state `s` and its successor `t`. */
export type CompiledStepPredicate = (s: Float64Array, t: Float64Array) => boolean;

/** A flat model compiled for exploration. */
export interface CompiledModel {
  readonly fm: FlatModel;
  readonly layout: Layout;
  readonly transitions: readonly CompiledTransition[];
  /** Slot codes of the initial state. */
  readonly init: Float64Array;
  /** Runtime helpers the generated code takes as `h`. */
  readonly h: unknown;
  /** Generated packing and unpacking of states. */
  readonly codec: Codec;
  /**
   * Every enabled transition of state `s`, in order: for each, `t` receives
   * the successor and `emit(k)` is called with the transition's index. One
   * generated function per group of transitions, called from one place, so
   * that V8 sees monomorphic calls and straight-line guards. A model error is
   * rethrown with the failing transition's index as `transition`.
   */
  readonly expand: (s: Float64Array, t: Float64Array, h: unknown, emit: (k: number) => void) => void;
  /** Compiles a state predicate (system level, no free names). */
  predicate(e: Expr): CompiledPredicate;
  /** Compiles a step predicate: unprimed variables read the state, primed ones (`v'`) its successor. */
  stepPredicate(e: Expr): CompiledStepPredicate;
}

const CHUNK = 16;

/**
 * Generated functions by their source, for the life of the process. The
 * generated code is pure in its arguments (the model's helpers `h` come in as
 * one), so two models whose code reads the same share one function object,
 * and V8 optimises it once: a sweep checks dozens of models that differ in a
 * few constants, and recompiling every one of their functions cost it a
 * second core (TurboFan in the background).
 */
const generated = new Map<string, Function>();

/** Beyond this many generated functions the cache starts afresh: a long process (the tests, `mutants`) compiles hundreds of models. */
const MAX_GENERATED = 20_000;

/**
 * A generated function named `name` (the name shows in profiles and V8's
 * traces), shared by every model that generates the same source.
 */
function generatedFunction(name: string, params: readonly string[], body: string): Function {
  const key = `${name}(${params.join(',')})\n${body}`;
  let fn = generated.get(key);
  if (fn === undefined) {
    fn = new Function(`return function ${name}(${params.join(', ')}) {\n${body}\n};`)() as Function;
    if (generated.size >= MAX_GENERATED) generated.clear();
    generated.set(key, fn);
  }
  return fn;
}

/** Fuses the transitions' code into a few chunk functions and one caller. */
function fuse(blocks: readonly string[]): CompiledModel['expand'] {
  const chunks: ((s: Float64Array, t: Float64Array, h: unknown, emit: (k: number) => void) => void)[] = [];
  for (let i = 0; i < blocks.length; i += CHUNK) {
    const body = `let k = -1;\ntry {\n${blocks.slice(i, i + CHUNK).join('\n')}\n} catch (e) {\nif (e && typeof e === 'object') e.transition = k;\nthrow e;\n}`;
    chunks.push(generatedFunction(`chunk${i / CHUNK}`, ['s', 't', 'h', 'emit'], body) as (typeof chunks)[number]);
  }
  const caller = generatedFunction('expandOf', ['c'], `return function expand(s, t, h, emit) {\n${chunks.map((_, i) => `c[${i}](s, t, h, emit);`).join('\n')}\n};`);
  return caller(chunks) as CompiledModel['expand'];
}

/** How to compile. */
export interface CompileOptions {
  /**
   * `inline` (default): constants are numbers in the generated code, which
   * suits one model explored long. `runtime`: the code reads them from the
   * helpers, so models that differ only in constants share their generated
   * functions and V8 optimises those once per process (a sweep).
   */
  readonly constants?: 'inline' | 'runtime';
}

/** Compiles a flat model. */
export function compileModel(fm: FlatModel, options: CompileOptions = {}): CompiledModel {
  const layout = makeLayout(fm.vars);
  const helpers = makeHelpers();
  const constants = options.constants ?? 'inline';
  if (constants === 'runtime') {
    for (const [name, decl] of Object.entries(fm.constants)) helpers.consts[name] = codeOf(decl.t, fm.constValues[name]);
  }
  const base = (arr: string, bound: Map<string, { kind: 'code'; code: number } | { kind: 'js'; src: string }>): GenCtx => ({ layout, consts: fm.constValues, arr, bound, helpers, constants });
  const transitions: CompiledTransition[] = [];
  const blocks: string[] = [];
  for (const a of fm.actions) {
    for (const params of paramTuples(a.params)) {
      const bound = new Map<string, { kind: 'code'; code: number } | { kind: 'js'; src: string }>();
      a.params.forEach(([p, t]) => bound.set(p, { kind: 'code', code: codeOf(t, params[p]) }));
      const letsFrom = (arr: string) => {
        const lines: string[] = [];
        a.lets.forEach(([name, e], i) => {
          const js = `_l${i}`;
          lines.push(`const ${js} = ${genCode(base(arr, bound), e)};`);
          bound.set(name, { kind: 'js', src: js });
        });
        return lines.join('\n');
      };
      const src = genBool(base('s', bound), a.sourceGuard);
      const lets = letsFrom('s');
      const cond = genBool(base('s', bound), a.guard);
      const stmts = genStmts(base('t', bound), a.body);
      const guardSrc = `if (!(${src})) return false;\n${lets}\nreturn ${cond};`;
      const applySrc = `${lets}\n${stmts}`;
      const k = transitions.length;
      blocks.push(`k = ${k};\nb${k}: {\nif (!(${src})) break b${k};\n${lets}\nif (!(${cond})) break b${k};\nt.set(s);\n${stmts}\nemit(${k});\n}`);
      let guardFn: (s: Float64Array, h: unknown) => boolean;
      let applyFn: (s: Float64Array, t: Float64Array, h: unknown) => void;
      try {
        guardFn = generatedFunction('guard', ['s', 'h'], guardSrc) as typeof guardFn;
        applyFn = generatedFunction('apply', ['s', 't', 'h'], applySrc) as typeof applyFn;
      } catch (err) {
        throw new Error(`compiler: generated code for ${a.name} does not parse: ${(err as Error).message}\n${guardSrc}\n${applySrc}`);
      }
      transitions.push({
        id: transitions.length,
        action: a,
        label: { name: a.name, params },
        guard: (s) => guardFn(s, helpers),
        apply: (s, t) => applyFn(s, t, helpers),
        g: guardFn,
        a: applyFn,
      });
    }
  }
  const init = new Float64Array(layout.slots.length);
  encodeState(layout, fm.init, init);
  const expand = fuse(blocks);
  return {
    fm, layout, transitions, init, h: helpers, codec: makeCodec(layout), expand,
    predicate(e: Expr) {
      const body = `return ${genBool(base('s', new Map()), e)};`;
      const fn = generatedFunction('predicate', ['s', 'h'], body) as (s: Float64Array, h: unknown) => boolean;
      return (s) => fn(s, helpers);
    },
    stepPredicate(e: Expr) {
      const body = `return ${genBool(base('s', new Map()), e)};`;
      const fn = generatedFunction('stepPredicate', ['s', 't', 'h'], body) as (s: Float64Array, t: Float64Array, h: unknown) => boolean;
      return (s, t) => fn(s, t, helpers);
    },
  };
}

/** The value of a compiled slot array as a state, for traces. */
export type { Value };
