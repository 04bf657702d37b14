import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Document, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { inputError } from '../load/errors.js';
import { displayPath } from '../load/paths.js';
import { parsePolicy, POLICY_FILE } from '../policy/load-policy.js';
import type { Finding } from '../review/finding.js';
import { writeFileAtomic } from '../report/index.js';

/** What `--accept FINGERPRINT --reason ... --owner ... --expires ...` records. */
export type Acceptance = { fingerprint: string; reason: string; owner: string; expires: string };

export type AcceptOptions = {
  baseDir: string;
  /** `--policy FILE`; defaults to arch-review.yml in the base folder (created when missing). */
  policyFile?: string;
  acceptance: Acceptance;
  /** The review date: an acceptance that has already expired is refused. */
  asOf?: string;
  /** The finding being accepted, when the caller has it: its rule and message go in a comment above the entry. */
  finding?: Finding;
};

export type AcceptOutcome = { file: string; created: boolean; line: number };

/** Appends the entry to the policy file (atomically) and says where it went. */
export async function acceptFinding(options: AcceptOptions): Promise<AcceptOutcome> {
  checkAcceptance(options.acceptance, options.asOf);
  const file = options.policyFile ? resolve(options.baseDir, options.policyFile) : join(options.baseDir, POLICY_FILE);
  const shown = displayPath(options.baseDir, file);
  const created = !existsSync(file);
  const before = created ? '' : readFileSync(file, 'utf8');
  const note = options.finding ? `${options.finding.ruleId}: ${options.finding.message}` : undefined;
  const after = addAcceptance(before, options.acceptance, shown, note);
  await writeFileAtomic(file, after);
  const loaded = parsePolicy(after, shown);
  const index = (loaded.policy.accepted ?? []).findIndex((entry) => entry.fingerprint === options.acceptance.fingerprint);
  return { file: shown, created, line: loaded.lineOf(['accepted', index]) ?? 1 };
}

/** Usage errors (exit 2) for what the flags must say. */
export function checkAcceptance(acceptance: Acceptance, asOf?: string): void {
  const problems: string[] = [];
  if (!/^[0-9a-f]{8,64}$/i.test(acceptance.fingerprint)) problems.push(`--accept needs a finding's fingerprint (hex, as in the report); got "${acceptance.fingerprint}".`);
  if (acceptance.reason.trim() === '') problems.push('--reason must say why the risk is accepted.');
  if (acceptance.owner.trim() === '') problems.push('--owner must name who owns the risk.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(acceptance.expires) || Number.isNaN(Date.parse(`${acceptance.expires}T00:00:00Z`))) {
    problems.push(`--expires must be a date written YYYY-MM-DD; got "${acceptance.expires}".`);
  } else if (asOf && acceptance.expires < asOf) {
    problems.push(`--expires ${acceptance.expires} is before the review date ${asOf}: the acceptance would never be in force.`);
  }
  if (problems.length > 0) throw inputError(problems.join('\n'), ['Accepting a risk needs --accept FINGERPRINT --reason TEXT --owner NAME --expires YYYY-MM-DD.'], 'InvalidAcceptance');
}

/**
 * The policy text with one more `accepted:` entry. The Document API finds where `accepted:` is and
 * renders the entry (quoting what YAML needs); the entry is then spliced into the original text, so
 * every other byte (comments, blank lines, quoting, indentation, key order) stays as the user wrote it.
 * Only an `accepted:` written as a flow list (`accepted: []`) is rewritten, as a block list.
 */
