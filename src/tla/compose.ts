/**
 * Composes an action's sequential body into simultaneous primed updates.
 *
 * A body runs in order: a later statement sees what earlier ones assigned
 * (`src/model/interpret.ts`). TLA+ primed equations are simultaneous and
 * every right-hand side reads the state before the step. Composition is
 * symbolic execution: each variable's current value is kept as an
 * expression over the pre-state, every statement's expressions are
 * rewritten with those values substituted for the variables they read
 * (capture-avoiding; a definition that reads a reassigned variable is
 * inlined), and a `when` merges the values of its two branches with
 * IF/THEN/ELSE, pushed inside EXCEPT where the branches update one key.
 */
import type { Expr, Stmt, Type } from '../dsl/index.js';
import { simplifyUnder } from './assume.js';
import { TlaEmitError } from './errors.js';
import { sameExpr, substitute } from './expr-tools.js';
import { mergeBranches, simplify } from './simplify.js';

/** The simultaneous effect of a body: each changed variable's new value, over the pre-state. */
export interface ComposedBody {
  /** Changed variables, in the order the body first assigns them, with their new values. */
  readonly updates: readonly (readonly [string, Expr])[];
}

/**
 * Composes `body` into simultaneous updates. `varType` gives each variable's
 * domain (for the variable left as it is in one branch of a `when`).
 * `where` names the action, for error messages. `facts` are the guard's
 * conjuncts: they hold whenever the body runs, so conditions are simplified
 * under them (see `assume.ts`).
 */
export function composeBody(body: readonly Stmt[], varType: (name: string) => Type, where: string, facts: readonly Expr[] = []): ComposedBody {
  const order: string[] = [];
  const run = (stmts: readonly Stmt[], sym: Map<string, Expr>): Map<string, Expr> => {
    for (const s of stmts) {
      switch (s.kind) {
        case 'assign': {
          if (s.target.kind !== 'var') {
            throw new TlaEmitError('TLA_UNSUPPORTED', `${where}: assigns context field '${s.target.field}', which only a machine has`, 'flatten the system with lowerSystem before exporting');
          }
          const name = s.target.name;
          sym.set(name, simplifyUnder(simplify(substitute(s.value, sym, new Map())), facts));
          if (!order.includes(name)) order.push(name);
          break;
        }
        case 'when': {
          const c = simplifyUnder(simplify(substitute(s.cond, sym, new Map())), facts);
          if (c.op === 'lit' && c.value === true) {
            run(s.then, sym);
            break;
          }
          if (c.op === 'lit' && c.value === false) {
            run(s.else, sym);
            break;
          }
          const yes = run(s.then, new Map(sym));
          const no = run(s.else, new Map(sym));
          for (const name of new Set([...yes.keys(), ...no.keys()])) {
            const self: Expr = { op: 'var', t: varType(name), name };
            const a = yes.get(name) ?? self;
            const b = no.get(name) ?? self;
            sym.set(name, sameExpr(a, b) ? a : mergeBranches(c, a, b));
          }
          break;
        }
        case 'send':
          throw new TlaEmitError('TLA_UNSUPPORTED', `${where}: sends on channel '${s.channel}' (a machine-level statement)`, 'flatten the system with lowerSystem before exporting');
      }
    }
    return sym;
  };
  const final = run(body, new Map());
  const updates: (readonly [string, Expr])[] = [];
  for (const name of order) {
    const v = final.get(name);
    if (v === undefined) continue;
    // An assignment that leaves the value as it was is no update.
    if (v.op === 'var' && v.name === name) continue;
    updates.push([name, v]);
  }
  return { updates };
}
