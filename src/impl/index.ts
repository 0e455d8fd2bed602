/**
 * ha-verify's implementation under test: an MNHA node written as an HA
 * daemon core, its configuration reader, and a deterministic network to run
 * two of them in. Independent of the models: nothing here imports `models/`,
 * `src/model`, `src/dsl` or XState.
 */
export type {
  IclLossAtActive,
  IclView,
  InterfaceStatus,
  MonitorStatus,
  Preference,
  SessionHaState,
  Srg0State,
  Srg1State,
  SrgId,
} from './domain.js';

export type {
  DeploymentType,
  HaLinkConfig,
  LivenessConfig,
  MnhaConfig,
  MonitorConfig,
  MonitorKind,
  MonitoringConfig,
  PeerConfig,
  Srg0Config,
  Srg1Config,
} from './config/config-types.js';
export { CONFIG_DEFAULTS, CONFIG_RANGES } from './config/config-types.js';
export type { ConfigError, ConfigErrorCode, ConfigNote, ConfigResult, ConfigSources, SourceLine } from './config/config-errors.js';
export { readSetLines } from './config/read-set-lines.js';
export { validatePair, type PairResult } from './config/validate-pair.js';
export { nodeConfig, renderSetLines, type MonitorOption, type NodeConfigOptions } from './config/render-set-lines.js';

export {
  MnhaNode,
  type ColdSyncOutcome,
  type IclDownOutcome,
  type IclUpOutcome,
  type IkeOutcome,
  type ManualFailoverOutcome,
  type PreemptOutcome,
  type NodeDeps,
  type PacketOutcome,
  type ProbeReplyOutcome,
  type ReceiveOutcome,
  type SaDeleteOutcome,
} from './node/mnha-node.js';
export type { NodeInspection } from './node/node-inspection.js';
export { DEFAULT_TIMING, timingFor, type NodeBehaviour, type NodeTiming } from './node/node-behaviour.js';
export type { Clock, IclTransport, IkePeer, NodePorts, Probe, ProbeReply, Prober, RouteAdvertiser, TimerHandle } from './node/ports.js';
export { Ask, type AskState } from './node/ask.js';
export type {
  Heartbeat,
  IclMessage,
  Origin,
  OutgoingBody,
  SaDelete,
  SaRecord,
  SaSync,
  SessionActive,
  SessionRecord,
  StateFlag,
  StateNotification,
} from './node/icl-messages.js';
export { backsOffInSplitBrain, preemptedBy, priorityWinner, type Contender } from './node/activeness-rules.js';
export type { PeerState } from './node/peer-tracker.js';
export { IMPLICIT_MONITOR, monitorName, type MonitorChange } from './node/monitor-set.js';
export { policyPreference } from './node/signal-route-table.js';

export { MnhaNetwork } from './net/network.js';
export type {
  DeliveryResult,
  DetectLossOutcome,
  DetectUpOutcome,
  HeartbeatOutcome,
  MonitorOutcome,
  PacketResult,
  ProbeOutcome,
  QuietResult,
  RoutedPacketResult,
} from './net/network.js';
export { DEFAULT_NETWORK_TIMING, type NetworkOptions, type NetworkTiming, type NodeFactory, type RouteConvergence } from './net/network-options.js';
export { NODE_NAMES, ROUTER_NAMES, peerOf, type NodeName, type RouterName } from './net/names.js';
export { applyStimulus, type Stimulus, type StimulusOutcome } from './net/stimulus.js';
export { runScript, runSteps, type ScriptEntry, type ScriptStep } from './net/script.js';
export { preferredPath, type RouteView } from './net/router.js';
export type { TunnelView } from './net/remote-ike-peer.js';
export { VirtualClock, type FiredTimer } from './net/virtual-clock.js';
export { SeededRandom } from './net/seeded-random.js';

export { copyMessage, observe, settleKey } from './observe/observe.js';
export type {
  DownNodeObservation,
  IclObservation,
  NodeObservation,
  Observation,
  PeerObservation,
  ProbeResponderObservation,
  RouterObservation,
  SaObservation,
  SessionObservation,
  Srg0Observation,
  Srg1Observation,
  TunnelObservation,
  UpNodeObservation,
} from './observe/observation.js';
