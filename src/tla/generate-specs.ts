/**
 * Generates the `specs/` folder of a model family (one model, several
 * scenarios): the main module, the MC module and config of each scenario,
 * and the manifest. Pure apart from exploring each scenario for its state
 * count: the same models give byte-identical files.
 *
 * The main module must be the same text for every scenario. Sets whose
 * values differ between scenarios become CONSTANTS (`sets.ts`); if the
 * modules still differ (a scenario changes a domain or an action), the
 * export fails and names the first line that differs.
 */
import type { Property, Scenario } from '../model/index.js';
import { lowerSystem } from '../model/index.js';
import { compileModel } from '../explore/compile.js';
import { explore } from '../explore/bfs.js';
import { emitMcConfig, emitMcEnvironmentConfig, emitMcModule, mcEnvironmentConfigName, mcModuleName } from './emit-mc.js';
import { printMainModule } from './emit-main.js';
import { formatManifest, type SpecManifest } from './emit-manifest.js';
import type { TlaResult } from './errors.js';
import { type PreparedModule, prepareModule } from './prepare-module.js';
import { checkTlaSyntax } from './syntax.js';
import type { FlatModel } from '../model/index.js';

/** A model and its scenarios, as exported together. */
export interface SpecFamily {
  /** Where the model comes from, for the headers (e.g. `models/mnha`). */
  readonly source: string;
  readonly scenarios: readonly Scenario[];
}

/** The generated files, by name relative to the output folder, and the manifest. */
export interface GeneratedSpecs {
  readonly files: ReadonlyMap<string, string>;
  readonly manifest: SpecManifest;
}

/** Options of {@link generateSpecs}. */
export interface GenerateOptions {
  /** Skip exploring (the manifest's counts are then 0); for fast tests of the text only. */
  readonly countStates?: boolean;
  /** Called before each scenario is explored. */
  readonly onScenario?: (name: string) => void;
}

/** One scenario, lowered. */
interface Built {
  readonly sc: Scenario;
  readonly fm: FlatModel;
  readonly properties: readonly Property[];
}

/** Names of sets whose values differ between the scenarios' models. */
export function varyingSets(models: readonly FlatModel[]): Set<string> {
  const seen = new Map<string, string>();
  const out = new Set<string>();
  for (const fm of models) {
    for (const s of fm.sets) {
      if (!s.name) continue;
      const key = JSON.stringify(s.values);
      const prev = seen.get(s.name);
      if (prev === undefined) seen.set(s.name, key);
      else if (prev !== key) out.add(s.name);
    }
  }
  return out;
}

/** The first line where two texts differ, 1-based, with both lines. */
export function firstDifference(a: string, b: string): { line: number; a: string; b: string } | undefined {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return { line: i + 1, a: la[i] ?? '(end of file)', b: lb[i] ?? '(end of file)' };
  }
  return undefined;
}

/**
 * Prepares the main module of every scenario of a family with one choice
 * of constant sets, and checks that they print the same text.
 */
export function prepareFamily(family: SpecFamily): TlaResult<{ built: Built[]; modules: PreparedModule[]; text: string }> {
  const built: Built[] = family.scenarios.map((sc) => {
    const { system, properties } = sc.build();
    return { sc, fm: lowerSystem(system), properties };
  });
  const constantSets = varyingSets(built.map((b) => b.fm));
  const modules: PreparedModule[] = [];
  let text: string | undefined;
  for (const b of built) {
    const m = prepareModule(b.fm, b.properties, { source: family.source, constantSets });
    if (!m.ok) return { ok: false, error: { ...m.error, message: `scenario ${b.sc.name}: ${m.error.message}` } };
    modules.push(m.value);
    const t = printMainModule(m.value);
    if (text === undefined) text = t;
    else if (t !== text) {
      const d = firstDifference(text, t)!;
      return {
        ok: false,
        error: {
          code: 'TLA_SCENARIOS_DIFFER',
          message: `scenarios ${built[0].sc.name} and ${b.sc.name} print different ${m.value.name}.tla at line ${d.line}: '${d.a.trim()}' vs '${d.b.trim()}'`,
          hint: 'make the scenario a constant of the model (a parameter, not a different structure)',
        },
      };
    }
  }
  if (text === undefined) return { ok: false, error: { code: 'TLA_UNSUPPORTED', message: 'the family has no scenario', hint: 'add a scenario' } };
  return { ok: true, value: { built, modules, text } };
}

/**
 * Generates every file of a family's `specs/` folder (see the module
 * comment). Every module is checked with the TLA+ grammar; a module that
 * does not parse fails the export (`TLA_SYNTAX`), as an emitter bug.
 */
export async function generateSpecs(family: SpecFamily, options: GenerateOptions = {}): Promise<TlaResult<GeneratedSpecs>> {
  const prepared = prepareFamily(family);
  if (!prepared.ok) return prepared;
  const { built, modules, text } = prepared.value;
  const main = modules[0].name;
  const files = new Map<string, string>([[`${main}.tla`, text]]);
  const scenarios: SpecManifest['scenarios'][number][] = [];
  for (const [i, b] of built.entries()) {
    const m = modules[i];
    const mc = mcModuleName(b.sc.name);
    const info = { name: b.sc.name, title: b.sc.title, description: b.sc.description, checkDeadlock: b.sc.checkDeadlock };
    files.set(`${mc}.tla`, emitMcModule(info, m, b.fm));
    files.set(`${mc}.cfg`, emitMcConfig(info, m, b.fm, b.properties));
    const environments = m.environments.map((e) => e.name);
    for (const e of environments) files.set(mcEnvironmentConfigName(b.sc.name, e), emitMcEnvironmentConfig(info, m, b.fm, b.properties, e));
    let distinct = 0;
    if (options.countStates !== false) {
      options.onScenario?.(b.sc.name);
      const r = await explore(compileModel(b.fm), { checkDeadlock: false });
      if (!r.complete || r.error) {
        return {
          ok: false,
          error: { code: 'TLA_EXPLORE_FAILED', message: `scenario ${b.sc.name}: exploration ${r.error ? `failed: ${r.error.message}` : 'did not finish'}`, hint: `run 'ha-verify check --scenario ${b.sc.name}' to see why` },
        };
      }
      distinct = r.distinct;
    }
    scenarios.push({
      name: b.sc.name,
      title: b.sc.title,
      module: `${mc}.tla`,
      config: `${mc}.cfg`,
      ...(environments.length > 0 ? { environmentConfigs: environments.map((e) => mcEnvironmentConfigName(b.sc.name, e)) } : {}),
      checkDeadlock: b.sc.checkDeadlock,
      distinctStates: distinct,
      properties: b.properties.map((p) => ({ name: p.name, kind: p.kind, expected: b.sc.expect[p.name] ?? 'holds' })),
    });
  }
  const manifest: SpecManifest = { generatedBy: 'ha-verify export', module: `${main}.tla`, scenarios };
  files.set('manifest.json', formatManifest(manifest));
  for (const [name, content] of files) {
    if (!name.endsWith('.tla')) continue;
    const r = await checkTlaSyntax(content);
    if (!r.ok) return { ok: false, error: { code: 'TLA_SYNTAX', message: `${name}: ${r.error.message}`, hint: r.error.hint } };
    if (!r.value.valid) {
      return { ok: false, error: { code: 'TLA_SYNTAX', message: `${name}: ${r.value.problems[0].message}`, hint: 'this is an emitter bug: report it with the model that produced it' } };
    }
  }
  return { ok: true, value: { files, manifest } };
}
