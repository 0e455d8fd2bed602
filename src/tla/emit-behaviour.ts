/**
 * The behaviour part of a main module: `TypeOK`, `Init`, the named
 * definitions, one definition per action, `Next`, `FaultStep` and `Spec`
 * with fairness written per action.
 */
import { type Type, printDomain, printValue } from '../dsl/index.js';
import { textOf } from './expr-tools.js';
import { formatExpr } from './format-expr.js';
import { formatUpdate } from './format-update.js';
import { LINE_WIDTH, bullets, comment, definition, wrapList } from './layout.js';
import type { PreparedAction } from './prepare-action.js';
import type { PreparedModule } from './prepare-module.js';

/** `TypeOK`: every variable in its domain. */
export function emitTypeOk(m: PreparedModule): string[] {
  return [
    ...comment('Every variable in its domain.'),
    ...definition('TypeOK', bullets('/\\', m.vars.map((v) => [`${v.name} \\in ${printDomain(v.t)}`]))),
  ];
}

/** `Init`: the one initial state. */
export function emitInit(m: PreparedModule): string[] {
  return [
    ...comment('The initial state.'),
    ...definition('Init', bullets('/\\', m.init.map(([name, value, t]) => [`${name} = ${printValue(value, t)}`]))),
  ];
}

/** The named definitions, each once, dependencies first. */
export function emitDefinitions(m: PreparedModule): string[] {
  const out: string[] = [];
  for (const d of m.definitions) {
    if (out.length > 0) out.push('');
    if (d.doc) out.push(...comment(d.doc));
    const head = d.params.length === 0 ? d.name : `${d.name}(${d.params.map(([p]) => p).join(', ')})`;
    out.push(...definition(head, formatExpr(d.body, LINE_WIDTH - 2)));
  }
  return out;
}

function paramList(params: readonly (readonly [string, Type])[]): string {
  return params.length === 0 ? '' : `(${params.map(([p]) => p).join(', ')})`;
}

/** `\E n \in Nodes, s \in Sessions : ` for an action's parameters (empty without parameters). */
export function quantifierPrefix(params: readonly (readonly [string, Type])[], q: '\\E' | '\\A'): string {
  if (params.length === 0) return '';
  return `${q} ${params.map(([p, t]) => `${p} \\in ${printDomain(t)}`).join(', ')} : `;
}

/** One action: guards, then the LET for what it reads of the pre-state, then primed updates, then UNCHANGED. */
export function emitAction(a: PreparedAction): string[] {
  const doc = a.doc ? (a.fault ? `Fault: ${a.doc}.` : `${a.doc[0].toUpperCase()}${a.doc.slice(1)}.`) : a.fault ? 'A fault.' : undefined;
  const inner = (room: number): string[][] => [
    ...a.guard.map((g) => formatExpr(g, room)),
    ...a.updates.map(([v, e]) => formatUpdate(v, e, room)),
    ...(a.unchanged.length > 0 ? [wrapList('UNCHANGED <<', a.unchanged, '>>', room)] : []),
  ];
  const room = LINE_WIDTH - 5;
  let items: string[][];
  if (a.lets.length === 0) {
    items = [...a.source.map((g) => formatExpr(g, room)), ...inner(room)];
  } else {
    const letLines = a.lets.map(([n, e], i) => (i === 0 ? 'LET ' : '    ') + `${n} == ${textOf(e)}`);
    letLines[letLines.length - 1] += ' IN';
    items = [...a.source.map((g) => formatExpr(g, room)), [...letLines, ...bullets('/\\', inner(room - 3))]];
  }
  return [...(doc ? comment(doc) : []), ...definition(`${a.name}${paramList(a.params)}`, bullets('/\\', items))];
}

/** A reference to an action, quantified over its parameters: `\E n \in Nodes : Crash(n)`. */
export function actionRef(a: PreparedAction): string {
  return `${quantifierPrefix(a.params, '\\E')}${a.name}${paramList(a.params)}`;
}

