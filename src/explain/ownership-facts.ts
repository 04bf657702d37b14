/** Owner and expiry of a component (src/policy/component-ownership.ts), and a field's system of record. */
import type { AutomationType } from '../graph/types.js';
import type { MetadataModel } from '../metadata/model.js';
import { type ComponentOwnership, type OwnershipType, resolveComponentOwnership } from '../policy/component-ownership.js';
import { resolveFieldOwnership } from '../policy/ownership.js';
import type { LoadedPolicy } from '../policy/policy.js';
import type { OwnershipFacts, SystemOfRecordFacts } from './types.js';

const TYPE_OF: Partial<Record<AutomationType, OwnershipType>> = {
  flow: 'Flow',
  'process-builder': 'Flow',
  'validation-rule': 'ValidationRule',
  'workflow-rule': 'WorkflowRule',
};

export function ownershipOf(model: MetadataModel, policy: LoadedPolicy, type: OwnershipType, name: string, asOf: string): OwnershipFacts | undefined {
  const wanted = name.toLowerCase();
  const component = resolveComponentOwnership(model, policy).find((candidate) => candidate.type === type && candidate.name.toLowerCase() === wanted);
  return component ? factsOf(component, asOf) : undefined;
}

/** Ownership of an automation, for the types that carry one (Apex and workflow actions do not). */
export function automationOwnership(model: MetadataModel, policy: LoadedPolicy, type: AutomationType, name: string, asOf: string): OwnershipFacts | undefined {
  const ownershipType = TYPE_OF[type];
  // A flow's scheduled or async path (`Flow/Path`) is owned with its flow.
  return ownershipType ? ownershipOf(model, policy, ownershipType, ownershipType === 'Flow' ? name.split('/')[0]! : name, asOf) : undefined;
}

export function systemOfRecord(model: MetadataModel, policy: LoadedPolicy, field: string): SystemOfRecordFacts {
  const ownership = resolveFieldOwnership(model, policy);
  const owner = ownership.ownerOf(field);
  return {
    system: owner.system,
    label: ownership.labelOf(owner.system),
    source: owner.source,
    ...(owner.pattern ? { pattern: owner.pattern } : {}),
    ...(owner.line !== undefined ? { line: owner.line } : {}),
    ...(owner.source === 'policy' && policy.file ? { policyFile: policy.file } : {}),
    ...(owner.tag ? { tag: owner.tag } : {}),
  };
}

function factsOf(component: ComponentOwnership, asOf: string): OwnershipFacts | undefined {
  const facts: OwnershipFacts = {
    ...(component.owner ? { owner: component.owner } : {}),
    ...(component.ownerSource ? { ownerSource: component.ownerSource } : {}),
    ...(component.ownerRef ? { ownerRef: component.ownerRef } : {}),
    ...(component.expires ? { expires: component.expires } : {}),
    ...(component.expiresRef ? { expiresRef: component.expiresRef } : {}),
    ...(component.expires !== undefined && component.expires < asOf ? { expired: true } : {}),
    ...(component.retiring ? { retiring: true } : {}),
  };
  return facts;
}
