import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRuleTable, replaceRuleTable, ruleTable, ruleTableBlock, RULE_TABLE_END, RULE_TABLE_START } from '../../src/docs/rule-table.js';
import { EXPIRED_ACCEPTANCE_META } from '../../src/gate/accepted.js';
import { RULES } from '../../src/rules/index.js';
import { docsPath, type Rule } from '../../src/rules/rule.js';
import { repoRoot } from '../helpers/paths.js';

/**
 * Every rule carries its weight: a docs page, tests, and a file named after its id. Rules that live
 * outside `src/rules/<category>/<name>.ts` for a reason are listed here, with the folder they live in.
 */
const LIVES_ELSEWHERE: Record<string, string> = {
  // Shares its grants with the integration-permission rules and is registered with them (perm/index.ts).
  'hygiene/cloned-permission-set': 'src/rules/hygiene',
};

const ID = /^([a-z]+)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

function testFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.test.ts')).map((name) => join(folder, name));
}

/** The file under `folder` that exports this very rule object. */
async function definingFile(rule: Rule, files: string[]): Promise<string | undefined> {
  for (const file of files) {
    const module = (await import(pathToFileURL(join(repoRoot, file)).href)) as Record<string, unknown>;
    if (Object.values(module).includes(rule)) return file;
  }
  return undefined;
}

describe('rule metadata, docs and tests', () => {
  it('has rules, with unique ids of the form category/kebab-name matching their category', () => {
    expect(RULES.length).toBeGreaterThan(0);
    const ids = RULES.map((rule) => rule.meta.id);
    expect(new Set(ids).size, 'duplicate rule ids').toBe(ids.length);
    for (const rule of RULES) {
      const match = ID.exec(rule.meta.id);
      expect(match, `${rule.meta.id} is not category/kebab-name`).not.toBeNull();
      expect(rule.meta.category, `${rule.meta.id}: category`).toBe(match![1]);
      expect(rule.meta.description.trim().length, `${rule.meta.id}: description`).toBeGreaterThan(0);
    }
  });

  it.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s has a docs page at docs/rules/<id>.md whose title is the id', (id, rule) => {
    expect(rule.meta.docs, `${id}: meta.docs`).toBe(docsPath(id));
    const file = join(repoRoot, rule.meta.docs);
    expect(existsSync(file), `${id}: ${rule.meta.docs} is missing (copy the shape of docs/rules/recursion/self-update.md)`).toBe(true);
    expect(readFileSync(file, 'utf8').split('\n')[0], `${id}: the page's first line`).toBe(`# ${id}`);
  });

  it.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s has tests under test/rules/<category>/ that name it', (id) => {
    const category = id.split('/')[0]!;
    const files = testFiles(join(repoRoot, 'test', 'rules', category));
    const naming = files.filter((file) => readFileSync(file, 'utf8').includes(id));
    expect(naming.length, `${id}: no test file under test/rules/${category}/ mentions it`).toBeGreaterThan(0);
  });

  it.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s is defined in the file its id names', async (id, rule) => {
    const [category, name] = id.split('/') as [string, string];
    const expected = `src/rules/${category}/${name}.ts`;
    const elsewhere = LIVES_ELSEWHERE[id];
    if (elsewhere) {
      const folder = join(repoRoot, elsewhere);
      const candidates = readdirSync(folder).filter((file) => file.endsWith('.ts')).map((file) => `${elsewhere}/${file}`);
      expect(await definingFile(rule, candidates), `${id}: not defined under ${elsewhere}/`).toBeDefined();
      return;
    }
    expect(existsSync(join(repoRoot, expected)), `${id}: ${expected} does not exist`).toBe(true);
    expect(await definingFile(rule, [expected]), `${id}: ${expected} does not export this rule`).toBe(expected);
  });

  it('the gate’s own check (gate/expired-acceptance) is documented', () => {
    expect(existsSync(join(repoRoot, EXPIRED_ACCEPTANCE_META.docs))).toBe(true);
    expect(readFileSync(join(repoRoot, EXPIRED_ACCEPTANCE_META.docs), 'utf8')).toContain(EXPIRED_ACCEPTANCE_META.id);
  });
});

describe('the README rule table', () => {
  const expected = ruleTableBlock(RULES.map((rule) => rule.meta));

  it('is generated from the rule metadata, sorted, escaped and linked', () => {
    const table = ruleTable([
      { id: 'sor/b', category: 'sor', defaultSeverity: 'high', description: 'Pipes | and <b>tags</b>.', docs: 'docs/rules/sor/b.md' },
      { id: 'recursion/a', category: 'recursion', defaultSeverity: 'critical', description: 'A.', docs: 'docs/rules/recursion/a.md' },
    ]);
    expect(table).toBe(
      [
        '| rule | category | default severity | what it finds |',
        '| --- | --- | --- | --- |',
        '| [`recursion/a`](docs/rules/recursion/a.md) | recursion | critical | A. |',
        '| [`sor/b`](docs/rules/sor/b.md) | sor | high | Pipes \\| and &lt;b&gt;tags&lt;/b&gt;. |',
      ].join('\n'),
    );
    const readme = `# Title\n\n${RULE_TABLE_START}\nold\n${RULE_TABLE_END}\n\nMore.\n`;
    expect(replaceRuleTable(readme, [])).toBe(`# Title\n\n${ruleTableBlock([])}\n\nMore.\n`);
    expect(() => replaceRuleTable('# none', [])).toThrow(/markers/);
  });

  it('in README.md is in sync with the rules (the failure message has the block to paste)', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const actual = readRuleTable(readme);
    expect(
      actual,
      `README.md's rule table is missing or out of date. Put this block in README.md (replacing any old one):\n\n${expected}\n`,
    ).toBe(expected);
  });
});
