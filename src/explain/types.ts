/** What `sf arch explain` answers about one field or one automation: plain data, rendered by render-*.ts. */
import type { SourceRef } from '../metadata/model.js';
import type { StepId } from '../graph/pipeline-types.js';
import type { AutomationType, EdgeKind, WriteOperation } from '../graph/types.js';

export type AutomationRef = {
  id: string;
  name: string;
  type: AutomationType;
  object?: string;
  active: boolean;
  source?: SourceRef;
};

/** One edge of the graph as evidence: who does what to which target, and where it says so. */
export type EdgeFact = {
  kind: EdgeKind;
  automation: AutomationRef;
  /** Object, endpoint, event or automation name at the other end. */
  target: string;
  fields: string[];
  operation?: WriteOperation;
  events?: string[];
  criteria?: string;
  async?: boolean;
  inMemory?: boolean;
  implicit?: string;
  path?: string[];
  note?: string;
  evidence: SourceRef;
};

export type OwnershipFacts = {
  owner?: string;
  ownerSource?: string;
  ownerRef?: SourceRef;
  expires?: string;
  expiresRef?: SourceRef;
  /** Past its expiry on the `--as-of` date. */
  expired?: boolean;
  retiring?: boolean;
};

export type SystemOfRecordFacts = {
  system: string;
  label: string;
  source: 'policy' | 'description' | 'default';
  pattern?: string;
  line?: number;
  /** The policy file, when the policy decided. */
  policyFile?: string;
  tag?: string;
};

export type FieldSubject = {
  kind: 'field';
  name: string;
  object: string;
  label?: string;
  /** Where the project defines it; unset for a field it only mentions (standard fields, mostly). */
  source?: SourceRef;
  systemOfRecord: SystemOfRecordFacts;
  ownership?: OwnershipFacts;
  writers: EdgeFact[];
  readers: EdgeFact[];
};

/** What starts an automation: a save of an object, an event, or a caller. */
export type FiringFact = {
  kind: 'fires-on' | 'subscribes' | 'calls' | 'enqueues';
  /** The object (fires-on/subscribes) or calling automation. */
  from: string;
  events: string[];
  criteria?: string;
  /** Where it sits in that object's pipeline, for fires-on/subscribes. */
  step?: StepId;
  position?: number;
  evidence: SourceRef;
};

export type AutomationSubject = {
  kind: 'automation';
  automation: AutomationRef;
  label?: string;
  /** Other automations with the same name (a flow and a Process Builder, say): the first by id is explained. */
  sameName: string[];
  firedBy: FiringFact[];
  /** Everything it does, sorted by kind, target and evidence. */
  effects: EdgeFact[];
  ownership?: OwnershipFacts;
};

export type ChainHop = {
  from: string;
  to: string;
  automation: string;
  automationType: AutomationType;
  fields: string[];
  operation?: WriteOperation;
  async: boolean;
  /** The enqueued path (scheduled path, queueable) the hop runs through. */
  via?: string;
  evidence: SourceRef;
};

export type ChainEntry = {
  position: number;
  step: StepId;
  stepLabel: string;
  name: string;
  automationType: AutomationType;
  events: string[];
  criteria?: string;
  order?: string;
  via?: string;
  /** Objects and events it writes, publishes or enqueues (in-memory before-save writes are marked), and calls into code not visible. */
  writes: string[];
  callsOut: string[];
  /** Field subjects only, on the field's own object: why this entry reacts to the field. */
  reacts?: 'reads' | 'criteria';
  source?: SourceRef;
};

/** One object's save in the chain, in breadth-first order from the subject. */
export type ChainStage = {
  /** Hops from the subject: 0 is the field's own object. */
  depth: number;
  object: string;
  reachedBy: ChainHop[];
  entries: ChainEntry[];
  /** Hops back to an object already shown: a cycle, not followed again. */
  loopsBack: ChainHop[];
};

export type ChainCut = {
  reason: 'depth' | 'objects';
  /** The limit that was reached. */
  limit: number;
  /** Objects reached but not expanded, sorted. */
  notExpanded: string[];
};

export type Explanation = {
  query: string;
  asOf: string;
  subject: FieldSubject | AutomationSubject;
  chain: ChainStage[];
  cut?: ChainCut;
  limits: { maxDepth: number; maxObjects: number };
};

export type ExplainNotFound = { kind: 'not-found'; query: string; closest: string[] };
