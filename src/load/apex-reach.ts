/**
 * Which Apex classes to parse: the ones a trigger, a flow's Apex action, an invocable action or a
 * platform entry point (controller, service, job: see ENTRY_POINT) can reach, following class names through the code by a cheap scan for identifiers (no parse). The
 * scan over-approximates on purpose: every identifier in a body counts, comments and strings
 * included, so a class the resolver could follow is never left out. Classes that enqueue jobs are
 * parsed too (the self-enqueue check reads every class that does). Dispatch reaches code no name
 * leads to: a reached class or interface reaches the classes extending or implementing it (the
 * overrides a call on it can run), and a reached class creating classes by `Type.forName` reaches
 * every class named in a custom metadata record (handler registries list them there). The rest is
 * listed, not parsed.
 */

const IDENTIFIER = /[a-z_][a-z0-9_]*/g;
const INVOCABLE = /@\s*invocablemethod\b/;
const ENQUEUES = /\benqueuejob\b/;
const FOR_NAME = /\btype\s*\.\s*forname\b/;
/**
 * Code the platform runs on its own, each a transaction with its own governor limits: Lightning and
 * Visualforce controllers, REST and SOAP services, batch, schedulable and queueable jobs, inbound email
 * handlers. Nothing in the project names them, yet their loops are what the limits rules look for.
 */
const ENTRY_POINT =
  /@\s*(auraenabled|remoteaction|restresource)\b|\bwebservice\s|\bimplements\b[^{]*\b(database\s*\.\s*batchable|schedulable|queueable|messaging\s*\.\s*inboundemailhandler)\b|\bapexpages\s*\.\s*standard(set)?controller\b/;
/** Test classes run only in tests: an entry-point shape inside one (a mock job, a stub service) is not one. */
const IS_TEST = /@\s*istest\b/;
/** `extends Base`, `implements A, B` anywhere in the text (inner classes included): lower-case names. */
const EXTENDS = /\bextends\s+([a-z_][\w.]*)/g;
const IMPLEMENTS = /\bimplements\s+([^{]*)\{/g;

/** A class and its body; a body that could not be read counts as reached, so parsing it reports why. */
export type ClassSource = { name: string; text: string | undefined };

export type ReachInput = {
  classes: readonly ClassSource[];
  /** Trigger bodies: every class they name is reached. */
  triggers: readonly string[];
  /** Class names that flows call (Apex actions and plugins). */
  flowActions: readonly string[];
  /** Texts of the custom metadata records, read only when a reached class uses Type.forName. */
  metadataRecords?: () => readonly string[];
};

/** Names (lower case) of the classes to parse. */
export function reachableClasses(input: ReachInput): Set<string> {
  const names = new Set(input.classes.map((cls) => cls.name.toLowerCase()));
  const edges = new Map<string, string[]>();
  const addEdge = (from: string, to: string): void => void edges.set(from, [...(edges.get(from) ?? []), to]);
  const forName = new Set<string>();
  const queue: string[] = [];
  const reached = new Set<string>();
  let recordsRead = false;
  const reach = (name: string): void => {
    if (!names.has(name) || reached.has(name)) return;
    reached.add(name);
    queue.push(name);
  };
  for (const cls of input.classes) {
    const name = cls.name.toLowerCase();
    if (cls.text === undefined) {
      reach(name);
      continue;
    }
    const lower = cls.text.toLowerCase();
    for (const next of namedClasses(lower, names)) addEdge(name, next);
    // A supertype reaches its subtypes: a call on it can run their overrides.
    for (const parent of supertypes(lower)) if (parent !== name) addEdge(parent, name);
    if (FOR_NAME.test(lower)) forName.add(name);
    if (INVOCABLE.test(lower) || ENQUEUES.test(lower) || (ENTRY_POINT.test(lower) && !IS_TEST.test(lower))) reach(name);
  }
  for (const trigger of input.triggers) for (const name of namedClasses(trigger.toLowerCase(), names)) reach(name);
  for (const action of input.flowActions) reach(action.toLowerCase());
  while (queue.length > 0) {
    const next = queue.pop()!;
    for (const target of edges.get(next) ?? []) reach(target);
    if (forName.has(next) && !recordsRead && input.metadataRecords) {
      recordsRead = true;
      for (const record of input.metadataRecords()) for (const name of namedClasses(record.toLowerCase(), names)) reach(name);
    }
  }
  return reached;
}

/** The names after `extends` and `implements`: each part of a dotted name (`Outer.Inner`: its file is Outer). */
function supertypes(lowerText: string): string[] {
  const found = new Set<string>();
  const add = (raw: string): void => {
    const name = raw.trim().replace(/<.*$/s, '');
    if (!name) return;
    for (const part of name.split('.')) if (part) found.add(part.trim());
  };
  for (const match of lowerText.matchAll(EXTENDS)) add(match[1]!);
  for (const match of lowerText.matchAll(IMPLEMENTS)) for (const part of match[1]!.split(',')) add(part);
  return [...found];
}

function namedClasses(lowerText: string, names: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const token of lowerText.match(IDENTIFIER) ?? []) if (names.has(token)) found.add(token);
  return [...found];
}
