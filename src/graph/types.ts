/**
 * The automation graph's vocabulary. Nodes are objects, fields, automations, platform events and
 * external endpoints; edges say what fires on what, what writes what, and how sure we are.
 */
import type { SourceRef } from '../metadata/model.js';

export type AutomationType =
  | 'flow'
  | 'process-builder'
  | 'apex-trigger'
  | 'apex-method'
  | 'validation-rule'
  | 'workflow-rule'
  | 'workflow-field-update'
  | 'outbound-message'
  | 'email-alert'
  | 'roll-up-summary';

export type NodeKind = 'object' | 'field' | 'automation' | 'endpoint';

export type GraphNode = {
  id: string;
  kind: NodeKind;
  /** API name: `Account`, `Account.Credit_Limit__c`, `Account_After_Save`, `AccountService.sync`. */
  name: string;
  label?: string;
  automationType?: AutomationType;
  /** The object an automation or field belongs to. */
  object?: string;
  /** Object kind for object nodes (`platform-event` for `__e`). */
  objectKind?: string;
  /** Only active automation fires; drafts and inactive rules are kept but marked. */
  active?: boolean;
  source?: SourceRef;
  /** Code the project does not hold (a managed package's, or a class not in the project): its effects are unknown. */
  notVisible?: true;
};

export type EdgeKind =
  | 'fires-on'
  | 'writes'
  | 'reads'
  | 'calls'
  | 'publishes'
  | 'subscribes'
  | 'calls-out'
  | 'changes-access'
  | 'enqueues'
  /** To code the project does not hold (a managed package's class, a class not in the project): what it does is unknown. */
  | 'calls-not-visible';

export type Confidence = 'certain' | 'likely' | 'possible';

export type WriteOperation = 'update' | 'create' | 'delete' | 'undelete' | 'upsert' | 'merge';

/** Why the platform adds an edge admins forget. */
export type ImplicitReason = 'roll-up-summary' | 'workflow-refire' | 'cross-object-workflow';

export type GraphEdge = {
  kind: EdgeKind;
  source: string;
  target: string;
  confidence: Confidence;
  /** Where the evidence is: the element, statement or field that makes the edge. */
  evidence: SourceRef;
  /** fires-on: the events (`before update`, `after insert`, `create`, `update`, ...). */
  events?: string[];
  /** fires-on: entry criteria as written (filter formula, record-trigger filters, workflow criteria). */
  criteria?: string;
  /** writes/reads: the fields, `Object.Field`, sorted. Empty when unknown. */
  fields?: string[];
  operation?: WriteOperation;
  /** writes: whether the write targets the record being saved. */
  targetsTriggeringRecord?: boolean;
  /** writes: a before-save assignment to the record being saved: changes it in memory, with no DML
   * and no second save (so it can never re-trigger anything). */
  inMemory?: boolean;
  /** Edges reached through calls: the chain from the automation that fires to the statement, e.g.
   * `AccountTrigger → AccountTriggerHandler.afterUpdate → AccountService.syncTier:42`. */
  path?: string[];
  /** Apex: static guard members checked on the path before the statement (`Handler.isRunning`). */
  guards?: string[];
  /** The statement runs inside a loop (in its method or in a caller on the path). */
  inLoop?: boolean;
  /** The hop runs in a later transaction (async path, future, queueable, platform event). */
  async?: boolean;
  implicit?: ImplicitReason;
  /** Free text that helps a reviewer: the element name, the action, the endpoint. */
  note?: string;
};

export const nodeId = {
  object: (name: string): string => `object:${name}`,
  field: (fullName: string): string => `field:${fullName}`,
  automation: (type: AutomationType, name: string): string => `${type}:${name}`,
  endpoint: (url: string): string => `endpoint:${url}`,
};
