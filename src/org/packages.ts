import type { Connection } from '@salesforce/core';
import { classify } from './errors.js';
import { queryAll } from './query.js';
import type { RetryContext } from './retry.js';
import type { InstalledPackage } from './types.js';

export const INSTALLED_PACKAGES_SOQL =
  'SELECT SubscriberPackage.NamespacePrefix, SubscriberPackage.Name, SubscriberPackageVersion.MajorVersion, SubscriberPackageVersion.MinorVersion, ' +
  'SubscriberPackageVersion.PatchVersion, SubscriberPackageVersion.BuildNumber FROM InstalledSubscriberPackage';

export const PACKAGE_LICENSES_SOQL = 'SELECT NamespacePrefix, Status FROM PackageLicense';

type InstalledRecord = {
  SubscriberPackage?: { NamespacePrefix?: string | null; Name?: string } | null;
  SubscriberPackageVersion?: { MajorVersion?: number; MinorVersion?: number; PatchVersion?: number; BuildNumber?: number } | null;
};

type LicenseRecord = { NamespacePrefix?: string | null };

/**
 * Installed packages, from the tooling API's InstalledSubscriberPackage. Users without tooling access
 * get PackageLicense instead, which names namespaces only. Auth, limit and network faults are not
 * hidden by the fallback: they end the run as everywhere else.
 */
export async function queryInstalledPackages(conn: Connection, apiVersion: string, retry: RetryContext, warn: (message: string) => void): Promise<InstalledPackage[]> {
  try {
    const records = await queryAll<InstalledRecord>(conn, INSTALLED_PACKAGES_SOQL, retry, { apiVersion, tooling: true });
    return records.map((record) => {
      const version = record.SubscriberPackageVersion;
      return {
        namespace: record.SubscriberPackage?.NamespacePrefix ?? '',
        name: record.SubscriberPackage?.Name ?? '',
        version: version ? [version.MajorVersion, version.MinorVersion, version.PatchVersion, version.BuildNumber].map((part) => part ?? 0).join('.') : '',
      };
    }).sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
  } catch (error) {
    if (classify(error) !== 'other') throw error;
    warn('Installed packages were read from PackageLicense (the tooling API was not available): names and versions are missing.');
  }
  const licenses = await queryAll<LicenseRecord>(conn, PACKAGE_LICENSES_SOQL, retry, { apiVersion });
  return licenses
    .filter((record) => record.NamespacePrefix)
    .map((record) => ({ namespace: record.NamespacePrefix!, name: record.NamespacePrefix!, version: '' }))
    .sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
}
