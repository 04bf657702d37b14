import { type OwnershipSource, resolveFieldOwnership } from '../../policy/ownership.js';
import type { RuleContext } from '../../rules/rule.js';
import { componentOf } from '../../rules/support/hops.js';
import { type FieldWriters, fieldWriters, type Verdict } from '../../rules/sor/support/field-writers.js';

/** A system of record as the review understood it. */
export type SorSystem = {
  key: string;
  label: string;
  declaredIn: 'policy' | 'description';
  permissionSets: string[];
  profiles: string[];
  users: string[];
  automations: string[];
  /** Fields of the project it owns. */
  ownedFields: number;
};

/** One writer of a field: automation that writes it, or an integration principal that can edit it. */
export type SorWriter = {
  kind: 'automation' | 'integration';
  /** The system it writes for (`salesforce` for Salesforce's own automation). */
  system: string;
  /** Flow, ApexTrigger, WorkflowRule, PermissionSet, Profile, PermissionSetGroup. */
  type: string;
  name: string;
  /** Automation: `update`, `create`, `in memory`; the element or the Apex path when known. */
  how?: string;
  element?: string;
  path?: string[];
  file?: string;
  line?: number;
  /** Writes for a system other than the owner. */
  foreign: boolean;
};

export type SorField = {
  field: string;
  object: string;
  owner: string;
  source: OwnershipSource;
  /** The policy glob, or the description tag, that decided. */
  pattern?: string;
  tag?: string;
  writers: SorWriter[];
  violation?: Verdict;
};

/** Report data for the system-of-record matrix (issue 5): systems, then owned fields × writers. */
export type SystemOfRecordReport = {
  defaultOwner: string;
  systems: SorSystem[];
  /** Externally owned fields, and fields written for another system than their owner; sorted. */
  fields: SorField[];
};

export function buildSystemOfRecordReport(context: RuleContext): SystemOfRecordReport | undefined {
  const ownership = resolveFieldOwnership(context.model, context.policy);
  const entries = fieldWriters(context).filter((entry) => context.objects.length === 0 || context.objects.includes(entry.owner.object));
  if (ownership.systems().length === 0 && entries.length === 0) return undefined;
  const owned = ownership.ownedFields();
  return {
    defaultOwner: ownership.defaultOwner,
    systems: ownership.systems().map((system) => ({
      key: system.key,
      label: system.label,
      declaredIn: system.declaredIn,
      permissionSets: [...system.integration.permissionSets],
      profiles: [...system.integration.profiles],
      users: [...system.integration.users],
      automations: [...system.integration.automations],
      ownedFields: owned.filter((owner) => owner.system === system.key).length,
    })),
    fields: entries.map(fieldRow),
  };
}

function fieldRow(entry: FieldWriters): SorField {
  const { owner } = entry;
  const writers: SorWriter[] = [
    ...entry.editors.flatMap((editor) =>
      (editor.systems.length > 0 ? editor.systems : ['integration']).map(
        (system): SorWriter => ({
          kind: 'integration',
          system,
          type: editor.ref.type,
          name: editor.ref.name,
          ...(editor.file ? { file: editor.file } : {}),
          foreign: system.toLowerCase() !== owner.system.toLowerCase(),
        }),
      ),
    ),
    ...entry.writes.map((write): SorWriter => {
      const line = write.element?.line ?? write.edge.evidence.line;
      return {
        kind: 'automation',
        system: write.system,
        type: componentOf(write.automation).type,
        name: write.automation.name,
        how: write.edge.inMemory ? 'in memory' : (write.edge.operation ?? 'write'),
        ...(write.element ? { element: `${write.element.kind} ${write.element.name}` } : {}),
        ...(write.edge.path && write.edge.path.length > 1 ? { path: [...write.edge.path] } : {}),
        file: write.edge.evidence.file,
        ...(line !== undefined ? { line } : {}),
        foreign: entry.foreign.includes(write),
      };
    }),
  ];
  return {
    field: owner.field,
    object: owner.object,
    owner: owner.system,
    source: owner.source,
    ...(owner.pattern !== undefined ? { pattern: owner.pattern } : {}),
    ...(owner.tag !== undefined ? { tag: owner.tag } : {}),
    writers: dedupe(writers),
    ...(entry.verdict ? { violation: entry.verdict } : {}),
  };
}

/** One row per writer and way of writing (an automation may write through several paths). */
function dedupe(writers: SorWriter[]): SorWriter[] {
  const seen = new Set<string>();
  return writers.filter((writer) => {
    const key = [writer.kind, writer.system, writer.type, writer.name, writer.how ?? '', writer.element ?? '', (writer.path ?? []).join('>')].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
