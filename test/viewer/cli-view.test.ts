import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { UsageError } from '../../src/cli/command.js';
import { command, parseViewArgs, runView, type ViewIo } from '../../src/cli/commands/view.js';
import { defaultViewerPath } from '../../src/viewer/index.js';
import { SPLIT_BRAIN, fixturePath, loadFixture, viewOf } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ha-verify-view-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(opened: string[] = [], openError?: string): ViewIo & { out: string; err: string } {
  const sink = {
    out: '',
    err: '',
    stdout: (t: string) => {
      sink.out += t;
    },
    stderr: (t: string) => {
      sink.err += t;
    },
    colorTerminal: false,
    open: async (p: string) => {
      opened.push(p);
      return openError;
    },
  };
  return sink;
}

describe('ha-verify view arguments', () => {
  it('reads the trace and the options', () => {
    expect(parseViewArgs(['t.itf.json'])).toEqual({ trace: 't.itf.json', open: false, text: false, color: true });
    expect(parseViewArgs(['-o', 'x.html', '--open', 't.itf.json', '--replay', 'r.json'])).toEqual({
      trace: 't.itf.json', output: 'x.html', open: true, text: false, color: true, replay: 'r.json',
    });
    expect(parseViewArgs(['--text', '--no-color', 't.itf.json'])).toMatchObject({ text: true, color: false });
  });

  it('refuses what it does not understand with a usage error', () => {
    const refuse = (argv: string[], message: string) => {
      expect(() => parseViewArgs(argv)).toThrow(UsageError);
      expect(() => parseViewArgs(argv)).toThrow(message);
    };
    refuse([], "missing the trace to view (see 'ha-verify view --help')");
    refuse(['a.json', 'b.json'], "one trace at a time: got 'a.json' and 'b.json'");
    refuse(['--frobnicate', 'a.json'], "unknown option '--frobnicate' (see 'ha-verify view --help')");
    refuse(['a.json', '-o'], '-o needs a value');
    refuse(['a.json', '--replay', '--text'], '--replay needs a value');
    refuse(['a.json', '--open', '--text'], '--open shows the HTML page; it does not go with --text');
  });

  it('documents its options and exit status', () => {
    expect(command.help).toContain('usage: ha-verify view TRACE.itf.json [options]');
    for (const opt of ['-o, --output FILE', '--open', '--text', '--replay FILE', 'Exit status: 0']) expect(command.help).toContain(opt);
  });
});

