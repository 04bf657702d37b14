import type { EffectiveGrant } from '../../permissions/effective.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { integrationAnalysis } from './analysis.js';
import { dangerOf, type Tier, TIERS } from './catalogue.js';
import { grantEvidence, principalComponent, principalTitle, sourceComponents, sourcesText } from './support.js';

const id = 'perm/integration-dangerous-permission';

export type DangerousGrant = { permission: string; tier: Tier; reason: string; sources: string[] };

/** The catalogued system permissions among the grants, most dangerous first. */
export function dangerousGrants(grants: readonly EffectiveGrant[]): DangerousGrant[] {
  return grants
    .filter((grant) => grant.kind === 'user-permission')
    .flatMap((grant) => {
      const danger = dangerOf(grant.key);
      return danger ? [{ permission: grant.key, tier: danger.tier, reason: danger.reason, sources: grant.sources }] : [];
    })
    .sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || (a.permission < b.permission ? -1 : a.permission > b.permission ? 1 : 0));
}

/**
 * An integration principal holding system permissions from the catalogue (src/rules/data/
 * dangerous-permissions.json). One finding per principal, as severe as its most dangerous permission,
 * listing every one with its tier and the container that grants it.
 */
export const integrationDangerousPermission: Rule = {
  meta: {
    id,
    category: 'perm',
    defaultSeverity: 'critical',
    description: 'An integration user holds system permissions it should not have (Modify All Data, Author Apex, Manage Users, ...).',
    docs: docsPath(id),
    // Fields and objects too: the systems a principal may work for are named in fields' `System of record:` tags.
    reads: ['CustomField', 'CustomObject', 'MutingPermissionSet', 'PermissionSet', 'PermissionSetGroup', 'Profile'],
  },
  run(context) {
    const analysis = integrationAnalysis(context);
    const findings: RuleFinding[] = [];
    for (const principal of analysis.principals) {
      const dangerous = dangerousGrants(analysis.reportable(principal));
      if (dangerous.length === 0) continue;
      const listed = dangerous.map((grant) => `${grant.permission} (${grant.tier})`).join(', ');
      findings.push({
        severity: dangerous[0]!.tier,
        message: `Integration principal ${principalTitle(principal, analysis.ownership)} holds ${dangerous.length === 1 ? 'a dangerous system permission' : `${dangerous.length} dangerous system permissions`}: ${listed}. An integration needs access to its own system's data only.`,
        components: [principalComponent(principal, context), ...sourceComponents(dangerous.flatMap((grant) => grant.sources), principal, context.model)],
        evidence: dangerous.map((grant) =>
          grantEvidence(`${grant.permission} (${grant.tier}): ${grant.reason} Granted by ${sourcesText(grant.sources)}.`, grant.sources, context.model),
        ),
        identity: [principal.id.toLowerCase(), ...dangerous.map((grant) => grant.permission.toLowerCase())],
      });
    }
    return findings;
  },
};
