import type { MetadataModel } from '../../metadata/model.js';
import type { IntegrationPrincipal } from '../../permissions/integration-principals.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { type IntegrationAnalysis, integrationAnalysis } from './analysis.js';
import { containerSource, principalComponent, principalTitle } from './support.js';
import { appendAll } from '../../shared/arrays.js';

const id = 'perm/integration-interactive';

const API_ONLY_LICENSES = ['salesforce integration', 'salesforce api integration'];

/** Whether a person could log in to the browser with the principal: false = API only, undefined = unknown. */
export type LoginAccess = { interactive: boolean | undefined; why: string };

export function loginAccessOf(principal: IntegrationPrincipal, analysis: IntegrationAnalysis, model: MetadataModel): LoginAccess {
  const apiUserOnly = analysis.effective(principal).some((grant) => grant.kind === 'user-permission' && grant.key === 'ApiUserOnly');
  const profileRef = principal.refs.find((ref) => ref.type === 'Profile');
  const profile = profileRef ? model.profiles.find((candidate) => candidate.name === profileRef.name) : undefined;
  if (apiUserOnly) return { interactive: false, why: 'API only (ApiUserOnly)' };
  if (profile?.license && API_ONLY_LICENSES.includes(profile.license.toLowerCase())) return { interactive: false, why: `API only (${profile.license} licence)` };
  switch (principal.type) {
    case 'Profile':
      return { interactive: true, why: 'no ApiUserOnly: a person can log in with it' };
    case 'User':
      if (profile) return { interactive: true, why: `no ApiUserOnly in its profile ${profile.name} or its permission sets: a person can log in with it` };
      return { interactive: undefined, why: principal.refs.length > 0 || principal.missing.length > 0 ? 'unknown: its profile is not in the project' : 'unknown: pass --assignments to see its profile' };
    default:
      return { interactive: undefined, why: "decided by the user's profile" };
  }
}

/**
 * An integration a person could log in with: a profile without ApiUserOnly, or (with `--assignments`)
 * an integration user none of whose profile and permission sets grant ApiUserOnly (high); and a
 * permission set or group assigned to integration users and to people alike (medium): the people get
 * the integration's access, and every request for either widens both.
 */
export const integrationInteractive: Rule = {
  meta: {
    id,
    category: 'perm',
    defaultSeverity: 'high',
    description: 'An integration user can log in interactively, or shares a permission set with people.',
    docs: docsPath(id),
    // Fields and objects too: the systems a principal may work for are named in fields' `System of record:` tags.
    reads: ['CustomField', 'CustomObject', 'MutingPermissionSet', 'PermissionSet', 'PermissionSetGroup', 'Profile'],
  },
  run(context) {
    const analysis = integrationAnalysis(context);
    const findings: RuleFinding[] = [];
    for (const principal of analysis.principals) {
      if (principal.type !== 'Profile' && principal.type !== 'User') continue;
      const access = loginAccessOf(principal, analysis, context.model);
      if (access.interactive !== true) continue;
      const profile = principal.refs.find((ref) => ref.type === 'Profile');
      // A user on an integration profile that is not API only: reported once, on the profile.
      if (principal.type === 'User' && profile && analysis.isPrincipal(`Profile:${profile.name}`)) continue;
      const profileSource = profile ? containerSource(`Profile:${profile.name}`, context.model) : undefined;
      findings.push({
        severity: 'high',
        message: `Integration principal ${principalTitle(principal, analysis.ownership)} is not API only: ${access.why}. Its credentials open the browser UI too; add ApiUserOnly (or use the Salesforce Integration licence).`,
        components: [
          principalComponent(principal, context),
          ...(principal.type === 'User' && profile ? [{ type: 'Profile', name: profile.name, file: profileSource?.file ?? '', ...(profileSource?.line !== undefined ? { line: profileSource.line } : {}) }] : []),
        ],
        evidence: [{ text: access.why, ...(principal.source ? { file: principal.source.file, ...(principal.source.line !== undefined ? { line: principal.source.line } : {}) } : {}) }],
        identity: [principal.id.toLowerCase(), 'interactive'],
      });
    }
    appendAll(findings, sharedContainers(analysis, context.model, context.integration?.assignments?.file));
    return findings;
  },
};

/** Permission sets and groups that integration users and other users both hold (needs `--assignments`). */
function sharedContainers(analysis: IntegrationAnalysis, model: MetadataModel, assignmentsFile: string | undefined): RuleFinding[] {
  if (!analysis.users) return [];
  const holders = new Map<string, { container: string; integration: string[]; people: string[] }>();
  for (const user of analysis.users) {
    const isIntegration = analysis.isPrincipal(`User:${user.username}`);
    const held = [...user.permissionSets.map((name) => `PermissionSet:${name}`), ...user.permissionSetGroups.map((name) => `PermissionSetGroup:${name}`)];
    for (const container of held) {
      const entry = holders.get(container.toLowerCase()) ?? { container, integration: [], people: [] };
      (isIntegration ? entry.integration : entry.people).push(user.username);
      holders.set(container.toLowerCase(), entry);
    }
  }
  const findings: RuleFinding[] = [];
  for (const [, { container, integration, people }] of [...holders].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (integration.length === 0 || people.length === 0) continue;
    const source = containerSource(container, model);
    const colon = container.indexOf(':');
    const type = container.slice(0, colon);
    const name = container.slice(colon + 1);
    const shown = people.length <= 5 ? people.join(', ') : `${people.slice(0, 5).join(', ')} and ${people.length - 5} more`;
    const where = assignmentsFile ? { file: assignmentsFile } : {};
    findings.push({
      severity: 'medium',
      message: `${type} ${name} is assigned to integration user${integration.length === 1 ? '' : 's'} ${integration.join(', ')} and to ${people.length === 1 ? '1 other user' : `${people.length} other users`} (${shown}). People get the integration's access, and widening it for either widens both: give the integration a permission set of its own${analysis.isPrincipal(container) ? '' : ', or declare these users under systems.<s>.integration.users if they are integrations too'}.`,
      components: [{ type, name, file: source?.file ?? assignmentsFile ?? '', ...(source?.line !== undefined ? { line: source.line } : {}) }],
      evidence: [
        { text: `integration users: ${integration.join(', ')}`, ...where },
        { text: `other users: ${people.join(', ')}`, ...where },
      ],
      identity: [container.toLowerCase(), 'shared'],
    });
  }
  return findings;
}