describe('ha-verify view', () => {
  it('writes the page where -o says and names the verdict', async () => {
    const out = join(dir, 'sub', 'page.html');
    const sink = io();
    expect(await runView([fixturePath(SPLIT_BRAIN), '-o', out], sink)).toBe(0);
    expect(sink.out).toBe(`wrote ${out} (invariant NoSplitBrain is violated at step 11)\n`);
    expect(sink.err).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('opens the page when asked, and only warns when it cannot', async () => {
    const opened: string[] = [];
    const out = join(dir, 'open.html');
    expect(await runView([fixturePath(SPLIT_BRAIN), '-o', out, '--open'], io(opened))).toBe(0);
    expect(opened).toEqual([out]);
    const failing = io([], 'cannot run xdg-open: ENOENT');
    expect(await runView([fixturePath(SPLIT_BRAIN), '-o', out, '--open'], failing)).toBe(0);
    expect(failing.err).toBe(`ha-verify view: could not open the page (cannot run xdg-open: ENOENT); open file://${out}\n`);
  });

  it('prints the text view with --text, or writes it with -o', async () => {
    const sink = io();
    expect(await runView(['--text', fixturePath(SPLIT_BRAIN)], sink)).toBe(0);
    expect(sink.out.split('\n')[0]).toBe('router-fault: invariant NoSplitBrain is violated at step 11 (12 states)');
    expect(sink.out.split('\n')).toHaveLength(15);
    const out = join(dir, 'trace.txt');
    expect(await runView(['--text', fixturePath(SPLIT_BRAIN), '-o', out], io())).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(sink.out);
  });

  it('shows a replay result from --replay', async () => {
    const replay = join(dir, 'replay.json');
    writeFileSync(replay, JSON.stringify({ outcome: 'departs', step: 9, action: 'RouterMisbehaves', diff: [] }));
    const sink = io();
    expect(await runView(['--text', fixturePath(SPLIT_BRAIN), '--replay', replay], sink)).toBe(0);
    expect(sink.out.split('\n')[2]).toBe('replay: the implementation departs at step 9 (RouterMisbehaves)');
  });

  it('refuses a malformed trace with exit status 2 and the validator message', async () => {
    const bad = JSON.parse(readFileSync(fixturePath(SPLIT_BRAIN), 'utf8')) as { states: Record<string, unknown>[] };
    bad.states[3].srg1 = { '#map': [['n1', 'hold'], ['n2']] };
    const path = join(dir, 'bad.itf.json');
    writeFileSync(path, JSON.stringify(bad));
    const sink = io();
    expect(await runView([path], sink)).toBe(2);
    expect(sink.out).toBe('');
    expect(sink.err).toBe(
      `ha-verify view: ITF_MALFORMED: ${path}: malformed ITF trace at $.states[3].srg1["#map"][1]: an array is not a [key, value] pair\n` +
        '  fix or regenerate the trace; ITF is described in src/trace/itf-types.ts\n',
    );
  });

  it('takes what replay --json prints, picking the result of the trace viewed', async () => {
    const regression = 'traces/regressions/higher-id-backs-off.itf.json';
    const r = spawnSync(process.execPath, ['bin/ha-verify.mjs', 'replay', '--json', fixturePath(SPLIT_BRAIN), regression], { encoding: 'utf8' });
    const printed = join(dir, 'replay-output.json');
    writeFileSync(printed, r.stdout);
    const a = io();
    expect(await runView(['--text', '--no-color', regression, '--replay', printed], a)).toBe(0);
    // srg1, activeRoute, backupRoute and adv of n1, and the messages in flight to n2 (the correct n1 announces its backup)
    expect(a.out.split('\n')[2]).toBe('replay: the implementation departs at step 7 (ActiveOnStateIfLosesSplitBrain(n=n1)): 5 variables differ');
    const b = io();
    expect(await runView(['--text', '--no-color', fixturePath(SPLIT_BRAIN), '--replay', printed], b)).toBe(0);
    // Its own entry (whatever replay made of this older fixture), not the regression's.
    expect(b.out.split('\n')[2]).toMatch(/^replay /);
    expect(b.out.split('\n')[2]).not.toBe(a.out.split('\n')[2]);
    // A trace the output does not hold.
    const c = io();
    expect(await runView(['--text', 'traces/router-fault/NoSplitBrain.itf.json', '--replay', printed], c)).toBe(2);
    expect(c.err.split('\n')[0]).toBe(`ha-verify view: VIEW_BAD_REPLAY: ${printed}: replay output of 2 traces, none of them traces/router-fault/NoSplitBrain.itf.json`);
  });

  it('refuses text that is not JSON, a missing file and a malformed replay result with exit status 2', async () => {
    const notJson = join(dir, 'not.itf.json');
    writeFileSync(notJson, '{"vars": [');
    const a = io();
    expect(await runView([notJson], a)).toBe(2);
    expect(a.err).toMatch(/^ha-verify view: ITF_NOT_JSON: .*not\.itf\.json: not an ITF trace: the text is not JSON/);

    const b = io();
    expect(await runView([join(dir, 'missing.itf.json')], b)).toBe(2);
    expect(b.err).toMatch(/^ha-verify view: ITF_READ_FAILED: cannot read trace .*missing\.itf\.json: ENOENT\n/);

    const replay = join(dir, 'bad-replay.json');
    writeFileSync(replay, JSON.stringify({ outcome: 'departs', step: 40 }));
    const c = io();
    expect(await runView([fixturePath(SPLIT_BRAIN), '--replay', replay], c)).toBe(2);
    expect(c.err.split('\n')[0]).toBe(`ha-verify view: VIEW_BAD_REPLAY: ${replay}: malformed replay result at replay.step: must be a state index in 0..11, found number 40`);
  });

  it('refuses an output that cannot be written, in one line, exit status 2', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const sink = io();
    expect(await runView([fixturePath(SPLIT_BRAIN), '-o', join(file, 'page.html')], sink)).toBe(2);
    expect(sink.err).toBe(`ha-verify view: ${join(file, 'page.html')}: cannot be written: its folder ${file} is a file, not a folder\n`);
    const folder = io();
    expect(await runView([fixturePath(SPLIT_BRAIN), '--text', '-o', dir], folder)).toBe(2);
    expect(folder.err).toBe(`ha-verify view: ${dir}: is a folder, not a file\n`);
  });
});

describe('defaultViewerPath', () => {
  it('puts a page under reports/<scenario>/<property>.html, else reports/view/<name>.html', () => {
    const v = viewOf(loadFixture(SPLIT_BRAIN));
    expect(defaultViewerPath(v, 'x/y.itf.json', '/w')).toBe('/w/reports/router-fault/NoSplitBrain.html');
    const plain = viewOf({ vars: ['x'], states: [{ x: 1 }] });
    expect(defaultViewerPath(plain, 'traces/My Trace.itf.json', '/w')).toBe('/w/reports/view/My_Trace.html');
    const odd = viewOf({ '#meta': { scenario: '../..', property: 'a/b' }, vars: ['x'], states: [{ x: 1 }] });
    expect(defaultViewerPath(odd, 't.itf.json', '/w')).toBe('/w/reports/___/a_b.html');
  });
});
