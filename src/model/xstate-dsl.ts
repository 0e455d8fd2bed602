/**
 * The bridge between the expression language and XState: guards and actions
 * built here are ordinary XState implementations (so the machine runs in an
 * XState actor unchanged), and each one carries the AST it was built from,
 * which the reader takes back out to compile and print the model.
 */
import { enqueueActions } from 'xstate';
import { type EvalEnv, type Expr, type Stmt, type Value, evaluate, execute, walkStmts } from '../dsl/index.js';

/** Property under which a DSL guard or action carries its AST. */
export const DSL = Symbol.for('ha-verify.dsl');

/** The context field holding a machine instance's own id (read by `self`). */
export const SELF_FIELD = '$id';

/** The XState event type under which DSL sends are emitted. */
export const SEND_EVENT = 'ha-verify.send';

/** A message emitted by a DSL action, as XState reports it. */
export interface EmittedSend {
  readonly type: typeof SEND_EVENT;
  readonly channel: string;
  readonly to: Value;
  readonly msg: Value;
}

/** Static type of a DSL action as given to `setup({ actions })`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DslXStateAction = any;

/** What a DSL-built guard carries. */
export interface DslGuardTag { readonly kind: 'guard'; readonly expr: Expr }
/** What a DSL-built action carries. */
export interface DslActionTag { readonly kind: 'action'; readonly stmts: readonly Stmt[] }

type Ctx = Record<string, Value>;
type Ev = { type: string } & Record<string, unknown>;

function env(context: Ctx, event: Ev, consts: Readonly<Record<string, Value>>): EvalEnv {
  return { ctx: context, ev: event as unknown as Record<string, Value>, self: context[SELF_FIELD], consts };
}

/** Reads the DSL tag of an XState guard or action implementation, if it has one. */
export function dslTag(impl: unknown): DslGuardTag | DslActionTag | undefined {
  if ((typeof impl === 'function' || (typeof impl === 'object' && impl !== null)) && DSL in (impl as object)) {
    return (impl as { [DSL]: DslGuardTag | DslActionTag })[DSL];
  }
  return undefined;
}

/**
 * Factory for DSL guards and actions bound to a model's constants (the
 * scenario parameters), for use in `setup({ guards, actions })`.
 */
export function dslFor(consts: Readonly<Record<string, Value>>) {
  return {
    /** An XState guard that evaluates `expr` on the context and event. */
    guard(expr: Expr) {
      if (expr.t.kind !== 'bool') throw new TypeError('a guard must be a boolean expression');
      const fn = ({ context, event }: { context: Ctx; event: Ev }) => evaluate(expr, env(context, event, consts)) === true;
      Object.defineProperty(fn, DSL, { value: { kind: 'guard', expr } satisfies DslGuardTag });
      return fn;
    },
    /**
     * An XState action that runs the statements: context assignments become
     * one `assign`, sends become emitted `ha-verify.send` events, in order.
     */
    action(...stmts: Stmt[]) {
      walkStmts(stmts, () => undefined); // validates the tree shape eagerly
      const act = enqueueActions(({ context, event, enqueue }) => {
        const next: Ctx = { ...(context as Ctx) };
        const sends: EmittedSend[] = [];
        execute(stmts, { ...env(next, event as Ev, consts), ctx: next }, {
          send: (channel, to, msg) => sends.push({ type: SEND_EVENT, channel, to, msg }),
        });
        enqueue.assign(() => next);
        for (const s of sends) enqueue.emit(s as never);
      });
      Object.defineProperty(act, DSL, { value: { kind: 'action', stmts } satisfies DslActionTag });
      // XState's action types are parameterised by the machine they end up in;
      // a DSL action fits any machine, so its static type is left open.
      return act as DslXStateAction;
    },
  };
}
