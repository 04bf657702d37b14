import { Document, isMap, isScalar, isSeq, type Node, type Pair, Scalar, type YAMLMap } from 'yaml';
import type { DraftSystem, Evidenced, PolicyDraft } from './draft.js';

/**
 * The draft as `arch-review.yml`, with the evidence for every guess as a YAML comment (the yaml
 * Document API keeps comments where a plain dump would lose them). Deterministic: no dates, sorted.
 */
export function renderPolicyDraft(draft: PolicyDraft): string {
  const doc = new Document({
    systems: Object.fromEntries(draft.systems.map((system) => [system.key, plain(system)])),
    defaultOwner: draft.defaultOwner,
  });
  doc.commentBefore = [
    ` arch-review.yml: a draft by \`sf arch policy init\`, read from ${draft.sourceDirs.join(', ') || 'the project'}.`,
    ' Every guess carries its evidence in a comment. Check each system, field and principal, add',
    ' the automation that writes for each system (integration.automations), then commit the file.',
    ' docs/policy.md describes every section.',
  ].join('\n');
  const systems = doc.get('systems', true) as YAMLMap;
  if (draft.systems.length === 0) systems.comment = ' No system of record found in the metadata: declare yours here (see docs/policy.md).';
  for (const system of draft.systems) decorate(doc, system);
  const defaultOwner = doc.contents && isMap(doc.contents) ? (doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'defaultOwner') as Pair<Scalar, Scalar> | undefined) : undefined;
  if (defaultOwner && isScalar(defaultOwner.value)) defaultOwner.value.comment = ' owner of every field no system claims';
  if (draft.unassigned.length > 0) {
    doc.comment = [' Fields that look integrated but name no system (external IDs): give each an owner above,', ' or leave them to the default owner.', ...draft.unassigned.map((entry) => `   ${entry.name}: ${text(entry.evidence)}`)].join('\n');
  }
  return doc.toString({ lineWidth: 0 });
}

function plain(system: DraftSystem): Record<string, unknown> {
  const integration = {
    ...(system.permissionSets.length > 0 ? { permissionSets: system.permissionSets.map((entry) => entry.name) } : {}),
    ...(system.profiles.length > 0 ? { profiles: system.profiles.map((entry) => entry.name) } : {}),
    ...(system.users.length > 0 ? { users: system.users.map((entry) => entry.name) } : {}),
  };
  return {
    label: system.label,
    owns: system.owns.map((entry) => entry.name),
    ...(Object.keys(integration).length > 0 ? { integration } : {}),
  };
}

function decorate(doc: Document, system: DraftSystem): void {
  const systems = doc.get('systems', true) as YAMLMap;
  const pair = systems.items.find((item) => keyOf(item) === system.key);
  if (pair) {
    if (!isScalar(pair.key)) pair.key = new Scalar(pair.key);
    (pair.key as Scalar).commentBefore = ` ${system.key}: from ${system.evidence.map(text).join('; ')}`;
  }
  const owns = doc.getIn(['systems', system.key, 'owns'], true);
  if (isSeq(owns)) {
    comment(owns.items, system.owns);
    if (system.owns.length === 0) owns.flow = true;
    if (system.maybe.length > 0) {
      owns.comment = [` Maybe ${system.key}'s too (uncomment what it owns):`, ...system.maybe.map((entry) => ` - ${entry.name} # ${text(entry.evidence)}`)].join('\n');
    }
  }
  const integration = doc.getIn(['systems', system.key, 'integration'], true);
  for (const [section, entries] of [
    ['permissionSets', system.permissionSets],
    ['profiles', system.profiles],
    ['users', system.users],
  ] as const) {
    const seq = doc.getIn(['systems', system.key, 'integration', section], true);
    if (isSeq(seq)) comment(seq.items, entries);
  }
  if (isMap(integration)) integration.comment = ` automations: [Flow:Name, ApexClass:Name] that write for ${system.key}, if any`;
  else if (pair && isMap(pair.value)) pair.value.comment = ` integration: the permission sets, profiles, users and automations that write for ${system.key}`;
}

function comment(items: unknown[], entries: Evidenced[]): void {
  items.forEach((item, index) => {
    const entry = entries[index];
    if (entry && isScalar(item)) (item as Node).comment = ` ${text(entry.evidence)}`;
  });
}

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

/** One line of comment text. */
function text(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}
