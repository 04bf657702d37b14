/**
 * Where the project asks for a custom permission, from every place the model reads one: validation
 * rule formulas (`$Permission.X`), flows (formulas, decision conditions, entry criteria) and Apex
 * (`FeatureManagement.checkPermission('X')`). Whoever holds the permission is treated differently
 * there, nearly always by skipping the check: a bypass. Only automation that runs counts (active
 * validation rules, flows and triggers, non-test classes): a bypass of something off bypasses nothing.
 */
import type { MetadataModel, PermissionCheckSite } from '../metadata/model.js';
import { compare } from '../shared/compare.js';

const PERMISSION_GLOBAL = /^\$Permission\.(.+)$/i;

/** Every check site, sorted by permission (case-insensitive), then file, line and component. */
export function permissionCheckSites(model: MetadataModel): PermissionCheckSite[] {
  const sites: PermissionCheckSite[] = [];
  for (const object of model.objects) {
    for (const rule of object.validationRules) {
      if (!rule.active) continue;
      const permissions = new Set(rule.references.globals.map((global) => PERMISSION_GLOBAL.exec(global)?.[1]).filter((name): name is string => name !== undefined));
      for (const permission of permissions) sites.push({ type: 'ValidationRule', component: rule.fullName, permission, where: 'error condition', file: rule.source.file, ...line(rule.source.line) });
    }
  }
  for (const flow of model.flows) {
    if (flow.status !== 'Active') continue;
    for (const check of flow.permissionChecks ?? []) sites.push({ type: 'Flow', component: flow.name, permission: check.permission, where: check.where, file: flow.source.file, line: check.line });
  }
  for (const cls of model.apexClasses) {
    if (cls.isTest) continue;
    for (const method of cls.methods) {
      for (const check of method.permissionChecks ?? []) {
        sites.push({ type: 'ApexClass', component: `${cls.name}.${method.name}`, permission: check.permission, where: 'FeatureManagement.checkPermission', file: cls.source.file, line: check.line });
      }
    }
  }
  for (const trigger of model.apexTriggers) {
    if (!trigger.active) continue;
    for (const check of trigger.body.permissionChecks ?? []) {
      sites.push({ type: 'ApexTrigger', component: trigger.name, permission: check.permission, where: 'FeatureManagement.checkPermission', file: trigger.source.file, line: check.line });
    }
  }
  return sites.sort(
    (a, b) =>
      compare(a.permission.toLowerCase(), b.permission.toLowerCase()) ||
      compare(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compare(a.component, b.component) ||
      compare(a.where, b.where),
  );
}

/** The check sites by lower-cased permission name. */
export function sitesByPermission(sites: readonly PermissionCheckSite[]): Map<string, PermissionCheckSite[]> {
  const byPermission = new Map<string, PermissionCheckSite[]>();
  for (const site of sites) {
    const key = site.permission.toLowerCase();
    const list = byPermission.get(key);
    if (list) list.push(site);
    else byPermission.set(key, [site]);
  }
  return byPermission;
}

const line = (value: number | undefined): { line?: number } => (value !== undefined ? { line: value } : {});
