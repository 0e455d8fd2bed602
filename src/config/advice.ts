/**
 * What a property and a fault mean to a network engineer: the
 * configuration statements that bear on them and what would remove a
 * violation (an MNHA option, a routing policy, a fault that must not
 * happen). Written from MNHA.md sections 4, 5 and 8.
 */

/** A property of the model, as the report explains it. */
export interface PropertyAdvice {
  /** What the violation means on the network. */
  readonly meaning: string;
  /** Statement keys (see `sourcesOf`) on both nodes that make the violation possible. */
  readonly keys: readonly string[];
  /** What would remove it, besides avoiding the faults of its trace. */
  readonly remedy: string;
}

/** A step of a trace that is a fault or an operator's act, as the report explains it. */
export interface FaultAdvice {
  readonly what: string;
  readonly keys: readonly string[];
  readonly remedy: string;
}

const ELECTION = ['srg1.activeness-probe', 'srg1.activeness-priority', 'local-id'];

/** Advice for every property of the MNHA model, by name. */
export const PROPERTY_ADVICE: Readonly<Record<string, PropertyAdvice>> = {
  IclWithinBound: { meaning: 'more HA messages were in flight than the search allows; the other verdicts of this run are inconclusive', keys: [], remedy: 'narrow --faults, or check the scenario written by --out with TLC and a larger IclCapacity' },
  AtMostOneActiveWhenIclUp: { meaning: 'both nodes are active while they can talk over the ICL', keys: ELECTION, remedy: 'give the nodes different activeness-priorities so that elections and split brains have one winner' },
  SplitBrainOnlyWithRouterFault: { meaning: 'both nodes became active without the probe router misbehaving: the protocol itself let them', keys: [...ELECTION, 'srg1.active-signal-route', 'srg1.backup-signal-route'], remedy: 'the trace shows the order of events that does it; keep both signal routes and matching policies on both nodes' },
  NoSplitBrain: { meaning: 'both nodes are active at once (split brain): both advertise the service routes and both may forward its traffic', keys: ['srg1.activeness-probe', 'peer-ip', 'srg1.active-signal-route'], remedy: 'keep the ICL from failing alone (two ICL paths), and make the probe router answer only along its preferred path to the floating IP' },
  RightNodeBacksOff: { meaning: 'in a split brain the node that backed off was not the one MNHA names (lower priority, else lower local-id)', keys: ['srg1.activeness-priority', 'local-id'], remedy: 'with equal or unset activeness-priorities, set different ones so that the resolution is explicit; with different ones, the events of its trace are what make the other node back off during the split brain' },
  SignalRoutesExclusive: { meaning: 'a node holds both signal routes at once', keys: ['srg1.active-signal-route', 'srg1.backup-signal-route'], remedy: 'use two different signal routes' },
  SignalRouteMatchesState: { meaning: "a node's signal routes do not match its HA state", keys: ['srg1.active-signal-route', 'srg1.backup-signal-route'], remedy: 'configure both signal routes on both nodes' },
  IneligibleIsSilent: { meaning: 'a failed (ineligible) node still attracts traffic', keys: ['srg1.monitor', 'srg1.active-signal-route'], remedy: 'make the routing policy advertise the service routes only with a signal route present' },
  PreferenceFollowsSignalRoute: { meaning: 'the advertised preference does not follow the signal routes', keys: ['srg1.active-signal-route', 'srg1.backup-signal-route'], remedy: 'make the export policy test both signal routes (if-route-exists)' },
  TrafficToActive: { meaning: 'the routers steer traffic away from the only active node', keys: ['srg1.active-signal-route'], remedy: 'make the export policy prefer the node holding the active-signal-route' },
  IsolatedShutsInterfaces: { meaning: 'an isolated SRG0 keeps its interfaces up', keys: ['srg0.shutdown-on-failure'], remedy: 'list the interfaces in shutdown-on-failure' },
  NoProbingWhileIclUp: { meaning: 'a node probes although it can see its peer over the ICL', keys: ['srg1.activeness-probe'], remedy: 'no configuration removes it: report it with the trace' },
  SessionActiveOnce: { meaning: 'a flow session is active on both nodes while the ICL is up: both forward it and their state diverges', keys: ['srg0', 'peer-ip'], remedy: 'avoid asymmetric routing of one flow through both nodes; keep the ICL up' },
  IkeOnlyFromActive: { meaning: 'IKE negotiates or deletes SAs from a node that is not active', keys: ['srg1.managed-services', 'lo0'], remedy: 'use the floating IP as IKE local address on both nodes' },
  LeavesHold: { meaning: 'a node can stay in hold for ever (never active nor backup)', keys: ['srg1.activeness-probe', 'peer-ip'], remedy: 'make sure the probe destination answers, and keep the ICL up so that the nodes can elect' },
  BackupTakesOver: { meaning: 'the backup does not take over when the active node is gone', keys: ['srg1.activeness-probe', 'srg1.backup-signal-route'], remedy: 'configure backup-signal-route so that the routers prefer the backup when the active node is gone' },
  SplitBrainResolves: { meaning: 'a split brain may last for ever', keys: ELECTION, remedy: 'give the nodes different activeness-priorities' },
  LeavesIneligibleAndIsolated: { meaning: 'a failed SRG never recovers', keys: ['srg1.monitor', 'srg0.monitor'], remedy: 'check the monitored objects and thresholds' },
  PreemptionRestoresPriority: { meaning: 'with preemption on, the higher-priority node may never get activeness back', keys: ['srg1.preemption', 'srg1.activeness-priority'], remedy: 'configure preemption on both nodes, with different activeness-priorities' },
  ColdSyncCompletes: { meaning: 'a cold sync may never complete', keys: ['srg0', 'peer-ip'], remedy: 'keep the ICL up long enough for the cold sync' },
  SomeNodeActive: { meaning: 'no node may ever become active (both backup or both in hold for ever): the service is down', keys: ['srg1.activeness-probe', 'peer-ip'], remedy: 'make sure the probe destination answers the floating IP, and keep the ICL up' },
  IneligibleForwardsNothing: { meaning: 'a failed (ineligible) node attracts traffic, or keeps an IPsec SA in use, while its healthy peer could carry the traffic: what it receives is dropped', keys: ['srg1.monitor', 'srg1.backup-signal-route'], remedy: 'configure backup-signal-route on both nodes, with an export policy that advertises it above the default preference' },
  NoTunnelFlapAfterSyncedFailover: { meaning: 'after a failover whose IPsec SAs were synchronised, the new active node renegotiates and the VPN tunnels flap', keys: ['srg1.managed-services', 'vpn-profile'], remedy: 'keep the SAs synchronised over the ICL (HA link encryption and the VPN on SRG1 on both nodes)' },
  AvailableDuringIclOutage: { meaning: 'during an ICL outage no node is active although one is healthy: the failed node advertises the same low preference as the healthy node in hold, the routers break the tie toward the failed node, and the healthy node\'s probes are never answered: the service is down until the ICL or the failed node recovers', keys: ['srg1.monitor', 'srg1.activeness-probe', 'peer-ip'], remedy: 'make a failed node advertise less than a healthy one (an export policy that withdraws the service routes when neither signal route exists), and give the ICL two paths' },
  ManualFailoverTakesEffect: { meaning: 'a manual failover (or a return from ineligible) handed to a healthy backup may never take effect: both nodes stay backup', keys: [], remedy: 'request a failover only while the ICL is up; report the trace: it is a gap of the protocol' },
  Deadlock: { meaning: 'the pair can reach a state where nothing more can happen', keys: [], remedy: 'report it with the trace: it is a gap of the model' },
};

