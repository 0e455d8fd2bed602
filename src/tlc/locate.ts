/**
 * Finding TLC: a `java` executable and a `tla2tools.jar`. TLC is optional
 * (DESIGN.md, "Conventions"): when either is missing, the result says which
 * and how to provide it, in one line.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

import type { TlcError } from './errors.js';

/** Where TLC is. */
export interface TlcLocation {
  /** Absolute path of the `java` executable. */
  readonly java: string;
  /** Absolute path of `tla2tools.jar`. */
  readonly jar: string;
}

/** Options of {@link locateTlc}. */
export interface LocateOptions {
  /** The jar to use; default: the `TLA2TOOLS_JAR` environment variable. */
  readonly jar?: string;
  /** The `java` to use; default: the first `java` on `PATH`, then `$JAVA_HOME/bin/java`. */
  readonly java?: string;
  /** The environment to read `TLA2TOOLS_JAR`, `PATH` and `JAVA_HOME` from; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Why TLC is not available: which part is missing. */
export interface TlcNotAvailable extends TlcError {
  readonly code: 'TLC_NOT_AVAILABLE';
  readonly missing: 'java' | 'jar';
}

/** Result of {@link locateTlc}. */
export type TlcLocateResult = { readonly ok: true; readonly value: TlcLocation } | { readonly ok: false; readonly error: TlcNotAvailable };

/** The command that downloads a pinned tla2tools.jar. */
export const TLC_INSTALL_COMMAND = 'npm run tlc:install';

async function isExecutable(path: string): Promise<boolean> {
  try {
    const s = await stat(path);
    if (!s.isFile()) return false;
    await access(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Searches `PATH` (then `JAVA_HOME`) for a `java` executable. */
export async function findJava(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const names = process.platform === 'win32' ? ['java.exe', 'java'] : ['java'];
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter((d) => d !== '');
  if (env.JAVA_HOME) dirs.push(join(env.JAVA_HOME, 'bin'));
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = resolve(dir, name);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function notAvailable(missing: 'java' | 'jar', message: string, hint: string): TlcLocateResult {
  return { ok: false, error: { code: 'TLC_NOT_AVAILABLE', missing, message, hint } };
}

/**
 * Finds Java and tla2tools.jar. Fails with `TLC_NOT_AVAILABLE`, naming
 * what is missing (`error.missing`) and how to provide it, e.g.
 * "TLC not available: set TLA2TOOLS_JAR to a tla2tools.jar (run 'npm run
 * tlc:install' to download one)".
 */
export async function locateTlc(options: LocateOptions = {}): Promise<TlcLocateResult> {
  const env = options.env ?? process.env;
  const jarOption = options.jar ?? env.TLA2TOOLS_JAR;
  const source = options.jar !== undefined ? 'the jar option' : 'TLA2TOOLS_JAR';
  if (jarOption === undefined || jarOption === '') {
    return notAvailable(
      'jar',
      `TLC not available: set TLA2TOOLS_JAR to a tla2tools.jar (run '${TLC_INSTALL_COMMAND}' to download one)`,
      `run '${TLC_INSTALL_COMMAND}' and export the TLA2TOOLS_JAR line it prints`,
    );
  }
  const jar = resolve(jarOption);
  if (!(await isFile(jar))) {
    return notAvailable(
      'jar',
      `TLC not available: ${source} is ${jarOption}, which is not a file (run '${TLC_INSTALL_COMMAND}' to download one)`,
      `point TLA2TOOLS_JAR at an existing tla2tools.jar, or run '${TLC_INSTALL_COMMAND}'`,
    );
  }
  let java: string | undefined;
  if (options.java !== undefined) {
    const candidate = isAbsolute(options.java) ? options.java : resolve(options.java);
    java = (await isExecutable(candidate)) ? candidate : undefined;
    if (!java) {
      return notAvailable('java', `TLC not available: java ${options.java} is not an executable file`, 'pass the path of a java executable, or leave it out to use the one on PATH');
    }
  } else {
    java = await findJava(env);
    if (!java) {
      return notAvailable(
        'java',
        "TLC not available: no 'java' on PATH (install a Java 11+ runtime, e.g. 'apt-get install default-jre-headless')",
        'install a Java runtime and put its bin folder on PATH, or set JAVA_HOME',
      );
    }
  }
  return { ok: true, value: { java, jar } };
}
