/**
 * A verification run as JUnit XML, the format CI systems (GitHub Actions
 * reporters, GitLab, Jenkins, Azure) display as test results:
 *
 * ```xml
 * <testsuites name="ha-verify" tests= failures= errors= skipped= time=>
 *   <testsuite name="<scenario>" tests= failures= errors= skipped= time=>
 *     <testcase classname="ha-verify.<scenario>" name="<property>" time="0">
 *       <failure message="expected holds, found violated" type="UnexpectedVerdict">...</failure>
 *     </testcase>
 *   ...
 *   <testsuite name="kept traces" ...>  one test case per kept trace
 * ```
 *
 * A test case per scenario × property, failing when its verdict is not the
 * expected one (one failure each); a verdict the run did not reach because
 * it was interrupted is skipped, not failed. Pure: builds the text only.
 */

/** One property's verdict in one scenario. */
export interface JunitVerdict {
  readonly scenario: string;
  readonly property: string;
  readonly kind: string;
  readonly expected: string;
  readonly verdict: string;
  readonly trace?: string;
  readonly replay?: string;
}

/** One scenario's run. */
export interface JunitScenario {
  readonly scenario: string;
  readonly durationMs: number;
  readonly complete: boolean;
}

/** One kept trace, replayed as its manifest says. */
export interface JunitKept {
  readonly trace: string;
  readonly expect: string;
  readonly ok: boolean;
  readonly verdict: string;
}

/** One scenario's whole-graph conformance. */
export interface JunitConformance {
  readonly scenario: string;
  readonly transitions: number;
  readonly departures: number;
  readonly complete: boolean;
  /** The first departure, as a line, if any. */
  readonly example?: string;
  readonly durationMs: number;
}

/** One broken variant of the implementation, caught or not. */
export interface JunitVariant {
  readonly variant: string;
  readonly fault: string;
  /** Empty when the variant was not caught. */
  readonly caughtBy: string;
  readonly durationMs: number;
}

/** One scenario's recorded runs, validated against the model. */
export interface JunitValidation {
  readonly scenario: string;
  readonly runs: number;
  readonly conforming: number;
  readonly steps: number;
  /** The first run that does not conform: its log, line and variables. */
  readonly example?: string;
  readonly durationMs: number;
}

/** Everything the XML is made from. */
export interface JunitInput {
  readonly scenarios: readonly JunitScenario[];
  readonly conformance?: readonly JunitConformance[];
  readonly validation?: readonly JunitValidation[];
  readonly variants?: readonly JunitVariant[];
  /** Scenarios asked for but not checked (the run was interrupted first). */
  readonly notChecked: readonly string[];
  readonly verdicts: readonly JunitVerdict[];
  readonly kept: readonly JunitKept[];
  readonly interrupted: boolean;
  /** When the run started, for the suites' `timestamp` (ISO 8601, as JUnit writes it: no zone, no fraction). */
  readonly timestamp: string;
}

