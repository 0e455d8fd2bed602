import { describe, expect, it } from 'vitest';

import { classifyTlcExit } from '../../src/tlc/exit-codes.js';

describe('classifyTlcExit', () => {
  it("classifies the fixtures' exit codes (see the fixtures README table)", () => {
    expect(classifyTlcExit(12)).toMatchObject({ kind: 'violation', violation: 'safety' }); // inv
    expect(classifyTlcExit(13)).toMatchObject({ kind: 'violation', violation: 'liveness' }); // live, ok
    expect(classifyTlcExit(0)).toMatchObject({ kind: 'success', code: 0 }); // dead, deadlock, simulate
    expect(classifyTlcExit(11)).toMatchObject({ kind: 'violation', violation: 'deadlock' }); // Deadlock
    expect(classifyTlcExit(150)).toMatchObject({ kind: 'error', error: 'spec-parse' }); // ParseError, SemanticError, missing
    expect(classifyTlcExit(255)).toMatchObject({ kind: 'error', error: 'generic' }); // RuntimeError
  });

  it('classifies every other documented code', () => {
    expect(classifyTlcExit(10)).toMatchObject({ kind: 'violation', violation: 'assumption' });
    expect(classifyTlcExit(14)).toMatchObject({ kind: 'violation', violation: 'assert' });
    expect(classifyTlcExit(75)).toMatchObject({ kind: 'evaluation-failure', of: 'spec' });
    expect(classifyTlcExit(76)).toMatchObject({ kind: 'evaluation-failure', of: 'safety' });
    expect(classifyTlcExit(77)).toMatchObject({ kind: 'evaluation-failure', of: 'liveness' });
    expect(classifyTlcExit(151)).toMatchObject({ kind: 'error', error: 'config-parse' });
    expect(classifyTlcExit(152)).toMatchObject({ kind: 'error', error: 'state-space-too-large' });
    expect(classifyTlcExit(153)).toMatchObject({ kind: 'error', error: 'system' });
  });

  it('calls anything else a crash, and a signal a kill', () => {
    expect(classifyTlcExit(1)).toMatchObject({ kind: 'crash', code: 1 });
    expect(classifyTlcExit(137)).toMatchObject({ kind: 'crash', code: 137 });
    expect(classifyTlcExit(null, 'SIGTERM')).toEqual({ kind: 'killed', signal: 'SIGTERM', description: 'TLC was ended by SIGTERM' });
  });
});
