/**
 * Names in an emitted module. TLA+ has one namespace per module for
 * operators, constants, variables and bound names, and SANY refuses a bound
 * name that hides another name in scope. The emitter therefore (1) refuses
 * two module-level names that are the same or a TLA+ keyword, and (2)
 * renames bound names (quantifiers, function constructors, action
 * parameters, lets) that would clash, which changes nothing for traces:
 * TLC prints action arguments by position.
 */
import type { Expr, Type } from '../dsl/index.js';
import { TlaEmitError } from './errors.js';
import { binderBody, boundRef, freshName, isBinder, mapChildren, substitute, withBinder } from './expr-tools.js';

/** TLA+ reserved words. */
const KEYWORDS = [
  'ASSUME', 'ASSUMPTION', 'AXIOM', 'CASE', 'CHOOSE', 'CONSTANT', 'CONSTANTS', 'DOMAIN', 'ELSE', 'ENABLED', 'EXCEPT',
  'EXTENDS', 'IF', 'IN', 'INSTANCE', 'LET', 'LOCAL', 'MODULE', 'OTHER', 'SF_', 'SUBSET', 'THEN', 'THEOREM', 'UNCHANGED',
  'UNION', 'VARIABLE', 'VARIABLES', 'WF_', 'WITH', 'BOOLEAN', 'TRUE', 'FALSE', 'STRING', 'LAMBDA', 'RECURSIVE',
  'ACTION', 'ASSUME', 'BY', 'DEF', 'DEFINE', 'DEFS', 'HAVE', 'HIDE', 'LEMMA', 'NEW', 'OBVIOUS', 'OMITTED', 'ONLY',
  'PICK', 'PROOF', 'PROPOSITION', 'PROVE', 'QED', 'STATE', 'SUFFICES', 'TAKE', 'TEMPORAL', 'USE', 'WITNESS', 'COROLLARY',
];

/** Operators of the standard modules an emitted module may extend (Naturals, Integers, Sequences, FiniteSets, TLC). */
const STANDARD = [
  'Nat', 'Int', 'Real', 'Seq', 'Len', 'Head', 'Tail', 'Append', 'SubSeq', 'SelectSeq', 'Cardinality', 'IsFiniteSet',
  'Print', 'PrintT', 'Assert', 'JavaTime', 'TLCGet', 'TLCSet', 'Permutations', 'SortSeq', 'RandomElement', 'Any',
  'ToString', 'TLCEval', 'div', '%',
];

const TAKEN = new Set([...KEYWORDS, ...STANDARD]);

/** Names the emitter itself defines in every main module. */
export const FIXED_NAMES = ['vars', 'TypeOK', 'Init', 'Next', 'Spec', 'BSeq', 'FaultStep', 'FaultsStop', 'ConstantsOK'] as const;

/** The module-level names of a module, each claimed once. */
export class ModuleNames {
  private readonly owners = new Map<string, string>();

  /** Claims `name` for `what` (e.g. "variable node"); refuses a keyword or a second claim. */
  claim(name: string, what: string): void {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^[0-9_]*$/.test(name)) {
      throw new TlaEmitError('TLA_NAME_CLASH', `${what}: '${name}' is not a TLA+ identifier`, 'rename it with letters, digits and underscores');
    }
    if (TAKEN.has(name)) {
      throw new TlaEmitError('TLA_NAME_CLASH', `${what}: '${name}' is a TLA+ keyword or standard operator`, 'rename it in the model');
    }
    const prev = this.owners.get(name);
    if (prev !== undefined && prev !== what) {
      throw new TlaEmitError('TLA_NAME_CLASH', `${what} and ${prev} are both named '${name}' in the TLA+ module`, 'rename one of them in the model');
    }
    this.owners.set(name, what);
  }

  /** Whether a bound name must not be `name` (a module-level name or a reserved one). */
  taken(name: string): boolean {
    return this.owners.has(name) || TAKEN.has(name);
  }
}

/** Whether values of `t` contain functions. */
function typeHasFunction(t: Type): boolean {
  switch (t.kind) {
    case 'fun': return true;
    case 'record': return t.fields.some(([, ft]) => typeHasFunction(ft));
    case 'seq': case 'set': return typeHasFunction(t.elem);
    default: return false;
  }
}

/** Whether `e` contains a function-valued literal, which `printValue` prints with bound names `k`, `k2`, ... */
function hasFunctionLiteral(e: Expr): boolean {
  if (e.op === 'lit') return typeHasFunction(e.t);
  let found = false;
  mapChildren(e, (c) => {
    if (!found && hasFunctionLiteral(c)) found = true;
    return c;
  });
  return found;
}

/**
 * Notation only: `~(a = b)` is written `a /= b` (TLA+ defines `/=` so), and
 * a double negation is dropped.
 */
export function tidy(e: Expr): Expr {
  const x = mapChildren(e, tidy);
  if (x.op === 'not') {
    if (x.arg.op === 'eq') return { ...x.arg, op: 'neq' };
    if (x.arg.op === 'neq') return { ...x.arg, op: 'eq' };
    if (x.arg.op === 'not') return x.arg.arg;
  }
  return x;
}

/**
 * Renames every binder of `e` whose name is in scope (`inScope`) or taken at
 * module level, so that SANY sees no bound name hiding another (and tidies
 * the notation, {@link tidy}).
 */
export function hygienic(e: Expr, inScope: ReadonlySet<string>, names: ModuleNames): Expr {
  return rename(tidy(e), inScope, names);
}

function rename(e: Expr, inScope: ReadonlySet<string>, names: ModuleNames): Expr {
  if (isBinder(e)) {
    const body = binderBody(e);
    const literalNames = hasFunctionLiteral(body);
    const clash = (n: string) => inScope.has(n) || names.taken(n) || (literalNames && /^k[0-9]*$/.test(n));
    let bind = e.bind;
    let b = body;
    if (clash(bind)) {
      bind = freshName(bind === 'k' || /^k[0-9]*$/.test(bind) ? 'x' : bind, clash);
      b = substitute(body, new Map(), new Map([[e.bind, boundRef(bind, e.dom as Type)]]));
    }
    const inner = new Set(inScope);
    inner.add(bind);
    return withBinder(e, bind, rename(b, inner, names));
  }
  return mapChildren(e, (c) => rename(c, inScope, names));
}

/**
 * Chooses TLA+ names for an operator's parameters (or an action's
 * parameters and lets): each keeps its name unless a module-level name has
 * it. Returns the new names, in order, and the substitution to apply to the
 * body.
 */
export function parameterNames(
  params: readonly (readonly [string, Type])[],
  names: ModuleNames,
): { readonly names: string[]; readonly rename: Map<string, Expr> } {
  const used = new Set<string>();
  const rename = new Map<string, Expr>();
  const out: string[] = [];
  for (const [p, t] of params) {
    const n = freshName(p, (x) => names.taken(x) || used.has(x));
    used.add(n);
    out.push(n);
    if (n !== p) rename.set(p, boundRef(n, t));
  }
  return { names: out, rename };
}
