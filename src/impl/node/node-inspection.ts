/**
 * A node's state read from the outside, as plain data (what `show chassis
 * high-availability` would print). The network's observation is built from it.
 */
import type { IclView, InterfaceStatus, Preference, Srg0State, Srg1State } from '../domain.js';
import type { SaRecord, SessionRecord } from './icl-messages.js';
import type { PeerState } from './peer-tracker.js';
import type { AskState } from './ask.js';

/** Everything observable about one running node. */
export interface NodeInspection {
  readonly localId: number;
  readonly incarnation: number;
  readonly iclView: IclView;
  readonly peer: PeerState | null;
  readonly srg0: {
    readonly state: Srg0State;
    readonly interfaces: readonly { readonly name: string; readonly status: InterfaceStatus }[];
    readonly failedMonitors: readonly string[];
  };
  readonly srg1: {
    readonly state: Srg1State;
    readonly signalRoutes: { readonly active: boolean; readonly backup: boolean };
    readonly preference: Preference;
    readonly probing: boolean;
    readonly forwarding: boolean;
    readonly failedMonitors: readonly string[];
    /** Where the node stands with its ask (PROTOCOL.md "Asking"). */
    readonly ask: AskState;
  };
  readonly sessions: readonly SessionRecord[];
  readonly sas: readonly SaRecord[];
  readonly ikeNegotiations: number;
}
