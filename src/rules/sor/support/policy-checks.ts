/**
 * The checks of `sor/policy-mismatch`, one function each: names in the policy the project does not have,
 * globs of two systems claiming a field equally, and descriptions that contradict the policy.
 */
import type { MetadataModel } from '../../../metadata/model.js';
import { type FieldOwnership, globToRegExp } from '../../../policy/ownership.js';
import type { LoadedPolicy } from '../../../policy/policy.js';
import type { FindingComponent } from '../../../review/finding.js';
import type { RuleFinding } from '../../rule.js';
import { fieldComponent } from './describe.js';
import { closest, type KnownNames } from './known-names.js';
import { compare } from '../../../shared/compare.js';

export type PolicyContext = { model: MetadataModel; policy: LoadedPolicy; ownership: FieldOwnership; known: KnownNames };

/** A field glob (`systems.<s>.owns`, `protectedFields`) that matches nothing the project has: a typo, or a removed field. */
export function unmatchedGlobs({ policy, known }: PolicyContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const globs: Array<{ path: Array<string | number>; pattern: string }> = [];
  for (const [system, declared] of Object.entries(policy.policy.systems ?? {}).sort(([a], [b]) => compare(a, b))) {
    (declared.owns ?? []).forEach((pattern, index) => globs.push({ path: ['systems', system, 'owns', index], pattern }));
  }
  (policy.policy.protectedFields ?? []).forEach((pattern, index) => globs.push({ path: ['protectedFields', index], pattern }));
  for (const { path, pattern } of globs) {
    const regex = globToRegExp(pattern);
    if (known.fields.some((field) => regex.test(field))) continue;
    const dot = pattern.indexOf('.');
    const objectPart = pattern.slice(0, dot);
    const fieldPart = pattern.slice(dot + 1);
    const wild = (text: string): boolean => /[*?]/.test(text);
    // A standard field of a standard object the project never mentions may still exist in the org.
    if (!wild(fieldPart) && !fieldPart.includes('__') && !objectPart.includes('__')) continue;
    const objectRegex = globToRegExp(objectPart);
    const objects = known.objects.filter((object) => objectRegex.test(object));
    let why: string;
    if (objects.length === 0 && !wild(objectPart)) {
      const near = closest(objectPart, known.objects);
      why = `there is no object ${objectPart} in the project${near ? ` (did you mean ${near}?)` : ''}`;
    } else {
      const candidates = known.fields.filter((field) => objects.some((object) => field.toLowerCase().startsWith(`${object.toLowerCase()}.`)));
      const near = wild(pattern) ? undefined : closest(pattern, candidates);
      why = `no field of ${objects.length === 1 ? objects[0]! : objectPart} matches${near ? ` (did you mean ${near}?)` : ''}`;
    }
    const line = policy.lineOf(path);
    findings.push({
      severity: 'medium',
      message: `${where(policy, line)}${label(path)} "${pattern}" matches no field: ${why}. The policy protects nothing there, so ownership checks silently skip the field it meant.`,
      components: [policyComponent(policy, path, line)],
      evidence: [{ text: `${label(path)}: ${pattern}`, ...fileLine(policy, line) }],
      identity: ['unmatched', ...path.map(String), pattern],
    });
  }
  return findings;
}

/** Description tag and policy name different owners: the policy wins, but one of them is wrong. */
export function disagreements({ model, policy, ownership }: PolicyContext): RuleFinding[] {
  return ownership.disagreements().map((owner) => {
    const path = owner.policyPath ?? ['systems', owner.system, 'owns'];
    return {
      severity: 'medium',
      message:
        `${where(policy, owner.line)}${owner.field}: its description says "System of record: ${owner.tag ?? ''}" (${ownership.labelOf(owner.tagSystem ?? '')}) ` +
        `but the policy (${label(path)} "${owner.pattern ?? ''}") gives it to ${ownership.labelOf(owner.system)}. The policy wins; fix whichever is wrong.`,
      object: owner.object,
      components: [fieldComponent(owner.field, model), policyComponent(policy, path, owner.line)],
      evidence: [
        { text: `${label(path)}: ${owner.pattern ?? ''}`, ...fileLine(policy, owner.line) },
        { text: `description: System of record: ${owner.tag ?? ''}`, file: fieldComponent(owner.field, model).file },
      ],
      identity: ['disagreement', owner.field.toLowerCase()],
    };
  });
}

/** Globs of two systems that claim a field equally specifically: the first system by key wins, by accident. */
export function overlaps({ policy, ownership }: PolicyContext): RuleFinding[] {
  const byPatterns = new Map<string, { patterns: ReturnType<FieldOwnership['overlaps']>[number]['patterns']; fields: string[] }>();
  for (const overlap of ownership.overlaps()) {
    const key = overlap.patterns.map((pattern) => pattern.path.join('/')).join('|');
    const entry = byPatterns.get(key) ?? { patterns: overlap.patterns, fields: [] };
    entry.fields.push(overlap.field);
    byPatterns.set(key, entry);
  }
  return [...byPatterns.values()].map(({ patterns, fields }) => {
    const last = patterns.at(-1)!;
    const shown = fields.slice(0, 5).join(', ') + (fields.length > 5 ? ` and ${fields.length - 5} more` : '');
    return {
      severity: 'medium',
      message:
        `${where(policy, last.line)}${patterns.map((pattern) => `${label(pattern.path)} "${pattern.pattern}"`).join(' and ')} claim the same fields (${shown}). ` +
        `${ownership.labelOf(patterns[0]!.system)} wins only because its key sorts first: make one glob more specific.`,
      components: patterns.map((pattern) => policyComponent(policy, pattern.path, pattern.line)),
      evidence: patterns.map((pattern) => ({ text: `${label(pattern.path)}: ${pattern.pattern}`, ...fileLine(policy, pattern.line) })),
      identity: ['overlap', ...patterns.map((pattern) => `${pattern.system}:${pattern.pattern}`)],
    };
  });
}

