/**
 * The typed metadata model: everything later stages (graph, rules, renderers) know about a project.
 * Every element keeps where it came from, so a finding can point a reviewer at a file and line.
 * Types here are data only; parsers live beside this file, one per metadata type.
 */

/** Where an element was read from. `file` is relative to the review's base folder, with `/` separators. */
export type SourceRef = {
  file: string;
  line?: number;
};

export type ParseIssue = {
  file: string;
  /** Metadata type name (CustomObject, Flow, ApexClass, ...) or `Project` for project-level problems. */
  type: string;
  message: string;
};

// ---------------------------------------------------------------------------------------------
// Objects, fields, validation rules

export type ObjectKind =
  | 'standard'
  | 'custom'
  | 'platform-event'
  | 'custom-metadata'
  | 'custom-setting'
  | 'external'
  | 'big-object'
  | 'change-event';

export type DataClassification = {
  businessOwnerGroup?: string;
  businessOwnerUser?: string;
  businessStatus?: string;
  securityClassification?: string;
  complianceGroup?: string;
};

export type RollupSummary = {
  /** `Child__c.Amount__c` as written in the metadata (may be absent for COUNT). */
  summarizedField?: string;
  /** `Child__c.Parent__c`: the master-detail field on the child. */
  summaryForeignKey: string;
  /** count, sum, min, max */
  operation: string;
  /** The child object, derived from summaryForeignKey. */
  childObject: string;
};

export type CustomFieldModel = {
  object: string;
  /** API name on its object, e.g. `Credit_Limit__c`. */
  name: string;
  /** `Account.Credit_Limit__c` */
  fullName: string;
  custom: boolean;
  type?: string;
  label?: string;
  description?: string;
  inlineHelpText?: string;
  externalId: boolean;
  unique: boolean;
  required: boolean;
  formula?: string;
  defaultValue?: string;
  referenceTo: string[];
  relationshipName?: string;
  relationship?: 'lookup' | 'master-detail';
  rollup?: RollupSummary;
  classification: DataClassification;
  source: SourceRef;
};

export type FormulaReferences = {
  /** Field references as written, without `$` globals: `Amount`, `Account.Credit_Limit__c`, `Parent__r.Name`. */
  fields: string[];
  /** Global variable references: `$User.Id`, `$Profile.Name`, `$Permission.Bypass_VR`, `$Setup.Settings__c.Off__c`. */
  globals: string[];
  /** The subset of globals that typically express a bypass: $Permission, $Setup, $User, $Profile, $UserRole. */
  bypass: string[];
  /** Functions used (uppercase): ISCHANGED, PRIORVALUE, ISNEW, ... */
  functions: string[];
};

export type ValidationRuleModel = {
  object: string;
  name: string;
  fullName: string;
  active: boolean;
  description?: string;
  errorConditionFormula: string;
  errorDisplayField?: string;
  errorMessage?: string;
  references: FormulaReferences;
  source: SourceRef;
};

export type CustomObjectModel = {
  /** API name: `Account`, `Invoice__c`, `Order_Event__e`. */
  name: string;
  kind: ObjectKind;
  custom: boolean;
  label?: string;
  pluralLabel?: string;
  description?: string;
  sharingModel?: string;
  externalSharingModel?: string;
  /** Absent when the project only carries children of the object (common for standard objects). */
  source?: SourceRef;
  fields: CustomFieldModel[];
  validationRules: ValidationRuleModel[];
};

// ---------------------------------------------------------------------------------------------
// Flows (including Process Builder, which is a Flow with processType Workflow)

export type FlowFilter = {
  field: string;
  operator: string;
  /** The value as written: a literal, or a `{!reference}`-style element reference. */
  value?: string;
};

export type FlowScheduledPath = {
  name?: string;
  label?: string;
  /** `AsyncAfterCommit` for the run-asynchronously path; absent for time-based paths. */
  pathType?: string;
  offsetNumber?: number;
  offsetUnit?: string;
  timeSource?: string;
  recordField?: string;
  /** First element on the path. */
  target?: string;
};

