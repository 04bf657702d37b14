import type { Member } from './inventory.js';
import { manifestType } from './manifest-types.js';
import { maxOf } from '../shared/arrays.js';

/** The Metadata API refuses a retrieve of more than 10,000 files. */
export const MAX_FILES_PER_RETRIEVE = 10_000;

/**
 * Splits the members into retrieves under the file limit. A profile holds only the permissions for
 * components retrieved with it, so the permission containers go into every batch (their copies are
 * merged afterwards). When they alone take more than half the limit they are split too, and each of
 * their parts is retrieved with each part of the rest.
 */
export function planBatches(members: readonly Member[], maxFiles = MAX_FILES_PER_RETRIEVE): Member[][] {
  if (members.length === 0) return [];
  if (files(members) <= maxFiles) return [[...members]];
  const containers = members.filter((member) => manifestType(member.type)?.permissionContainer);
  const rest = members.filter((member) => !manifestType(member.type)?.permissionContainer);
  const containerParts = files(containers) <= maxFiles / 2 ? [containers] : pack(containers, Math.floor(maxFiles / 2));
  const room = maxFiles - maxOf(containerParts.map(files), 0);
  const restParts = rest.length > 0 ? pack(rest, room) : [[]];
  return containerParts.flatMap((part) => restParts.map((other) => [...part, ...other])).filter((batch) => batch.length > 0);
}

export function files(members: readonly Member[]): number {
  return members.reduce((sum, member) => sum + member.files, 0);
}

/** Greedy, in order: members of a type stay together as far as the limit allows. */
function pack(members: readonly Member[], limit: number): Member[][] {
  const parts: Member[][] = [];
  let current: Member[] = [];
  let size = 0;
  for (const member of members) {
    if (current.length > 0 && size + member.files > limit) {
      parts.push(current);
      current = [];
      size = 0;
    }
    current.push(member);
    size += member.files;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}
