import { grantText } from '../../permissions/effective.js';
import { grantId } from '../../permissions/grants.js';
import { diffSnapshots, type SnapshotGrant } from '../../permissions/snapshot.js';
import type { FindingComponent, Severity } from '../../review/finding.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { integrationAnalysis } from './analysis.js';
import { dangerOf, worst } from './catalogue.js';
import { grantEvidence, principalComponent, sourceComponents, sourcesText } from './support.js';

const id = 'perm/integration-creep';
const LISTED = 10;

/** How much an added grant matters: a catalogued permission's tier, Modify All high, anything else medium. */
export function severityOfAdded(grant: Pick<SnapshotGrant, 'kind' | 'key' | 'access'>): Severity {
  if (grant.kind === 'user-permission') return dangerOf(grant.key)?.tier ?? 'medium';
  if (grant.kind === 'object' && grant.access === 'modifyAll') return 'high';
  return 'medium';
}

/**
 * What integration principals gained since the baseline snapshot (`--baseline`): one finding per
 * principal listing every added grant with its source, as severe as the most dangerous one; what they
 * lost is reported too, as info. Nothing without a baseline.
 */
export const integrationCreep: Rule = {
  meta: {
    id,
    category: 'perm',
    defaultSeverity: 'medium',
    description: 'An integration user gained permissions since the baseline snapshot.',
    docs: docsPath(id),
    // Fields and objects too: the systems a principal may work for are named in fields' `System of record:` tags.
    reads: ['CustomField', 'CustomObject', 'MutingPermissionSet', 'PermissionSet', 'PermissionSetGroup', 'Profile'],
  },
  run(context) {
    const baseline = context.integration?.baseline;
    if (!baseline) return [];
    const analysis = integrationAnalysis(context);
    const findings: RuleFinding[] = [];
    for (const change of diffSnapshots(baseline.snapshot, analysis.snapshot())) {
      const principal = analysis.principals.find((candidate) => candidate.id === change.id);
      const component: FindingComponent = principal
        ? principalComponent(principal, context)
        : { type: change.id.slice(0, change.id.indexOf(':')), name: change.id.slice(change.id.indexOf(':') + 1), file: baseline.file };
      const title = `${component.type} ${component.name}`;
      if (change.added.length > 0 || change.status === 'new') {
        const listed = listOf(change.added);
        findings.push({
          severity: worst(change.added.map(severityOfAdded), 'medium'),
          message:
            change.status === 'new'
              ? `${title} is a new integration principal since the baseline ${baseline.file}${change.added.length > 0 ? `, with ${count(change.added.length)}: ${listed}` : ''}.`
              : `Integration principal ${title} gained ${count(change.added.length)} since the baseline ${baseline.file}: ${listed}.`,
          components: [component, ...(principal ? sourceComponents(change.added.flatMap((grant) => grant.sources), principal, context.model) : [])],
          evidence: change.added.map((grant) => grantEvidence(`added: ${grantText(grant)}, granted by ${sourcesText(grant.sources)}`, grant.sources, context.model)),
          identity: [change.id.toLowerCase(), 'added', ...change.added.map(grantId)],
        });
      }
      if (change.removed.length > 0 || change.status === 'gone') {
        findings.push({
          severity: 'info',
          message:
            change.status === 'gone'
              ? `${title} was an integration principal in the baseline ${baseline.file} and is not one any more${change.removed.length > 0 ? ` (${count(change.removed.length)} gone)` : ''}.`
              : `Integration principal ${title} lost ${count(change.removed.length)} since the baseline ${baseline.file}: ${listOf(change.removed)}.`,
          components: [component],
          evidence: change.removed.map((grant) => ({ text: `removed: ${grantText(grant)}, was granted by ${sourcesText(grant.sources)}`, file: baseline.file })),
          identity: [change.id.toLowerCase(), 'removed', ...change.removed.map(grantId)],
        });
      }
    }
    return findings;
  },
};

function listOf(grants: readonly SnapshotGrant[]): string {
  const texts = grants.map(grantText);
  return texts.length <= LISTED ? texts.join(', ') : `${texts.slice(0, LISTED).join(', ')} and ${texts.length - LISTED} more`;
}

function count(n: number): string {
  return n === 1 ? '1 grant' : `${n} grants`;
}
