/**
 * A node's ask (models/mnha/PROTOCOL.md, "Asking"): the state notification
 * that asks the peer for an answer, and how the answer is recognised. One ask
 * is out at a time; a node that changes while waiting asks again once the
 * pending answer is in, since that answer may be stale by then.
 */

/** No ask out; one out; one out whose answer will be stale, so ask again when it comes. */
export type AskState = 'idle' | 'asked' | 'askAgain';

/** The node's ask, by the sequence number of the notification that made it. */
export class Ask {
  protected current: AskState = 'idle';
  protected seq = 0;

  /** A copy of the ask (of the same class: a subclass keeps its own rule). */
  clone(): Ask {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as Ask;
    copy.current = this.current;
    copy.seq = this.seq;
    return copy;
  }

  /** Where the node stands. */
  state(): AskState {
    return this.current;
  }

  /** True while an answer is awaited: the node claims nothing meanwhile. */
  waiting(): boolean {
    return this.current !== 'idle';
  }

  /**
   * The node wants to ask. Returns true when it may send the ask now (no
   * other one is out); otherwise the pending one is marked for asking again.
   */
  want(): boolean {
    if (this.current === 'idle') {
      this.current = 'asked';
      return true;
    }
    this.current = 'askAgain';
    return false;
  }

  /** The ask went out as the notification numbered `seq`. */
  sent(seq: number): void {
    this.seq = seq;
  }

  /**
   * A state notification acknowledging the peer's messages up to `ack`
   * arrived. The first that reaches the ask's own number is the answer (the
   * peer answers in the reaction to the ask, and the ICL keeps order).
   * Returns `answered`, `ask-again` (a stale answer: the caller asks anew,
   * marking the ask sent) or `waiting`/`idle`.
   */
  acknowledged(ack: number): 'answered' | 'ask-again' | 'waiting' | 'idle' {
    if (this.current === 'idle') return 'idle';
    if (ack < this.seq) return 'waiting';
    if (this.current === 'askAgain') {
      this.current = 'asked';
      return 'ask-again';
    }
    this.current = 'idle';
    return 'answered';
  }

  /** The ICL is gone, and the answer with it. */
  forget(): void {
    this.current = 'idle';
    this.seq = 0;
  }
}