export type FlowTriggerKind = 'record' | 'platform-event' | 'scheduled' | 'none';

export type FlowTrigger = {
  kind: FlowTriggerKind;
  object?: string;
  /** RecordBeforeSave, RecordAfterSave, RecordBeforeDelete, PlatformEvent, Scheduled */
  triggerType?: string;
  /** Create, Update, CreateAndUpdate, Delete */
  recordTriggerType?: string;
  filterLogic?: string;
  filters: FlowFilter[];
  filterFormula?: string;
  /** `doesRequireRecordChangedToMeetCriteria`: runs only when the record changes to meet the criteria. */
  requiresRecordChanged: boolean;
  triggerOrder?: number;
  scheduledPaths: FlowScheduledPath[];
  /** For Process Builder: the values read from processMetadataValues (ObjectType, TriggerType). */
  processBuilderTriggerType?: string;
  /** The first element run (start connector target). */
  target?: string;
};

export type FlowElementKind =
  | 'recordUpdate'
  | 'recordCreate'
  | 'recordDelete'
  | 'recordLookup'
  | 'recordRollback'
  | 'assignment'
  | 'subflow'
  | 'actionCall'
  | 'apexPluginCall'
  | 'loop'
  | 'decision'
  | 'wait'
  | 'screen'
  | 'collectionProcessor'
  | 'transform'
  | 'customError'
  | 'orchestratedStage'
  | 'step'
  | 'other';

export type FlowConnectorKind =
  | 'next'
  | 'fault'
  | 'default'
  | 'rule'
  | 'loop-next'
  | 'loop-end'
  | 'wait-event'
  | 'scheduled-path';

export type FlowConnector = {
  target: string;
  kind: FlowConnectorKind;
  /** Rule or wait-event name for `rule`/`wait-event` connectors. */
  label?: string;
};

export type FlowAssignmentItem = {
  /** Reference as written, e.g. `$Record.Status__c`, `varAccount.Name`. */
  target: string;
  operator: string;
  value?: string;
};

export type FlowElement = {
  kind: FlowElementKind;
  /** The element's API name (unique within the flow). */
  name: string;
  label?: string;
  line?: number;
  connectors: FlowConnector[];
  /** Record elements: the object written or read, when it can be known. */
  object?: string;
  /** Record elements: whether the element targets the triggering record (`$Record`). */
  targetsTriggeringRecord?: boolean;
  /** Record elements: `inputReference` (a variable or `$Record`). */
  inputReference?: string;
  /** Record elements: filters. */
  filters?: FlowFilter[];
  /** Record update/create: the fields assigned (`inputAssignments`), API names on `object`. */
  fields?: string[];
  /** Assignment elements. */
  assignments?: FlowAssignmentItem[];
  /** Subflow elements: the called flow. */
  flowName?: string;
  /** Action calls: apex, flow, emailAlert, externalService, submit, quickAction, ... */
  actionType?: string;
  actionName?: string;
  /** Loop elements. */
  collectionReference?: string;
};

export type FlowModel = {
  /** API name (file name without extension). */
  name: string;
  label?: string;
  description?: string;
  processType?: string;
  /** Active, Draft, Obsolete, InvalidDraft; Active when the file says nothing (older metadata). */
  status: string;
  apiVersion?: string;
  isProcessBuilder: boolean;
  trigger: FlowTrigger;
  elements: FlowElement[];
  /** `$Permission.X` references (formulas, decision conditions, entry criteria), in file order; absent when none. */
  permissionChecks?: FlowPermissionCheck[];
  source: SourceRef;
};

/** A `$Permission.X` in a flow: the top-level element it sits in, and its line. */
export type FlowPermissionCheck = { permission: string; where: string; line: number };

// ---------------------------------------------------------------------------------------------
// Apex

export type ApexDmlOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'undelete' | 'merge';

/** An SObject type as inferred from code: an API name, or `unknown` when it cannot be known. */
export type ApexSObjectType = string;