/** Advice for the fault and operator steps of the model, by step name. */
export const FAULT_ADVICE: Readonly<Record<string, FaultAdvice>> = {
  IclCut: { what: 'the ICL goes down', keys: ['peer-ip', 'peer.interface'], remedy: 'give the ICL two paths (e.g. a loopback ICL reachable over two links) so that one link failing does not cut it' },
  Crash: { what: 'a node crashes', keys: ['local-id'], remedy: 'a fault that must not happen: no configuration prevents it' },
  Srg1MonitorFail: { what: "SRG1's monitors reach their threshold", keys: ['srg1.monitor'], remedy: 'a monitored object failing: check the weights and srg-threshold' },
  Srg0MonitorFail: { what: "SRG0's monitors reach their threshold", keys: ['srg0.monitor'], remedy: 'a monitored object failing: check the weights and srg-threshold' },
  RouterMisbehaves: { what: 'the probe router answers a probe off its preferred path', keys: ['srg1.activeness-probe'], remedy: 'make the probe router answer only along its best path to the floating IP (no static or equal-cost routes to it toward both nodes, strict uRPF on its interfaces)' },
  ProbeLossStarts: { what: 'activeness probes or their answers are lost', keys: ['srg1.activeness-probe'], remedy: 'probe an address that is reached without loss (a router interface, not a host behind a firewall)' },
  ManualFailoverRequest: { what: 'an operator requests a manual failover', keys: [], remedy: 'do not request a failover while the ICL is down or a message is pending' },
  Preempt: { what: 'preemption moves activeness to the higher priority', keys: ['srg1.preemption', 'srg1.activeness-priority'], remedy: 'preemption is an option: turn it off to avoid these moves' },
  SaDelete: { what: 'an operator deletes the VPN SAs', keys: ['srg1.managed-services'], remedy: 'delete SAs on the active node only' },
  Packet: { what: 'a packet of a flow arrives at a node', keys: ['srg0'], remedy: 'route both directions of a flow through the same node' },
};
