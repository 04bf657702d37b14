import { SfError } from '@salesforce/core';

/** A usage or input problem the user must fix before a review can run (exit code 2). */
export function inputError(message: string, actions: string[], name = 'InputError'): SfError {
  return new SfError(message, name, actions, 2);
}
