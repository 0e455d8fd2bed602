/**
 * The probe destination on the probe router. It answers a probe toward the
 * probe's source, the floating IP, which both nodes own: the answer follows
 * the router's preferred path, so at most one node hears it. Told to
 * misbehave, it sends each answer back along the path the probe came in on,
 * so every prober hears one (the documented split-brain fault, MNHA.md
 * section 4).
 */
import type { NodeName } from './names.js';
import type { Router } from './router.js';

/** Where an answer went, and whether that was off the router's preferred path. */
export interface ProbeAnswer {
  readonly to: NodeName | null;
  readonly offPath: boolean;
}

/** The probe responder and its history. */
export class ProbeResponder {
  private misbehavingNow = false;
  private offPathEver = false;

  constructor(private readonly router: Router) {}

  /** A responder in the same state on `router` (for forking a network). */
  cloneOn(router: Router): ProbeResponder {
    const copy = new ProbeResponder(router);
    copy.misbehavingNow = this.misbehavingNow;
    copy.offPathEver = this.offPathEver;
    return copy;
  }

  /** Starts or stops misbehaving. */
  setMisbehaving(on: boolean): void {
    this.misbehavingNow = on;
  }

  /** True while misbehaving. */
  misbehaving(): boolean {
    return this.misbehavingNow;
  }

  /** True once an answer has gone off the preferred path (the model's history flag). */
  answeredOffPath(): boolean {
    return this.offPathEver;
  }

  /** Answers a probe that came in from `from`. */
  answer(from: NodeName): ProbeAnswer {
    const preferred = this.router.preferred();
    const to = this.misbehavingNow ? from : preferred;
    const offPath = to !== null && to !== preferred;
    if (offPath) this.offPathEver = true;
    return { to, offPath };
  }
}