export type ApexDml = {
  operation: ApexDmlOperation;
  sobjectType: ApexSObjectType;
  /** The DML target expression as written (`accounts`, `Trigger.new`). */
  expression: string;
  /** `Database.update(...)` rather than an `update` statement. */
  viaDatabase: boolean;
  line: number;
  inLoop: boolean;
  /** The target is what a call into another class returns (`update selector.contacts()`): its type is that method's return type. */
  via?: { className: string; method: string };
};

export type ApexSoql = {
  /** Objects in FROM (outer query first). */
  objects: string[];
  /** Fields selected from the outer object, as written. */
  fields: string[];
  kind: 'soql' | 'sosl' | 'dynamic';
  line: number;
  inLoop: boolean;
};

export type ApexFieldAssignment = {
  sobjectType: ApexSObjectType;
  field: string;
  /** Variable or expression being assigned on (`acc`, `Trigger.new[0]`). */
  target: string;
  line: number;
};

export type ApexCall = {
  /** Qualifier as written (`AccountService`, `svc`, `this`), absent for unqualified calls. */
  qualifier?: string;
  /** The class the call resolves to when known (static call, typed variable, `new X().m()`). */
  className?: string;
  method: string;
  line: number;
  inLoop: boolean;
  /** The receiver's class is known exactly (`new X().m()`, a local made by `new X()`): no dispatch to subclasses. */
  exact?: boolean;
  /** The receiver is the method's parameter at this position: what a caller passes there can say its class. */
  receiverParam?: number;
  /** Exact classes of the arguments (`new X()`) by position, null where unknown; present only when one is known. */
  argClasses?: Array<string | null>;
  /** The receiver was made by `Type.forName(...).newInstance()`: where the class name came from, when known. */
  dynamic?: ApexDynamicSource;
  /** The receiver is the variable of a for-each over Apex objects (a handler registry), called directly in that loop. */
  loopVariable?: { outerInLoop: boolean };
  /** SObject types of the arguments (`accounts`, a `List<Account>`), when known: what code out of sight may write. */
  argObjects?: string[];
};

/** Where a `Type.forName` class name comes from: a literal, or a field of custom metadata records. */
export type ApexDynamicSource = { className?: string; sobject?: string; field?: string };

export type ApexCallout = {
  kind: 'http' | 'future-callout' | 'queueable-callout' | 'webservice-callout' | 'email';
  line: number;
};

export type ApexAsync = {
  kind: 'future' | 'queueable' | 'batch' | 'schedule' | 'platform-event';
  /** Class enqueued/scheduled, or the event type published, when known. */
  target?: string;
  line: number;
};

export type ApexGuardCheck = {
  /** Static member referenced in a condition: `TriggerGuard.hasRun`, `processedIds`. */
  member: string;
  line: number;
};

/** `FeatureManagement.checkPermission('X')`: the code asks for custom permission X (usually to skip itself). */
export type ApexPermissionCheck = { permission: string; line: number };

export type ApexCodeBlock = {
  calls: ApexCall[];
  dml: ApexDml[];
  soql: ApexSoql[];
  fieldAssignments: ApexFieldAssignment[];
  callouts: ApexCallout[];
  async: ApexAsync[];
  guardChecks: ApexGuardCheck[];
  /** Custom permissions the code checks, with a literal name; absent when it checks none. */
  permissionChecks?: ApexPermissionCheck[];
  /** Objects the code casts `Trigger.new`/`old`/`newMap`/`oldMap` to: it only runs in triggers of these objects. */
  triggerObjects?: string[];
};

export type ApexMethodModel = ApexCodeBlock & {
  name: string;
  line: number;
  isStatic: boolean;
  /** Lower-case annotation names: future, invocablemethod, auraenabled, ... */
  annotations: string[];
  /** `@future(callout=true)` */
  futureCallout: boolean;
  parameters: Array<{ name: string; type: string }>;
  returnType?: string;
  /** Abstract and interface methods: no body, an override or implementation runs instead. */
  isAbstract?: boolean;
};

export type ApexStaticMember = {
  name: string;
  type: string;
  line: number;
  /** static Boolean / static Set<Id> / static Map<Id,...> / static Integer counters: the usual recursion guards. */
  guardCandidate: boolean;
};