export function addAcceptance(text: string, acceptance: Acceptance, shown = POLICY_FILE, note?: string): string {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw inputError(`${shown} is not valid YAML, so the acceptance was not added: ${doc.errors[0]!.message.split('\n')[0]}`, [`Fix ${shown} first.`], 'InvalidPolicy');
  }
  const existing = (doc.toJS() as { accepted?: Array<{ fingerprint?: string }> } | null)?.accepted;
  if (Array.isArray(existing) && existing.some((entry) => entry?.fingerprint === acceptance.fingerprint)) {
    throw inputError(`${shown} already accepts the finding ${acceptance.fingerprint}.`, [`Edit that entry in ${shown} to change its reason, owner or date.`], 'AlreadyAccepted');
  }
  const entry = { fingerprint: acceptance.fingerprint, reason: acceptance.reason, owner: acceptance.owner, expires: acceptance.expires };
  const contents = doc.contents;
  if (contents !== null && !isMap(contents) && !(isScalar(contents) && contents.value === null)) {
    throw inputError(`${shown} is not a mapping of sections, so the acceptance was not added.`, [`Fix ${shown} first.`], 'InvalidPolicy');
  }
  const pair = isMap(contents) ? contents.items.find((item) => isScalar(item.key) && item.key.value === 'accepted') : undefined;
  if (!pair) return appendSection(text, entry, note);
  const value = pair.value as YamlNode | null;
  if (isSeq(value) && !value.flow && value.items.length > 0) {
    return appendItem(text, value.items[0] as YamlNode, value.items[value.items.length - 1] as YamlNode, entry, note);
  }
  return replaceValue(text, pair as Pair<YamlNode, YamlNode | null>, entry, note);
}

type Entry = Record<string, string>;

/** `accepted:` is missing: a new section at the end of the file. */
function appendSection(text: string, entry: Entry, note: string | undefined): string {
  const head = text.length === 0 || text.endsWith('\n') ? text : `${text}\n`;
  return `${head}accepted:\n${item(entry, '  ', note)}\n`;
}

/** A block list: the new item right after the last one's value line, at the same indentation. */
function appendItem(text: string, first: YamlNode, last: YamlNode, entry: Entry, note: string | undefined): string {
  // The dash before the first item (its node starts after `- `) sets the list's indentation.
  const lineStart = text.lastIndexOf('\n', first.range![0] - 1) + 1;
  const dash = text.lastIndexOf('-', first.range![0] - 1);
  const column = dash >= lineStart ? dash - lineStart : first.range![0] - lineStart;
  // The last item's range can run over trailing blank lines: back up to its last character, then take the rest of that line.
  let end = last.range![1];
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  let at = text.indexOf('\n', end);
  let prefix = '';
  if (at === -1) {
    at = text.length;
    prefix = '\n';
  } else {
    at += 1;
  }
  return `${text.slice(0, at)}${prefix}${item(entry, ' '.repeat(column), note)}\n${text.slice(at)}`;
}

/** `accepted:` empty, null or a flow list: its value becomes a block list under the key. */
function replaceValue(text: string, pair: Pair<YamlNode, YamlNode | null>, entry: Entry, note: string | undefined): string {
  const keyStart = pair.key.range![0];
  const column = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const value = pair.value;
  const items = isSeq(value) ? (value.toJSON() as unknown[]) : [];
  let rest = text;
  if (value?.range && value.range[1] > value.range[0]) rest = text.slice(0, value.range[0]) + text.slice(value.range[1]);
  const lineEnd = rest.indexOf('\n', keyStart);
  const at = lineEnd === -1 ? rest.length : lineEnd;
  const indent = ' '.repeat(column + 2);
  const earlier = items.map((earlierEntry) => item(earlierEntry, indent));
  const block = [...earlier, item(entry, indent, note)].join('\n');
  return `${rest.slice(0, at).replace(/[ \t]+$/, '')}\n${block}${lineEnd === -1 ? '\n' : ''}${rest.slice(at)}`;
}

/** One list item, rendered by the yaml library, indented to sit in the list. */
function item(value: unknown, indent: string, note?: string): string {
  const body = new Document(value).toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n');
  const lines = body.map((line, index) => (index === 0 ? `${indent}- ${line}` : `${indent}  ${line}`));
  if (note !== undefined) lines.unshift(`${indent}# ${commentText(note)}`);
  return lines.join('\n');
}

/** A comment is one line: no newline or control character from a finding's message may end it early. */
function commentText(value: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}
