/**
 * Parser of the bodies of TLC's state messages (codes 2216/2217, 2218, 2122):
 *
 * ```
 * 2: <ProbeSucceeds(n1) line 37, col 3 to line 43, col 33 of module TwoNodeHA>
 * /\ probeOk = {n1}
 * ...
 * 6: Stuttering
 * 5: Back to state: <IclDown line 53, col 12 to line 53, col 82 of module TwoNodeHA>
 * ```
 *
 * Labels embed TLA+ values (the action's arguments), so they are read with
 * the value parser's tokens rather than by pattern matching.
 */
import type { SourceRange, TlcLasso, TlcStepLabel, TlcTraceState } from './output-types.js';
import type { TlaValue } from './tla-value.js';
import { type TlaParseResult, type TokenReader, parseWith, readAssignments } from './value-parser.js';

/** A parsed state message: a state, or the end of a lasso. */
export type StateMessage =
  | { readonly kind: 'state'; readonly state: TlcTraceState }
  | { readonly kind: 'lasso'; readonly lasso: TlcLasso };

function readLocation(r: TokenReader): SourceRange {
  r.expectWord('line', 'in a location');
  const beginLine = r.expectInt("after 'line'");
  r.expectPunct(',', 'in a location');
  r.expectWord('col', 'in a location');
  const beginColumn = r.expectInt("after 'col'");
  r.expectWord('to', 'in a location');
  r.expectWord('line', 'in a location');
  const endLine = r.expectInt("after 'line'");
  r.expectPunct(',', 'in a location');
  r.expectWord('col', 'in a location');
  const endColumn = r.expectInt("after 'col'");
  r.expectWord('of', 'in a location');
  r.expectWord('module', 'in a location');
  const module = r.expectIdent("after 'module'");
  return { module, beginLine, beginColumn, endLine, endColumn };
}

/** Reads `'<' label '>'`. */
function readLabel(r: TokenReader, firstState: boolean): TlcStepLabel {
  r.expectPunct('<', 'to open the step label');
  if (r.isWord('Initial') && r.isWord('predicate', 1)) {
    r.next();
    r.next();
    r.expectPunct('>', 'after Initial predicate');
    return { kind: 'initial' };
  }
  let name = r.expectIdent('(an action name)');
  while (r.eatPunct('!')) name += '!' + r.expectIdent("after '!'");
  const args: TlaValue[] = [];
  if (r.eatPunct('(')) {
    do args.push(r.value());
    while (r.eatPunct(','));
    r.expectPunct(')', "or ',' after the action's arguments");
  }
  const location = r.isWord('line') ? readLocation(r) : undefined;
  r.expectPunct('>', 'to close the step label');
  // TLC labels the first state with the initial predicate; newer versions
  // print the Init operator's name and location instead.
  if (firstState) return location ? { kind: 'initial', location } : { kind: 'initial' };
  return location ? { kind: 'action', name, args, location } : { kind: 'action', name, args };
}

/** Parses the body of a TLC state message (see the module comment). */
export function parseStateMessage(body: string): TlaParseResult<StateMessage> {
  return parseWith(body, (r): StateMessage => {
    const number = r.expectInt('(the state number)');
    r.expectPunct(':', 'after the state number');
    if (r.isWord('Stuttering')) {
      r.next();
      r.expectEnd("after 'Stuttering'");
      return { kind: 'lasso', lasso: { kind: 'stuttering', stateNumber: number } };
    }
    if (r.isWord('Back')) {
      r.next();
      r.expectWord('to', "in 'Back to state'");
      r.expectWord('state', "in 'Back to state'");
      r.eatPunct(':');
      const label = readLabel(r, false);
      r.expectEnd('after the label');
      return { kind: 'lasso', lasso: { kind: 'back-to-state', stateNumber: number, label } };
    }
    const label = readLabel(r, number === 1);
    const variables = r.peek().t === 'eof' ? [] : readAssignments(r);
    return { kind: 'state', state: { number, label, variables } };
  });
}
