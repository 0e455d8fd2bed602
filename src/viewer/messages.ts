/**
 * Messages between nodes, for the arrows of the sequence diagram. A message
 * channel is a variable that maps each node to the sequence of messages in
 * flight *to* it (MNHA's `msgs`). A message appears at the
 * back of a node's sequence in the step where its sender (the node's peer)
 * sent it, and leaves from the front in the step where the node consumed it
 * (an action with the node as parameter), or where it was lost (the ICL was
 * cut, a node crashed) or replaced by a newer one (a one-place channel that
 * keeps only the latest notification).
 */
import type { PlainStep, PlainTrace, PlainValue } from '../trace/index.js';
import { valueKey } from './diff.js';
import { formatValue, isRecord } from './format.js';
import { stepNode } from './lanes.js';

/** What became of a message. */
export type MessageFate = 'delivered' | 'lost' | 'replaced' | 'in-flight';

/** One message, from the step it was sent to the step it left its channel. */
export interface MessageArrow {
  /** The channel variable (`msgs`). */
  readonly channel: string;
  /** The sender, when it can be told (the receiver's peer in a two-node trace). */
  readonly from?: string;
  /** The receiver. */
  readonly to: string;
  /** The step after which the message is first in flight (0 if it already was initially). */
  readonly sent: number;
  /** The step in which it left the channel; absent while still in flight at the end. */
  readonly end?: number;
  readonly fate: MessageFate;
  /** Short text for the arrow, e.g. `STATE active`. */
  readonly label: string;
  /** The whole message. */
  readonly text: string;
}

const LOSS_ACTIONS = /cut|crash/i;

function isQueueMap(v: PlainValue, nodes: readonly string[]): v is ReadonlyMap<string, readonly PlainValue[]> {
  return v instanceof Map && v.size > 0 && [...v].every(([k, q]) => typeof k === 'string' && nodes.includes(k) && Array.isArray(q));
}

/**
 * The message channels of a trace: variables that, in every state, map
 * nodes to sequences.
 */
export function messageChannels(trace: PlainTrace, nodes: readonly string[]): readonly string[] {
  if (nodes.length === 0) return [];
  return trace.vars.filter((v) => trace.steps.every((s) => isQueueMap(s.values[v], nodes)));
}

/**
 * The short text of a message: its `type`, then what matters for that type
 * (`STATE active`, `STATE hold (ask)`, `SESSION s1`), else the value
 * itself, cut to 40 characters.
 */
export function messageLabel(m: PlainValue): string {
  if (isRecord(m) && typeof m.type === 'string') {
    const type = formatValue(m.type);
    if (m.type === 'STATE' && m.srg1 !== undefined) {
      const flag = m.flag !== undefined && m.flag !== 'none' ? ` (${formatValue(m.flag)})` : '';
      return `${type} ${formatValue(m.srg1)}${flag}`;
    }
    if (m.sids instanceof Set && m.sids.size > 0) return `${type} ${[...m.sids].map((x) => formatValue(x as PlainValue)).join(',')}`;
    if (m.sid !== undefined && m.sid !== 'none') return `${type} ${formatValue(m.sid)}`;
    return type;
  }
  const t = formatValue(m);
  return t.length > 40 ? t.slice(0, 39) + '…' : t;
}

function wentDown(prev: PlainStep, cur: PlainStep, to: string): boolean {
  if (prev.values.icl === 'up' && cur.values.icl === 'down') return true;
  const n0 = prev.values.node;
  const n1 = cur.values.node;
  return n0 instanceof Map && n1 instanceof Map && n0.get(to) === 'up' && n1.get(to) !== 'up';
}

interface Open {
  readonly key: string;
  readonly value: PlainValue;
  readonly from?: string;
  readonly sent: number;
}

/** How many messages left the front of `prev` so that the rest is a prefix of `cur`. */
function dequeued(prev: readonly string[], cur: readonly string[]): number {
  for (let d = 0; d < prev.length; d++) {
    const rest = prev.slice(d);
    if (rest.length <= cur.length && rest.every((k, i) => cur[i] === k)) return d;
  }
  return prev.length;
}

/** Every message of every channel of the trace, in the order they were sent. */
export function extractMessages(trace: PlainTrace, nodes: readonly string[]): readonly MessageArrow[] {
  const out: MessageArrow[] = [];
  for (const channel of messageChannels(trace, nodes)) {
    for (const to of nodes) {
      const peerOf = (step: PlainStep): string | undefined => {
        if (nodes.length === 2) return nodes.find((n) => n !== to);
        const n = stepNode(step, nodes);
        return n !== to ? n : undefined;
      };
      const queueAt = (s: PlainStep) => ((s.values[channel] as ReadonlyMap<string, readonly PlainValue[]>).get(to) ?? []);
      let open: Open[] = queueAt(trace.steps[0]).map((value) => ({
        key: valueKey(value),
        value,
        ...(nodes.length === 2 ? { from: peerOf(trace.steps[0]) as string } : {}),
        sent: 0,
      }));
      for (let i = 1; i < trace.steps.length; i++) {
        const prev = trace.steps[i - 1];
        const step = trace.steps[i];
        const cur = queueAt(step);
        const curKeys = cur.map(valueKey);
        const d = dequeued(open.map((o) => o.key), curKeys);
        const added = cur.slice(open.length - d);
        const lost = (step.action !== undefined && LOSS_ACTIONS.test(step.action)) || wentDown(prev, step, to);
        const byReceiver = Object.values(step.picks ?? {}).some((v) => v === to);
        const fate: MessageFate = lost ? 'lost' : byReceiver ? 'delivered' : added.length > 0 ? 'replaced' : 'lost';
        for (const o of open.slice(0, d)) out.push(arrow(channel, to, o, i, fate));
        const from = peerOf(step);
        open = [
          ...open.slice(d),
          ...added.map((value) => ({ key: valueKey(value), value, ...(from !== undefined ? { from } : {}), sent: i })),
        ];
      }
      for (const o of open) out.push(arrow(channel, to, o, undefined, 'in-flight'));
    }
  }
  return out.sort((a, b) => a.sent - b.sent || (a.end ?? Infinity) - (b.end ?? Infinity));
}

function arrow(channel: string, to: string, o: Open, end: number | undefined, fate: MessageFate): MessageArrow {
  return {
    channel,
    ...(o.from !== undefined ? { from: o.from } : {}),
    to,
    sent: o.sent,
    ...(end !== undefined ? { end } : {}),
    fate,
    label: messageLabel(o.value),
    text: formatValue(o.value),
  };
}
