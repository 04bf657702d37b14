// Auth for the fake org, stored the way `sf org login access-token` stores it (under the temp HOME).
import { AuthInfo, Org } from '@salesforce/core';
import type { FakeOrg } from './server.js';

/** Saves an access-token auth for the fake org and opens it as an Org, as `--target-org` would. */
export async function authenticate(fake: FakeOrg): Promise<Org> {
  const authInfo = await AuthInfo.create({
    accessTokenOptions: { accessToken: fake.state.accessToken, instanceUrl: fake.url, loginUrl: fake.url },
  });
  await authInfo.save();
  return Org.create({ aliasOrUsername: authInfo.getUsername() });
}