export type ApexClassModel = {
  name: string;
  apiVersion?: string;
  status?: string;
  isTest: boolean;
  isInterface: boolean;
  superclass?: string;
  interfaces: string[];
  annotations: string[];
  staticMembers: ApexStaticMember[];
  methods: ApexMethodModel[];
  /** Inner classes flattened as `Outer.Inner`. */
  innerClasses: string[];
  isAbstract?: boolean;
  isVirtual?: boolean;
  /** Inner classes and interfaces with what they extend and implement (names resolved within the file). */
  innerTypes?: ApexInnerType[];
  source: SourceRef;
};

export type ApexInnerType = {
  /** `Outer.Inner` */
  name: string;
  superclass?: string;
  interfaces: string[];
  isInterface: boolean;
  isAbstract: boolean;
};

export type ApexTriggerEvent =
  | 'before insert'
  | 'before update'
  | 'before delete'
  | 'after insert'
  | 'after update'
  | 'after delete'
  | 'after undelete';

export type ApexTriggerModel = {
  name: string;
  object: string;
  events: ApexTriggerEvent[];
  /** From the -meta.xml `status` (Active/Inactive/Deleted); Active when absent. */
  status: string;
  active: boolean;
  apiVersion?: string;
  body: ApexCodeBlock;
  source: SourceRef;
};

// ---------------------------------------------------------------------------------------------
// Workflow

export type WorkflowActionRef = { name: string; type: string };

export type WorkflowRuleModel = {
  object: string;
  name: string;
  fullName: string;
  active: boolean;
  description?: string;
  /** onCreateOnly, onCreateOrTriggeringUpdate, onAllChanges */
  triggerType?: string;
  formula?: string;
  criteriaItems: FlowFilter[];
  booleanFilter?: string;
  actions: WorkflowActionRef[];
  timeTriggerActions: WorkflowActionRef[];
  source: SourceRef;
};

export type WorkflowFieldUpdateModel = {
  object: string;
  name: string;
  fullName: string;
  /** The field updated (on `targetObject` when set, else on `object`). */
  field: string;
  /** For cross-object field updates: the relationship name to the parent (as in the metadata). */
  targetObject?: string;
  reevaluateOnChange: boolean;
  operation?: string;
  formula?: string;
  literalValue?: string;
  notifyAssignee: boolean;
  description?: string;
  source: SourceRef;
};

export type WorkflowOutboundMessageModel = {
  object: string;
  name: string;
  fullName: string;
  endpointUrl: string;
  fields: string[];
  integrationUser?: string;
  description?: string;
  source: SourceRef;
};

export type WorkflowAlertModel = {
  object: string;
  name: string;
  fullName: string;
  description?: string;
  template?: string;
  source: SourceRef;
};

export type WorkflowTaskModel = {
  object: string;
  name: string;
  fullName: string;
  subject?: string;
  source: SourceRef;
};

export type WorkflowModel = {
  object: string;
  rules: WorkflowRuleModel[];
  fieldUpdates: WorkflowFieldUpdateModel[];
  outboundMessages: WorkflowOutboundMessageModel[];
  alerts: WorkflowAlertModel[];
  tasks: WorkflowTaskModel[];
  source: SourceRef;
};

// ---------------------------------------------------------------------------------------------
// Permissions

export type ObjectPermission = {
  object: string;
  create: boolean;
  read: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
};

export type FieldPermission = {
  /** `Account.Credit_Limit__c` */
  field: string;
  readable: boolean;
  editable: boolean;
};

export type PermissionContainerKind = 'PermissionSet' | 'Profile' | 'MutingPermissionSet';

export type PermissionContainerModel = {
  kind: PermissionContainerKind;
  name: string;
  label?: string;
  description?: string;
  /** PermissionSet `license`, Profile `userLicense`. */
  license?: string;
  custom?: boolean;
  /** Enabled user (system) permissions, sorted. For muting permission sets: the muted ones. */
  userPermissions: string[];
  objectPermissions: ObjectPermission[];
  fieldPermissions: FieldPermission[];
  /** Apex classes with access enabled, sorted. */
  classAccess: string[];
  /**
   * Custom permissions enabled (`<customPermissions><name>X</name><enabled>true</enabled>`), sorted; for
   * muting permission sets, the muted ones. Absent in models built before they were read.
   */
  customPermissions?: string[];
  /** External credential principals it gives access to (`<externalCredentialPrincipalAccesses>`), sorted: how named credentials reach users. */
  externalCredentialPrincipals?: string[];
  tabCount: number;
  source: SourceRef;
};

