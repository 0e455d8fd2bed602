import { describe, expect, it } from 'vitest';

import { ToolOutputSplitter, splitToolOutput } from '../../src/tlc/tool-messages.js';
import { fixture } from './fixtures.js';

describe('splitToolOutput', () => {
  it('splits framed messages and text lines of a real output', () => {
    const items = splitToolOutput(fixture('SemanticError.tool.out'));
    expect(items[0]).toEqual({ kind: 'message', code: 2262, severity: 'info', body: 'TLC2 Version 2026.11.25.140820' });
    expect(items[1]).toEqual({
      kind: 'message',
      code: 2401,
      severity: 'warning',
      body: 'Please run the Java VM, which executes TLC with a throughput optimized garbage collector, by passing the "-XX:+UseParallelGC" property.',
    });
    const texts = items.filter((i) => i.kind === 'text').map((i) => (i.kind === 'text' ? i.text : ''));
    expect(texts).toContain('Parsing file ./bad/SemanticError.tla');
    expect(texts).toContain("Unknown operator: `y'.");
    const codes = items.filter((i) => i.kind === 'message').map((i) => (i.kind === 'message' ? i.code : 0));
    expect(codes).toEqual([2262, 2401, 2187, 2220, 2219, 2185, 3002, 2186]);
    expect(items.find((i) => i.kind === 'message' && i.code === 3002)).toMatchObject({ severity: 'error', body: 'Parsing or semantic analysis failed.' });
  });

  it('keeps multi-line bodies without the trailing blank line', () => {
    const items = splitToolOutput(fixture('Deadlock.tool.out'));
    const states = items.filter((i) => i.kind === 'message' && i.code === 2217);
    expect(states.map((s) => (s.kind === 'message' ? s.body : ''))).toEqual([
      '1: <Initial predicate>\nx = 0',
      '2: <Next line 5, col 9 to line 5, col 27 of module Deadlock>\nx = 1',
      '3: <Next line 5, col 9 to line 5, col 27 of module Deadlock>\nx = 2',
    ]);
    expect(states[0]).toMatchObject({ severity: 'state' });
  });

  it('gives the same items however the stream is chunked', () => {
    const text = fixture('ok.tool.out');
    const whole = splitToolOutput(text);
    for (const size of [1, 7, 64, 1000]) {
      const s = new ToolOutputSplitter();
      const got = [];
      for (let i = 0; i < text.length; i += size) got.push(...s.push(text.slice(i, i + size)));
      got.push(...s.end());
      expect(got).toEqual(whole);
    }
  });

  it('emits each item as soon as it is complete', () => {
    const s = new ToolOutputSplitter();
    expect(s.push('Parsing file ./A.tla\nSemantic')).toEqual([{ kind: 'text', text: 'Parsing file ./A.tla' }]);
    expect(s.push(' processing\n@!@!@STARTMSG 2200:0 @!@!@\nProgress(1) at')).toEqual([{ kind: 'text', text: 'Semantic processing' }]);
    expect(s.push(' x\n@!@!@ENDMSG 2200 @!@!@\n')).toEqual([{ kind: 'message', code: 2200, severity: 'info', body: 'Progress(1) at x' }]);
    expect(s.end()).toEqual([]);
  });

  it('returns a message cut off by the end of the stream', () => {
    const s = new ToolOutputSplitter();
    s.push('@!@!@STARTMSG 2217:4 @!@!@\n1: <Initial predicate>\nx = ');
    expect(s.end()).toEqual([{ kind: 'message', code: 2217, severity: 'state', body: '1: <Initial predicate>\nx =' }]);
  });
});