/** `Next`: the disjunction of every action, quantified over its parameters. */
export function emitNext(m: PreparedModule): string[] {
  return [...comment('A step of the system: one action of one instance.'), ...definition('Next', bullets('\\/', m.actions.map((a) => [actionRef(a)])))];
}

/** `FaultStep` (a step that injects a fault) and `FaultsStop`, when the model has faults. */
export function emitFaults(m: PreparedModule): string[] {
  const faults = m.actions.filter((a) => a.fault);
  if (faults.length === 0) return [];
  return [
    ...comment('A step that injects a fault.'),
    ...definition('FaultStep', bullets('\\/', faults.map((a) => [actionRef(a)]))),
    '',
    ...comment('Faults happen only finitely often: from some point on, no step is a fault.'),
    'FaultsStop == <>[][~FaultStep]_vars',
  ];
}

/** The operators of the fairness groups that have several actions: each the disjunction of its actions. */
export function emitFairnessGroups(m: PreparedModule): string[] {
  const out: string[] = [];
  for (const g of m.fairness.filter((x) => x.members.length > 1)) {
    if (out.length > 0) out.push('');
    const args = paramList(g.params);
    out.push(...comment(`${g.doc[0].toUpperCase()}${g.doc.slice(1)}.`));
    out.push(...definition(`${g.name}${args}`, bullets('\\/', g.members.map((a) => [`${a}${args}`]))));
  }
  return out;
}

/** The conjuncts of a specification: Init, Next, and the fairness of each group given. */
function specItems(fairness: PreparedModule['fairness']): string[][] {
  return [
    ['Init'],
    ['[][Next]_vars'],
    ...fairness.map((g) => [`${quantifierPrefix(g.params, '\\A')}${g.strong ? 'SF' : 'WF'}_vars(${g.name}${paramList(g.params)})`]),
  ];
}

/**
 * Per stated environment: `<E>Stops`, the stopped steps happen only
 * finitely often, and `Spec<E>`, Spec without their fairness. Liveness
 * properties that state E are checked against Spec<E> (the MC files give it
 * a configuration of its own): under Spec the fair repairs would end every
 * outage, and a property about one would hold vacuously.
 */
export function emitEnvironments(m: PreparedModule): string[] {
  const out: string[] = [];
  for (const env of m.environments) {
    if (out.length > 0) out.push('');
    // a fairness group all of whose actions stop is named by its operator (Srg1MonitorRecover(n))
    const stopped = new Set(env.stops.map((a) => a.name));
    const whole = m.fairness.filter((g) => g.members.length > 1 && g.members.every((x) => stopped.has(x)));
    const inWhole = new Set(whole.flatMap((g) => g.members));
    const refs = [
      ...env.stops.filter((a) => !inWhole.has(a.name)).map((a) => actionRef(a)),
      ...whole.map((g) => `${quantifierPrefix(g.params, '\\E')}${g.name}${paramList(g.params)}`),
    ].map((r) => [r]);
    out.push(...comment(`Environment ${env.name}: ${env.doc}.`));
    out.push(...(refs.length === 0
      ? [`${env.name}Stops == TRUE`]
      : [`${env.name}Stops ==`, '  <>[][~(', ...bullets('\\/', refs).map((l) => `    ${l}`), '  )]_vars']));
    out.push('', ...comment(`Spec without the fairness of the steps ${env.name} stops.`), ...definition(`Spec${env.name}`, bullets('/\\', specItems(env.fairness))));
  }
  return out;
}

/** `Spec`: Init, Next, and weak fairness of every fairness group, per parameter tuple. */
export function emitSpec(m: PreparedModule): string[] {
  const items = specItems(m.fairness);
  return [
    ...comment(
      'Fairness per step of the model and parameter tuple, whichever transition takes the step; faults and ' +
        'the steps the model declares unfair (operator or traffic events) have none.',
    ),
    ...definition('Spec', bullets('/\\', items)),
  ];
}

