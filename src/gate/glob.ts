/**
 * `*` (any run of characters, `/` included) and `?` (one character); everything else literal. Rule ids
 * and component names are short flat strings, so path-style `**` semantics would add nothing.
 */
export function globToRegExp(glob: string, caseInsensitive = false): RegExp {
  const pattern = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${pattern}$`, caseInsensitive ? 'i' : '');
}

export function globMatches(glob: string, value: string, caseInsensitive = false): boolean {
  return globToRegExp(glob, caseInsensitive).test(value);
}

export function isGlob(value: string): boolean {
  return /[*?]/.test(value);
}
