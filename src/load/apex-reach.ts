/**
 * Which Apex classes to parse: the ones a trigger, a flow's Apex action or an invocable action can
 * reach, following class names through the code by a cheap scan for identifiers (no parse). The
 * scan over-approximates on purpose: every identifier in a body counts, comments and strings
 * included, so a class the resolver could follow is never left out. Classes that enqueue jobs are
 * parsed too (the self-enqueue check reads every class that does). The rest is listed, not parsed.
 */

const IDENTIFIER = /[a-z_][a-z0-9_]*/g;
const INVOCABLE = /@\s*invocablemethod\b/;
const ENQUEUES = /\benqueuejob\b/;

/** A class and its body; a body that could not be read counts as reached, so parsing it reports why. */
export type ClassSource = { name: string; text: string | undefined };

export type ReachInput = {
  classes: readonly ClassSource[];
  /** Trigger bodies: every class they name is reached. */
  triggers: readonly string[];
  /** Class names that flows call (Apex actions and plugins). */
  flowActions: readonly string[];
};

/** Names (lower case) of the classes to parse. */
export function reachableClasses(input: ReachInput): Set<string> {
  const names = new Set(input.classes.map((cls) => cls.name.toLowerCase()));
  const edges = new Map<string, string[]>();
  const queue: string[] = [];
  const reached = new Set<string>();
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
    edges.set(name, [...(edges.get(name) ?? []), ...namedClasses(lower, names)]);
    if (INVOCABLE.test(lower) || ENQUEUES.test(lower)) reach(name);
  }
  for (const trigger of input.triggers) for (const name of namedClasses(trigger.toLowerCase(), names)) reach(name);
  for (const action of input.flowActions) reach(action.toLowerCase());
  while (queue.length > 0) for (const next of edges.get(queue.pop()!) ?? []) reach(next);
  return reached;
}

function namedClasses(lowerText: string, names: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const token of lowerText.match(IDENTIFIER) ?? []) if (names.has(token)) found.add(token);
  return [...found];
}