/** Characters XML 1.0 does not allow at all (control characters other than tab, newline, return). */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for an XML attribute value or element content. */
export function xmlEscape(s: string): string {
  return s.replace(INVALID, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

interface Case {
  readonly classname: string;
  readonly name: string;
  readonly outcome?: { readonly tag: 'failure' | 'skipped'; readonly message: string; readonly type?: string; readonly body?: string };
  /** Shown with the test case by CI systems (the trace, the replay). */
  readonly out?: string;
}

function caseXml(c: Case): string {
  const open = `    <testcase classname="${xmlEscape(c.classname)}" name="${xmlEscape(c.name)}" time="0"`;
  const o = c.outcome;
  const inner: string[] = [];
  if (o) {
    const type = o.type !== undefined ? ` type="${xmlEscape(o.type)}"` : '';
    inner.push(o.body !== undefined
      ? `<${o.tag} message="${xmlEscape(o.message)}"${type}>${xmlEscape(o.body)}</${o.tag}>`
      : `<${o.tag} message="${xmlEscape(o.message)}"${type}/>`);
  }
  if (c.out !== undefined) inner.push(`<system-out>${xmlEscape(c.out)}</system-out>`);
  if (inner.length === 0) return `${open}/>`;
  return `${open}>\n${inner.map((i) => `      ${i}\n`).join('')}    </testcase>`;
}

function suiteXml(name: string, cases: readonly Case[], ms: number, timestamp: string): string {
  const failures = cases.filter((c) => c.outcome?.tag === 'failure').length;
  const skipped = cases.filter((c) => c.outcome?.tag === 'skipped').length;
  return [
    `  <testsuite name="${xmlEscape(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(ms)}" timestamp="${xmlEscape(timestamp)}">`,
    ...cases.map(caseXml),
    '  </testsuite>',
  ].join('\n');
}

function verdictCase(v: JunitVerdict, interrupted: boolean): Case {
  const classname = `ha-verify.${v.scenario}`;
  const name = v.property;
  const details = [`${v.kind} ${v.property} in scenario ${v.scenario}: expected ${v.expected}, found ${v.verdict}`];
  if (v.trace) details.push(`trace: ${v.trace}`);
  if (v.replay) details.push(`replay against src/impl: ${v.replay}`);
  const out = v.trace !== undefined ? { out: details.slice(1).join('\n') } : {};
  if (v.verdict === 'unknown' && interrupted) return { classname, name, outcome: { tag: 'skipped', message: 'no verdict: the run was interrupted' } };
  if (v.verdict === v.expected) return { classname, name, ...out };
  const message = v.verdict === 'unknown' ? `expected ${v.expected}, no verdict (the run is incomplete)` : `expected ${v.expected}, found ${v.verdict}`;
  return { classname, name, outcome: { tag: 'failure', message, type: 'UnexpectedVerdict', body: details.join('\n') }, ...out };
}

function keptCase(k: JunitKept): Case {
  const base = { classname: 'ha-verify.kept-traces', name: k.trace };
  if (k.ok) return base;
  return { ...base, outcome: { tag: 'failure', message: `expected to ${k.expect} on replay: ${k.verdict}`, type: 'UnexpectedReplay', body: `${k.trace}: ${k.verdict}` } };
}

function conformanceCase(c: JunitConformance): Case {
  const base = { classname: 'ha-verify.conformance', name: c.scenario, out: `${c.transitions} transitions replayed${c.complete ? '' : ' (bounded)'}` };
  if (c.departures === 0) return base;
  return { ...base, outcome: { tag: 'failure', message: `${c.departures} transition(s) depart from the model`, type: 'Departure', body: c.example ?? '' } };
}

function validationCase(v: JunitValidation): Case {
  const base = { classname: 'ha-verify.validation', name: v.scenario, out: `${v.runs} recorded runs, ${v.steps} observations` };
  if (v.conforming === v.runs) return base;
  return { ...base, outcome: { tag: 'failure', message: `${v.runs - v.conforming} recorded run(s) not explained by the model`, type: 'Unexplained', body: v.example ?? '' } };
}

function variantCase(v: JunitVariant): Case {
  const base = { classname: 'ha-verify.broken-variants', name: v.variant };
  if (v.caughtBy !== '') return { ...base, out: `${v.fault}: caught by ${v.caughtBy}` };
  return { ...base, outcome: { tag: 'failure', message: `not caught by any model-based check: ${v.fault}`, type: 'UncaughtVariant' } };
}

/** The JUnit XML of a verification run (see the module comment). */
export function junitXml(input: JunitInput): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  let total = 0;
  const add = (name: string, cases: Case[], ms: number): void => {
    suites.push(suiteXml(name, cases, ms, input.timestamp));
    tests += cases.length;
    failures += cases.filter((c) => c.outcome?.tag === 'failure').length;
    skipped += cases.filter((c) => c.outcome?.tag === 'skipped').length;
    total += ms;
  };
  for (const s of input.scenarios) {
    add(s.scenario, input.verdicts.filter((v) => v.scenario === s.scenario).map((v) => verdictCase(v, input.interrupted)), s.durationMs);
  }
  for (const name of input.notChecked) {
    add(name, [{ classname: `ha-verify.${name}`, name: '(not checked)', outcome: { tag: 'skipped', message: 'the run was interrupted before this scenario' } }], 0);
  }
  if (input.kept.length > 0) add('kept traces', input.kept.map(keptCase), 0);
  if (input.conformance !== undefined && input.conformance.length > 0) {
    add('conformance', input.conformance.map(conformanceCase), input.conformance.reduce((t, c) => t + c.durationMs, 0));
  }
  if (input.validation !== undefined && input.validation.length > 0) {
    add('validation', input.validation.map(validationCase), input.validation.reduce((t, v) => t + v.durationMs, 0));
  }
  if (input.variants !== undefined && input.variants.length > 0) {
    add('broken variants', input.variants.map(variantCase), input.variants.reduce((t, v) => t + v.durationMs, 0));
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ha-verify" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(total)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
