/**
 * Multi-line layout of expressions: an expression that fits the room left
 * on its line prints as `printExpr` prints it; a longer conjunction or
 * disjunction becomes a junction (bullet) list, a long quantifier puts its
 * body on the next lines, a long IF/THEN/ELSE puts each part on its own
 * line. Junction lists are what a person writes, and they make precedence
 * explicit by alignment.
 */
import { type Expr, type Type, printDomain } from '../dsl/index.js';
import { textOf } from './expr-tools.js';
import { bullets, indent } from './layout.js';

/** Lines of `prefix` followed by `lines`: the first line after the prefix, the others aligned under it. */
export function prefixLines(prefix: string, lines: readonly string[]): string[] {
  return lines.map((l, i) => (i === 0 ? prefix + l : ' '.repeat(prefix.length) + l));
}

/** Lines of `lines` followed by `suffix` on the last line. */
export function suffixLines(lines: readonly string[], suffix: string): string[] {
  return lines.map((l, i) => (i === lines.length - 1 ? l + suffix : l));
}

const MIN_ROOM = 40;

/**
 * Prints `e` in at most `room` columns where it can: one line when it fits,
 * otherwise the layouts of the module comment.
 */
export function formatExpr(e: Expr, room: number): string[] {
  const one = textOf(e);
  if (one.length <= room || room < MIN_ROOM) return [one];
  switch (e.op) {
    case 'and': case 'or': {
      // A nested junction of the same kind is one list, as printExpr prints it.
      const flat = (x: Expr): Expr[] => (x.op === e.op ? (x as { args: readonly Expr[] }).args.flatMap(flat) : [x]);
      return bullets(e.op === 'and' ? '/\\' : '\\/', flat(e).map((a) => formatExpr(a, room - 3)));
    }
    case 'not':
      if (['and', 'or', 'forall', 'exists', 'implies'].includes(e.arg.op)) return suffixLines(prefixLines('~(', formatExpr(e.arg, room - 3)), ')');
      return [one];
    case 'implies': {
      // A long premise in parentheses, as a junction list when it is one; the conclusion indented below.
      const loose = (x: Expr) => x.op === 'implies' || x.op === 'ite' || x.op === 'forall' || x.op === 'exists';
      const a = textOf(e.a);
      const left = a.length + 3 <= room
        ? [loose(e.a) ? `(${a}) =>` : `${a} =>`]
        : suffixLines(prefixLines('(', formatExpr(e.a, room - 1)), ') =>');
      const right = loose(e.b) ? suffixLines(prefixLines('(', formatExpr(e.b, room - 3)), ')') : formatExpr(e.b, room - 2);
      return [...left, ...indent(right, 2)];
    }
    case 'forall': case 'exists':
      return [`${e.op === 'forall' ? '\\A' : '\\E'} ${e.bind} \\in ${printDomain(e.dom as Type)} :`, ...indent(formatExpr(e.body, room - 2), 2)];
    case 'ite': {
      const thenLines = formatExpr(e.a, room - 5);
      const elseLines = formatExpr(e.b, room - 5);
      return [`IF ${textOf(e.c)}`, ...prefixLines('THEN ', thenLines), ...prefixLines('ELSE ', elseLines)];
    }
    default:
      return [one];
  }
}
