/**
 * The main module of a model (`specs/<Model>.tla`): the model itself,
 * parameterised by CONSTANTS, the same text for every scenario.
 */
import { printValue } from '../dsl/index.js';
import type { FlatModel, Property } from '../model/index.js';
import { emitAction, emitDefinitions, emitEnvironments, emitFairnessGroups, emitFaults, emitInit, emitNext, emitSpec, emitTypeOk } from './emit-behaviour.js';
import { emitConstants, emitConstantsOk, emitHeader, emitSets, emitVariables } from './emit-declarations.js';
import { emitActionProperties, emitInvariants, emitLiveness } from './emit-properties.js';
import type { TlaResult } from './errors.js';
import { textOf } from './expr-tools.js';
import { MODULE_END, comment, moduleStart } from './layout.js';
import { type EmitOptions, type PreparedModule, prepareModule } from './prepare-module.js';

/** Whether the module prints a function value as `a :> x @@ b :> y`, which needs the TLC module. */
function needsTlcModule(m: PreparedModule): boolean {
  if (m.init.some(([, v, t]) => printValue(v, t).includes(' :> '))) return true;
  const exprs = [
    ...m.actions.flatMap((a) => [...a.source, ...a.guard, ...a.lets.map(([, e]) => e), ...a.updates.map(([, e]) => e)]),
    ...m.definitions.map((d) => d.body),
    ...m.invariants.map((p) => p.expr),
  ];
  return exprs.some((e) => textOf(e).includes(' :> '));
}

/** Joins sections with one empty line between them, dropping empty ones. */
function sections(parts: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const p of parts) {
    if (p.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(...p);
  }
  return out;
}

/** Prints a prepared main module. */
export function printMainModule(m: PreparedModule): string {
  const ext = [...m.extends, ...(needsTlcModule(m) ? ['TLC'] : [])];
  const actions = m.actions.flatMap((a, i) => [...(i > 0 ? [''] : []), ...emitAction(a)]);
  const body = sections([
    emitHeader(m, ext),
    emitConstants(m),
    emitSets(m),
    emitConstantsOk(m),
    emitVariables(m),
    emitTypeOk(m),
    emitInit(m),
    m.definitions.length > 0 ? [...comment('-'.repeat(20) + ' definitions ' + '-'.repeat(20)), '', ...emitDefinitions(m)] : [],
    [...comment('-'.repeat(20) + ' actions ' + '-'.repeat(20)), '', ...actions],
    emitNext(m),
    emitFaults(m),
    emitFairnessGroups(m),
    emitSpec(m),
    emitEnvironments(m),
    m.invariants.length > 0 ? [...comment('-'.repeat(20) + ' invariants ' + '-'.repeat(20)), '', ...emitInvariants(m)] : [],
    m.actionProperties.length > 0
      ? [
          ...comment('-'.repeat(20) + ' action properties ' + '-'.repeat(20)),
          ...comment("Every step satisfies A (primed variables are the state after the step); a step changing nothing does."),
          '',
          ...emitActionProperties(m),
        ]
      : [],
    m.liveness.length > 0
      ? [
          ...comment('-'.repeat(20) + ' liveness ' + '-'.repeat(20)),
          ...comment('Checked under the fairness of Spec once faults have stopped: P ~> Q as <>[](P => <>Q).'),
          '',
          ...emitLiveness(m),
        ]
      : [],
  ]);
  return [moduleStart(m.name), ...body, MODULE_END, ''].join('\n');
}

/** Emits the main module of a model with its properties (see {@link prepareModule} for the failures). */
export function emitMainModule(fm: FlatModel, properties: readonly Property[], options: EmitOptions = {}): TlaResult<string> {
  const m = prepareModule(fm, properties, options);
  return m.ok ? { ok: true, value: printMainModule(m.value) } : m;
}
