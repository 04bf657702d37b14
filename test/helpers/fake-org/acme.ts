// The fake org serving the sample project (fixtures/acme), with its users, assignments and package.
import type { Org } from '@salesforce/core';
import { join } from 'node:path';
import { fixturesDir } from '../paths.js';
import { authenticate } from './auth.js';
import { MetadataStore } from './metadata-store.js';
import { assignmentRecords, flowDefinitionRecords, installedPackageRecords, userRecords } from './sample-records.js';
import { startFakeOrg, type FakeOrg, type FakeOrgOptions } from './server.js';

export const ACME_SOURCE = join(fixturesDir, 'acme', 'force-app');

let counter = 0;

export type AcmeOrg = { fake: FakeOrg; org: Org; store: MetadataStore };

/** Converts the sample to metadata API format (a fresh copy per call, so tests can change it). */
export function acmeStore(): Promise<MetadataStore> {
  return MetadataStore.fromSource(ACME_SOURCE);
}

export async function startAcmeOrg(overrides: Partial<FakeOrgOptions> = {}): Promise<AcmeOrg> {
  const store = overrides.store ?? (await acmeStore());
  counter += 1;
  const fake = await startFakeOrg({
    username: `admin${counter}@acme.example`,
    records: { User: userRecords(), PermissionSetAssignment: assignmentRecords() },
    toolingRecords: { InstalledSubscriberPackage: installedPackageRecords(), FlowDefinition: flowDefinitionRecords(store) },
    ...overrides,
    store,
  });
  const org = await authenticate(fake);
  // Setting up the login is not part of what a test asserts.
  fake.requests.length = 0;
  return { fake, org, store };
}
