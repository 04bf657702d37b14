/** `sf arch diff`: automation, integration-permission and ownership drift between two projects. Pure. */
import { diffAutomations } from './automations.js';
import { diffOwnership } from './ownership.js';
import { diffPermissions } from './permissions.js';
import type { DiffSide } from './side.js';
import type { Change, DiffResult } from './types.js';

export function diffProjects(a: DiffSide, b: DiffSide): DiffResult {
  const automations = diffAutomations(a.graph, b.graph);
  const permissions = diffPermissions(a, b);
  const ownership = diffOwnership(a, b);
  return {
    a: sideSummary(a),
    b: sideSummary(b),
    automations,
    permissions,
    ownership,
    summary: { automations: count(automations), permissions: count(permissions), ownership: ownership.length },
    parseIssues: { a: a.model.parseIssues.length, b: b.model.parseIssues.length },
  };
}

function sideSummary(side: DiffSide): DiffResult['a'] {
  return { sourceDirs: side.model.sourceDirs, ...(side.policy.file ? { policyFile: side.policy.file } : {}), ...(side.org ? { org: side.org } : {}) };
}

function count(items: ReadonlyArray<{ change: Change }>): Record<Change, number> {
  const counts: Record<Change, number> = { added: 0, removed: 0, changed: 0 };
  for (const item of items) counts[item.change]++;
  return counts;
}
