import { describe, expect, it } from 'vitest';

import { describeTlcOutcome } from '../../src/tlc/outcome-text.js';
import { parseTlcOutput } from '../../src/tlc/output-parser.js';
import { fixture } from './fixtures.js';

const line = (name: string) => describeTlcOutcome(parseTlcOutput(fixture(name)).outcome);

describe('describeTlcOutcome', () => {
  it('describes every fixture in one line', () => {
    expect(line('inv.tool.out')).toBe('invariant NoSplitBrain is violated (5-state trace)');
    expect(line('live.tool.out')).toBe('temporal property AlwaysEventuallyActive is violated (5-state trace, then stuttering)');
    expect(line('ok.tool.out')).toBe('temporal property EventuallyActive is violated (6-state trace, then back to state 5)');
    expect(line('Deadlock.tool.out')).toBe('deadlock reached (3-state trace)');
    expect(line('dead.tool.out')).toBe('no error found');
    expect(line('simulate.tool.out')).toBe('simulation found no error');
    expect(line('ParseError.tool.out')).toMatch(/^parse error at line 4, column 20 of module ParseError: Encountered "1"/);
    expect(line('SemanticError.tool.out')).toBe("semantic error at line 5, column 14 of module SemanticError: Unknown operator: `y'.");
    expect(line('RuntimeError.tool.out')).toBe('evaluation error at line 5, column 9 of module RuntimeError: Attempted to apply Head to the empty sequence.');
    expect(line('missing.tool.out')).toBe('file not found: cannot find the module NoSuchSpec (looked for ././NoSuchSpec.tla)');
    for (const f of ['inv', 'live', 'ok', 'dead', 'Deadlock', 'ParseError', 'SemanticError', 'RuntimeError', 'missing', 'simulate']) {
      expect(line(`${f}.tool.out`)).not.toContain('\n');
    }
  });

  it('describes an output cut short', () => {
    expect(describeTlcOutcome({ kind: 'incomplete' })).toBe('TLC stopped before it reported a result');
  });
});
