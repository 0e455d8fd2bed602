/**
 * `ha-verify view`: writes the viewer page of a counterexample trace (one
 * self-contained HTML file), or prints the trace compactly for CI logs.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { type Command, EXIT_OK, EXIT_USAGE, UsageError } from '../command.js';
import { whyFileUnwritable } from '../output-paths.js';
import { defaultViewerPath, htmlOfView, loadTraceView, textOfView, verdictLine, writeFileWhole } from '../../viewer/index.js';

const HELP = `usage: ha-verify view TRACE.itf.json [options]

Shows a counterexample trace (ITF JSON): by default writes one self-contained
HTML page (no network access; works from file://) with a lane per node, the
ICL and the routers, message arrows, the step list, the variables of the
selected step with their changes, the violated property and its step, the
loop of a lasso and, when there is one, where the implementation departed
on replay. Arrow keys step through the trace; the address ends in
#/step/N so that a link opens at that step.

options:
  -o, --output FILE  where to write the page (default: reports/<scenario>/<property>.html
                     when the trace names both, else reports/view/<trace name>.html);
                     with --text, write the text there instead of printing it
  --open             open the page in the default browser (xdg-open, open, start)
  --text             print the trace as text instead: one line per step with its
                     action and the variables it changed, the violation tagged
  --no-color         with --text, no ANSI colours (also when NO_COLOR is set or
                     the output is not a terminal)
  --replay FILE      a replay result, as replay writes it (JSON: {"outcome":
                     "follows" | "departs" | "error", "step", "action", "diff":
                     [{"variable", "expected", "actual"}], "known", "log"}), to show
                     instead of the trace's own #meta.replay
  --help             show this help

--replay also takes what 'replay --json' prints: the result of the trace
viewed is picked from it (by path, or the only one).

Exit status: 0 when the page (or text) is written, 2 for a usage error, a
trace or replay file that cannot be read or is malformed (the message names
what is wrong and where), or an output that cannot be written (checked
before anything is read).`;

/** What `ha-verify view` was asked to do. */
export interface ViewArgs {
  readonly trace: string;
  readonly output?: string;
  readonly open: boolean;
  readonly text: boolean;
  readonly color: boolean;
  readonly replay?: string;
}

/** Reads the command's arguments; throws {@link UsageError} for anything wrong. */
export function parseViewArgs(argv: readonly string[]): ViewArgs {
  let trace: string | undefined;
  let output: string | undefined;
  let replay: string | undefined;
  let open = false;
  let text = false;
  let color = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '-o':
      case '--output':
        output = value();
        break;
      case '--replay':
        replay = value();
        break;
      case '--open':
        open = true;
        break;
      case '--text':
        text = true;
        break;
      case '--no-color':
        color = false;
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option '${a}' (see 'ha-verify view --help')`);
        if (trace !== undefined) throw new UsageError(`one trace at a time: got '${trace}' and '${a}'`);
        trace = a;
    }
  }
  if (trace === undefined) throw new UsageError("missing the trace to view (see 'ha-verify view --help')");
  if (open && text) throw new UsageError('--open shows the HTML page; it does not go with --text');
  return { trace, open, text, color, ...(output !== undefined ? { output } : {}), ...(replay !== undefined ? { replay } : {}) };
}

/** Where the command writes and how it opens a page; replaced in tests. */
export interface ViewIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal that takes colours. */
  readonly colorTerminal: boolean;
  /** Opens a file in the default browser; resolves to an error message, or undefined when launched. */
  readonly open: (path: string) => Promise<string | undefined>;
}

/** Opens `path` with the platform's opener, detached; resolves to an error message if it cannot start. */
export function openInBrowser(path: string): Promise<string | undefined> {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [path]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', path]]
        : ['xdg-open', [path]];
  return new Promise((done) => {
    const child = spawn(cmd, args as string[], { detached: true, stdio: 'ignore' });
    child.once('error', (e) => done(`cannot run ${cmd}: ${(e as NodeJS.ErrnoException).code ?? e.message}`));
    child.once('spawn', () => {
      child.unref();
      done(undefined);
    });
  });
}

/** Runs `ha-verify view` with its arguments and resolves to the exit status. */
export async function runView(argv: readonly string[], io: ViewIo): Promise<number> {
  const args = parseViewArgs(argv);
  if (args.output !== undefined && !(await writable(args.output, io))) return EXIT_USAGE;
  const loaded = await loadTraceView(args.trace, args.replay !== undefined ? { replayPath: args.replay } : {});
  if (!loaded.ok) {
    io.stderr(`ha-verify view: ${loaded.error.code}: ${loaded.error.message}\n  ${loaded.error.hint}\n`);
    return EXIT_USAGE;
  }
  const view = loaded.value;
  if (args.text) {
    const color = args.color && args.output === undefined && io.colorTerminal;
    const text = textOfView(view, { color });
    if (args.output === undefined) {
      io.stdout(text);
      return EXIT_OK;
    }
    return (await write(args.output, text, io)) ? EXIT_OK : EXIT_USAGE;
  }
  const out = args.output ?? defaultViewerPath(view, args.trace);
  if (args.output === undefined && !(await writable(out, io))) return EXIT_USAGE;
  if (!(await write(out, htmlOfView(view), io))) return EXIT_USAGE;
  io.stdout(`wrote ${out} (${verdictLine(view)})\n`);
  if (args.open) {
    const failed = await io.open(resolve(out));
    if (failed !== undefined) io.stderr(`ha-verify view: could not open the page (${failed}); open ${pathToFileURL(resolve(out)).href}\n`);
  }
  return EXIT_OK;
}

/** Whether `path` can be written; if not, says why in one line. */
async function writable(path: string, io: ViewIo): Promise<boolean> {
  const why = await whyFileUnwritable(path);
  if (why !== undefined) io.stderr(`ha-verify view: ${path}: ${why}\n`);
  return why === undefined;
}

async function write(path: string, text: string, io: ViewIo): Promise<boolean> {
  try {
    await writeFileWhole(path, text);
    return true;
  } catch (e) {
    io.stderr(`ha-verify view: cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return false;
  }
}

/** The `view` sub-command (see {@link HELP} for its options). */
export const command: Command = {
  summary: 'show a counterexample trace: a self-contained HTML page, or --text for CI logs',
  help: HELP,
  run(argv) {
    return runView(argv, {
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      colorTerminal: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
      open: openInBrowser,
    });
  },
};