export type PermissionSetGroupModel = {
  name: string;
  label?: string;
  description?: string;
  status?: string;
  permissionSets: string[];
  mutingPermissionSets: string[];
  source: SourceRef;
};

// ---------------------------------------------------------------------------------------------
// Custom permissions, and the automation that checks them

export type CustomPermissionModel = {
  /** API name: `Bypass_Validation`. */
  name: string;
  label?: string;
  description?: string;
  isLicensed: boolean;
  /** The connected app it belongs to, when it is one's. */
  connectedApp?: string;
  /** Custom permissions a holder must also have (`requiredPermission`), sorted. */
  requires?: string[];
  source: SourceRef;
};

/** Where a custom permission is asked for: the holder skips (or gets) what the check guards. */
export type PermissionCheckSite = {
  /** `ValidationRule`, `Flow`, `ApexClass`, `ApexTrigger`. */
  type: 'ValidationRule' | 'Flow' | 'ApexClass' | 'ApexTrigger';
  /** `Account.SAP_Customer_Id_Is_Locked`, `Account_Before_Save`, `AccountService.apply`. */
  component: string;
  /** The custom permission's API name as written (`$Permission.X`, `checkPermission('X')`). */
  permission: string;
  /** Where in the component: `formula Skip_Check`, `decision Is_Bypassed`, `entry criteria`, `error condition`. */
  where: string;
  file: string;
  line?: number;
};

// ---------------------------------------------------------------------------------------------
// Custom metadata records

export type CustomMetadataRecordModel = {
  /** The custom metadata type: `Trigger_Handler__mdt`. */
  type: string;
  /** The record's developer name: `AccountHandler`. */
  name: string;
  /** Field values that are present (nil values left out), in file order. */
  values: Array<{ field: string; value: string }>;
  source: SourceRef;
};

// ---------------------------------------------------------------------------------------------
// The whole model

export type OtherComponent = {
  type: string;
  fullName: string;
  file: string;
};

export type MetadataModel = {
  /** The source folders read, relative to the base folder. */
  sourceDirs: string[];
  objects: CustomObjectModel[];
  flows: FlowModel[];
  apexClasses: ApexClassModel[];
  apexTriggers: ApexTriggerModel[];
  workflows: WorkflowModel[];
  permissionSets: PermissionContainerModel[];
  profiles: PermissionContainerModel[];
  mutingPermissionSets: PermissionContainerModel[];
  permissionSetGroups: PermissionSetGroupModel[];
  /** Custom metadata records (handler registries name classes in them); absent in models built before they were read. */
  customMetadataRecords?: CustomMetadataRecordModel[];
  /** Custom permissions defined by the project; absent in models built before they were read. */
  customPermissions?: CustomPermissionModel[];
  /** Components the analysis does not model, kept so counts are honest. */
  otherComponents: OtherComponent[];
  parseIssues: ParseIssue[];
};

/** A model with nothing read yet: what the loader fills in, and what tests start from. */
export function emptyModel(sourceDirs: string[] = []): MetadataModel {
  return {
    sourceDirs,
    objects: [],
    flows: [],
    apexClasses: [],
    apexTriggers: [],
    workflows: [],
    permissionSets: [],
    profiles: [],
    mutingPermissionSets: [],
    permissionSetGroups: [],
    customMetadataRecords: [],
    customPermissions: [],
    otherComponents: [],
    parseIssues: [],
  };
}

export const emptyCodeBlock = (): ApexCodeBlock => ({
  calls: [],
  dml: [],
  soql: [],
  fieldAssignments: [],
  callouts: [],
  async: [],
  guardChecks: [],
});
