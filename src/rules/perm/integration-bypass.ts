import type { PermissionCheckSite } from '../../metadata/model.js';
import { permissionCheckSites, sitesByPermission } from '../../permissions/bypasses.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { integrationAnalysis } from './analysis.js';
import { grantEvidence, principalComponent, principalTitle, sourceComponents, sourcesText } from './support.js';

const id = 'perm/integration-bypass';

/** `ValidationRule Account.Locked (objects/Account/validationRules/Locked.validationRule-meta.xml:2, error condition)` */
function siteText(site: PermissionCheckSite): string {
  return `${site.type} ${site.component} (${site.file}${site.line !== undefined ? `:${site.line}` : ''}, ${site.where})`;
}

/**
 * An integration principal holding a custom permission that validation rules, flows or Apex check
 * (`$Permission.X`, `FeatureManagement.checkPermission('X')`): the integration's writes skip the rules
 * people's writes obey, so what the middleware sends is never validated. One finding per principal and
 * permission, naming every check it bypasses with file and line. A bypass held by a person's permission
 * set is not this rule's business; a permission no automation checks bypasses nothing and is not reported.
 */
export const integrationBypass: Rule = {
  meta: {
    id,
    category: 'perm',
    defaultSeverity: 'high',
    description: 'An integration user holds a custom permission that validation rules, flows or Apex check to let their holders skip them.',
    docs: docsPath(id),
    reads: ['ApexClass', 'ApexTrigger', 'CustomField', 'CustomObject', 'CustomPermission', 'Flow', 'MutingPermissionSet', 'PermissionSet', 'PermissionSetGroup', 'Profile', 'ValidationRule'],
  },
  run(context) {
    const sites = sitesByPermission(permissionCheckSites(context.model));
    if (sites.size === 0) return [];
    const analysis = integrationAnalysis(context);
    const defined = new Map((context.model.customPermissions ?? []).map((permission) => [permission.name.toLowerCase(), permission]));
    const findings: RuleFinding[] = [];
    for (const principal of analysis.principals) {
      for (const held of analysis.customPermissions(principal)) {
        const bypassed = sites.get(held.permission.toLowerCase());
        if (!bypassed) continue;
        const permission = defined.get(held.permission.toLowerCase());
        const label = permission?.label && permission.label !== held.permission ? ` ("${permission.label}")` : '';
        findings.push({
          severity: 'high',
          message: `Integration principal ${principalTitle(principal, analysis.ownership)} holds custom permission ${held.permission}${label}, which ${bypassed.length === 1 ? '1 automation checks' : `${bypassed.length} automations check`} to let holders skip them: ${bypassed.map(siteText).join('; ')}. Granted by ${sourcesText(held.sources)}. The integration's writes skip the checks people's writes obey: remove the permission from the integration, or make the checks tell integrations apart.`,
          components: [
            principalComponent(principal, context),
            { type: 'CustomPermission', name: permission?.name ?? held.permission, file: permission?.source.file ?? '', ...(permission?.source.line !== undefined ? { line: permission.source.line } : {}) },
            ...sourceComponents(held.sources, principal, context.model),
          ],
          evidence: [
            grantEvidence(`${held.permission}: granted by ${sourcesText(held.sources)}.`, held.sources, context.model),
            ...bypassed.map((site) => ({ text: `${site.type} ${site.component}: checks ${site.permission} (${site.where}).`, file: site.file, ...(site.line !== undefined ? { line: site.line } : {}) })),
          ],
          identity: [principal.id.toLowerCase(), held.permission.toLowerCase()],
        });
      }
    }
    return findings;
  },
};
