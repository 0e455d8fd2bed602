/**
 * Statechart semantics of one transition, as machine-level DSL: when it is
 * enabled (source active, guard true, not pre-empted by an earlier sibling
 * transition or a descendant's), and what it does (exit actions of the
 * states left, transition actions, region updates and entry actions of the
 * states entered), following XState v5's order: exits innermost first, then
 * the transition's actions, then entries outermost first.
 */
import { type Expr, type Stmt, and, assign, ctx, eq, lit, not, or, when, TRUE } from '../dsl/index.js';
import { type MachineModel, OFF, type StateInfo, type TransitionInfo } from './machine-model.js';

/** The condition "state `s` is active", over the region variables. */
export function inState(m: MachineModel, s: StateInfo): Expr {
  const parts: Expr[] = [];
  for (let c = s; c.parent; c = c.parent) {
    const p = c.parent;
    if (p.type === 'compound') {
      const t = m.regionTypes[p.regionVar!];
      parts.unshift(eq(ctx(p.regionVar!, t), lit(c.key, t)));
    }
  }
  return and(...parts);
}

function isDescendantOrSelf(x: StateInfo, of: StateInfo): boolean {
  for (let c: StateInfo | undefined = x; c; c = c.parent) if (c === of) return true;
  return false;
}

function guardOf(t: TransitionInfo): Expr {
  return t.guard ? t.guard.expr : TRUE;
}

/**
 * When transition `t` is the one XState takes for its event: its source is
 * active, its guard holds, no earlier transition of the same source on the
 * same event is enabled, and no handler of the event below the source is.
 */
export function enabledCondition(m: MachineModel, t: TransitionInfo): Expr {
  const parts: Expr[] = [inState(m, t.source)];
  const siblings = m.transitions.filter((u) => u.source === t.source && u.event === t.event && u.index < t.index);
  const below = m.transitions.filter((u) => u.event === t.event && u.source !== t.source && isDescendantOrSelf(u.source, t.source));
  const pre: Expr[] = [];
  for (const u of siblings) pre.push(guardOf(u));
  // Descendant handlers pre-empt the source's transitions.
  const bySource = new Map<StateInfo, TransitionInfo[]>();
  for (const u of below) bySource.set(u.source, [...(bySource.get(u.source) ?? []), u]);
  for (const [src, list] of bySource) pre.push(and(inState(m, src), or(...list.map(guardOf))));
  if (t.guard) parts.push(t.guard.expr);
  for (const p of pre) parts.push(not(p));
  return and(...parts.filter((p) => p !== TRUE));
}

/** The state whose descendants are exited and re-entered by the transition. */
function transitionDomain(t: TransitionInfo): StateInfo | undefined {
  if (t.targets.length === 0) return undefined;
  if (!t.reenter && t.targets.every((x) => isDescendantOrSelf(x, t.source))) return t.source;
  for (let p = t.source.parent; p; p = p.parent) {
    if ((p.type === 'compound' || !p.parent) && t.targets.every((x) => isDescendantOrSelf(x, p))) return p;
  }
  return undefined;
}

function descendants(s: StateInfo): StateInfo[] {
  return s.children.flatMap((c) => [c, ...descendants(c)]);
}

function completion(s: StateInfo, into: Set<StateInfo>): void {
  into.add(s);
  if (s.type === 'compound') completion(s.initial!, into);
  if (s.type === 'parallel') for (const c of s.children) completion(c, into);
}

/**
 * The statements a transition executes, in XState's order. Exit actions
 * depend on which states are active, so each is guarded by `inState`.
 */
export function transitionEffect(m: MachineModel, t: TransitionInfo): Stmt[] {
  const domain = transitionDomain(t);
  const out: Stmt[] = [];
  if (domain && !(t.targets.length === 1 && t.targets[0] === t.source && !t.reenter && t.source.type === 'atomic')) {
    // Exit, innermost (reverse document order) first.
    const below = descendants(domain).sort((a, b) => b.order - a.order);
    for (const x of below) {
      for (const stmts of x.exit) out.push(when(inState(m, x), stmts));
    }
    for (const stmts of t.actions) out.push(...stmts);
    // Entry set: the path from the domain to each target, the targets'
    // initial completion, and every region of a parallel state on the way.
    const enter = new Set<StateInfo>();
    for (const target of t.targets) {
      const path: StateInfo[] = [];
      for (let c: StateInfo | undefined = target; c && c !== domain; c = c.parent) path.unshift(c);
      for (const n of path) enter.add(n);
      completion(target, enter);
      const chain = [domain, ...path];
      for (let i = 0; i < chain.length; i++) {
        const n = chain[i];
        if (n.type === 'parallel') for (const c of n.children) if (c !== chain[i + 1]) completion(c, enter);
      }
    }
    enter.delete(domain); // the domain itself is neither exited nor entered
    // Regions left and not re-entered become inactive.
    for (const x of below) {
      if (x.type === 'compound' && !enter.has(x)) out.push(assign(ctx(x.regionVar!, m.regionTypes[x.regionVar!]), lit(OFF, m.regionTypes[x.regionVar!])));
    }
    const entered = [...enter].sort((a, b) => a.order - b.order);
    for (const n of entered) {
      const p = n.parent;
      if (p && p.type === 'compound') {
        const rt = m.regionTypes[p.regionVar!];
        out.push(assign(ctx(p.regionVar!, rt), lit(n.key, rt)));
      }
    }
    for (const n of entered) for (const stmts of n.entry) out.push(...stmts);
  } else {
    for (const stmts of t.actions) out.push(...stmts);
  }
  return out;
}

/** XState state value of one instance, rebuilt from its region variables. */
export function stateValueOf(m: MachineModel, read: (regionVar: string) => string): unknown {
  function valueOf(s: StateInfo): unknown {
    if (s.type === 'compound') {
      const key = read(s.regionVar!);
      const child = s.children.find((c) => c.key === key);
      if (!child) throw new Error(`region ${s.regionVar} of ${m.id} holds '${key}', which is not one of its states`);
      return child.type === 'atomic' ? child.key : { [child.key]: valueOf(child) };
    }
    if (s.type === 'parallel') return Object.fromEntries(s.children.map((c) => [c.key, c.type === 'atomic' ? {} : valueOf(c)]));
    return {};
  }
  return valueOf(m.root);
}

/** Region variable values of one instance, read from an XState state value. */
export function regionsOf(m: MachineModel, value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of m.states) if (s.regionVar) out[s.regionVar] = OFF;
  function walk(s: StateInfo, v: unknown): void {
    if (s.type === 'compound') {
      const key = typeof v === 'string' ? v : Object.keys(v as object)[0];
      out[s.regionVar!] = key;
      const child = s.children.find((c) => c.key === key)!;
      if (typeof v !== 'string') walk(child, (v as Record<string, unknown>)[key]);
      else if (child.type !== 'atomic') throw new Error(`state value of ${m.id} stops at compound state ${child.id}`);
    } else if (s.type === 'parallel') {
      for (const c of s.children) walk(c, (v as Record<string, unknown>)[c.key]);
    }
  }
  walk(m.root, value);
  return out;
}