/** A description tag names a system the policy does not declare (only when the policy declares systems). */
export function undeclaredTagSystems({ model, policy, ownership }: PolicyContext): RuleFinding[] {
  if (Object.keys(policy.policy.systems ?? {}).length === 0) return [];
  const bySystem = new Map<string, string[]>();
  for (const object of model.objects) {
    for (const field of object.fields) {
      const owner = ownership.ownerOf(field.fullName);
      if (owner.tagSystem === undefined || ownership.system(owner.tagSystem)?.declaredIn !== 'description') continue;
      bySystem.set(owner.tagSystem, [...(bySystem.get(owner.tagSystem) ?? []), field.fullName]);
    }
  }
  const line = policy.lineOf(['systems']);
  return [...bySystem.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([system, fields]) => ({
      severity: 'low',
      message: `${where(policy, line)}${fields.length} field description(s) name the system of record "${ownership.labelOf(system)}", which systems does not declare (${fields.slice(0, 5).join(', ')}${fields.length > 5 ? ', ...' : ''}). Declare it, or fix the tag to a declared system's key or label.`,
      components: [policyComponent(policy, ['systems'], line), ...fields.slice(0, 5).map((field) => fieldComponent(field, model))],
      evidence: fields.map((field) => ({ text: `${field}: System of record: ${ownership.ownerOf(field).tag ?? ''}`, file: fieldComponent(field, model).file })),
      identity: ['undeclared-system', system],
    }));
}

/** Integration permission sets, profiles and writer automations the policy names but the project lacks. */
export function missingPrincipals({ model, policy }: PolicyContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const sets = new Set([...model.permissionSets, ...model.permissionSetGroups].map((set) => set.name.toLowerCase()));
  const profiles = new Set(model.profiles.map((profile) => profile.name.toLowerCase()));
  const automations = automationNames(model);
  for (const [system, declared] of Object.entries(policy.policy.systems ?? {}).sort(([a], [b]) => compare(a, b))) {
    const check = (section: string, names: string[] | undefined, exists: (name: string) => boolean, what: string, pool: string[]): void =>
      (names ?? []).forEach((name, index) => {
        if (exists(name)) return;
        const path = ['systems', system, 'integration', section, index];
        const line = policy.lineOf(path);
        const near = closest(name, pool);
        findings.push({
          severity: 'low',
          message: `${where(policy, line)}${label(path)} names ${what} "${name}", which is not in the project${near ? ` (did you mean ${near}?)` : ''}. It cannot be checked; maybe it lives only in the org.`,
          components: [policyComponent(policy, path, line)],
          evidence: [{ text: `${label(path)}: ${name}`, ...fileLine(policy, line) }],
          identity: ['missing', system, section, name],
        });
      });
    check('permissionSets', declared.integration?.permissionSets, (name) => sets.has(name.toLowerCase()), 'the permission set', [...model.permissionSets, ...model.permissionSetGroups].map((set) => set.name));
    check('profiles', declared.integration?.profiles, (name) => profiles.has(name.toLowerCase()), 'the profile', model.profiles.map((profile) => profile.name));
    check(
      'automations',
      declared.integration?.automations,
      (spec) => {
        const colon = spec.indexOf(':');
        const regex = globToRegExp(spec.slice(colon + 1), true);
        return (automations.get(spec.slice(0, colon).toLowerCase().replace(/[\s_-]+/g, '')) ?? []).some((name) => regex.test(name));
      },
      'the automation',
      [...automations.entries()].flatMap(([type, names]) => names.map((name) => `${TYPE_NAMES[type] ?? type}:${name}`)),
    );
  }
  return findings;
}

const TYPE_NAMES: Record<string, string> = { flow: 'Flow', apexclass: 'ApexClass', apextrigger: 'ApexTrigger', workflowrule: 'WorkflowRule', workflowfieldupdate: 'WorkflowFieldUpdate' };

function automationNames(model: MetadataModel): Map<string, string[]> {
  const flows = model.flows.map((flow) => flow.name);
  return new Map([
    ['flow', flows],
    ['processbuilder', flows],
    ['apexclass', model.apexClasses.map((cls) => cls.name)],
    ['apextrigger', model.apexTriggers.map((trigger) => trigger.name)],
    ['workflowrule', model.workflows.flatMap((workflow) => workflow.rules.map((rule) => rule.fullName))],
    ['workflowfieldupdate', model.workflows.flatMap((workflow) => workflow.fieldUpdates.map((update) => update.fullName))],
  ]);
}

/** `systems.sap.owns[2]` */
function label(path: ReadonlyArray<string | number>): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

function where(policy: LoadedPolicy, line: number | undefined): string {
  return policy.file ? `${policy.file}${line !== undefined ? `:${line}` : ''}: ` : '';
}

function fileLine(policy: LoadedPolicy, line: number | undefined): { file?: string; line?: number } {
  return { ...(policy.file ? { file: policy.file } : {}), ...(line !== undefined ? { line } : {}) };
}

function policyComponent(policy: LoadedPolicy, path: ReadonlyArray<string | number>, line: number | undefined): FindingComponent {
  return { type: 'Policy', name: label(path), file: policy.file ?? '', ...(line !== undefined ? { line } : {}) };
}
