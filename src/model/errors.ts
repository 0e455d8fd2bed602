/**
 * Errors found while reading a machine or composing a system. They name the
 * machine, the state, the event and the offending item, so that the user can
 * go straight to the line of the model that the toolkit cannot export.
 */

/** Stable codes for model errors. */
export type ModelErrorCode =
  | 'UNSUPPORTED_INVOKE'
  | 'UNSUPPORTED_SPAWN'
  | 'UNSUPPORTED_DELAYED'
  | 'UNSUPPORTED_HISTORY'
  | 'UNSUPPORTED_ALWAYS'
  | 'UNSUPPORTED_FINAL'
  | 'INLINE_GUARD'
  | 'INLINE_ACTION'
  | 'OPAQUE_GUARD'
  | 'OPAQUE_ACTION'
  | 'UNKNOWN_GUARD'
  | 'UNKNOWN_ACTION'
  | 'GUARD_PARAMS'
  | 'UNDECLARED_EVENT'
  | 'PARALLEL_CONFLICT'
  | 'NAME_CLASH'
  | 'BAD_SYSTEM';

/** Where in a machine an error was found. */
export interface ModelErrorSite {
  readonly machine: string;
  readonly state?: string;
  readonly event?: string;
  readonly item?: string;
}

/** A model that the toolkit refuses, with where and what to do. */
export class ModelError extends Error {
  readonly code: ModelErrorCode;
  readonly site: ModelErrorSite;
  readonly hint: string;

  constructor(code: ModelErrorCode, site: ModelErrorSite, what: string, hint: string) {
    const where = [
      `machine '${site.machine}'`,
      site.state !== undefined ? `state '${site.state}'` : undefined,
      site.event !== undefined ? `event '${site.event}'` : undefined,
      site.item !== undefined ? `${site.item}` : undefined,
    ].filter(Boolean).join(', ');
    super(`${where}: ${what}`);
    this.name = 'ModelError';
    this.code = code;
    this.site = site;
    this.hint = hint;
  }
}
