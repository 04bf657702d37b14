import { Org } from '@salesforce/core';
import { noAuthError } from './errors.js';

/** The org for a username or alias, failing with login actions when no login is saved for it. */
export async function openOrg(aliasOrUsername: string): Promise<Org> {
  try {
    return await Org.create({ aliasOrUsername });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (/NamedOrgNotFound|NoAuthInfoFound|AuthInfoCreationError|NoOrgFound/i.test(name)) throw noAuthError(aliasOrUsername);
    throw error;
  }
}
