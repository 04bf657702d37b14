import { describe, expect, it } from 'vitest';
import { EXECUTION_STEPS } from '../../src/graph/pipeline-types.js';
import { MAX_DIAGRAM_AUTOMATIONS, MAX_TABLE_ROWS, renderMarkdown } from '../../src/report/markdown/index.js';
import { cell, code, lineStart, mermaidLabel } from '../../src/report/markdown-escape.js';
import { headings, md, mermaidBlocks, tables, tokens } from './markdown-check.js';
import { decodeMermaidLabel, mermaidErrors, parseMermaid } from './mermaid-grammar.js';
import { bigPipeline, effect, entry, NASTY, nastyResult, pipeline, sampleResult } from './result-kit.js';

const AUTOMATION_HEADER = ['#', 'step', 'automation', 'fires on', 'writes', 'calls out', 'changes access', 'owner', 'source'];

function expectWellFormedTables(markdown: string): void {
  const all = tables(markdown);
  expect(all.length).toBeGreaterThan(0);
  for (const table of all) {
    const width = table.header.length;
    expect(width, `table under ${table.under}`).toBeGreaterThan(0);
    // markdown-it pads short rows and drops extra cells, so the cell count is checked on the source too.
    expect(table.rawCellCounts.every((count) => count === width), `cells per line under ${table.under}: ${table.rawCellCounts.join(',')}`).toBe(true);
    expect(table.rawCellCounts).toHaveLength(table.rows.length + 2);
    for (const row of table.rows) expect(row).toHaveLength(width);
  }
}

describe('renderMarkdown: structure', () => {
  const result = sampleResult();
  const markdown = renderMarkdown(result);

  it('has exactly the report headings, in order', () => {
    expect(headings(markdown, 1)).toEqual(['Architecture review']);
    expect(headings(markdown, 2)).toEqual(['Summary', 'Findings', 'Automation by object', 'Inventory', 'What could not be read']);
    expect(headings(markdown, 3)).toEqual(['Account', 'Opportunity', 'Metadata by type', 'Objects', 'Permission sets and profiles']);
  });

  it('leaves out the Findings section when there are none', () => {
    const none = renderMarkdown(sampleResult({ findings: [] }));
    expect(headings(none, 2)).toEqual(['Summary', 'Automation by object', 'Inventory', 'What could not be read']);
  });

  it('writes tables whose rows all have the header’s cell count', () => {
    expectWellFormedTables(markdown);
  });

  it('summarises objects, automation by type, findings by severity, parse issues and uncovered steps', () => {
    const summary = markdown.slice(markdown.indexOf('## Summary'), markdown.indexOf('## Findings'));
    expect(summary).toContain('**Objects reviewed:** 2 with automation, of 2 objects in the inventory.');
    // AccountTrigger sits in two steps but is one automation; the inactive flow is counted apart.
    expect(summary).toContain('**Automation:** 7 active, 1 inactive');
    expect(summary).toContain('3 findings: 1 critical, 0 high, 1 medium, 1 low, 0 info.');
    expect(summary).toContain('**Could not be read:** 1 file; 1 rule failed, so its findings are missing.');
    const uncovered = EXECUTION_STEPS.filter((step) => !step.covered).map((step) => step.label);
    expect(uncovered.length).toBeGreaterThan(0);
    expect(summary).toContain(`**Not covered by this version:** ${uncovered.join(', ')}.`);
    const byType = tables(markdown).find((table) => table.under === 'Summary')!;
    expect(byType.header).toEqual(['automation', 'active', 'inactive']);
    expect(byType.rows).toContainEqual(['Flow', '2', '1']);
    expect(byType.rows).toContainEqual(['Apex trigger', '1', '0']);
    expect(byType.rows).toContainEqual(['Roll-up summary', '1', '0']);
  });

  it('lists findings most severe first, one row each', () => {
    const findings = tables(markdown).find((table) => table.under === 'Findings')!;
    expect(findings.header).toEqual(['severity', 'rule', 'object', 'finding', 'components', 'evidence']);
    expect(findings.rows.map((row) => row[1])).toEqual(['`recursion/cross-object-cycle`', '`integration/permission-creep`', '`hygiene/missing-description`']);
    expect(findings.rows[0]![0]).toBe('**critical**');
    expect(findings.rows[0]![4]).toContain('Flow `Account_After_Save` (`force-app/main/default/flows/Account_After_Save.flow-meta.xml:3`)');
    expect(findings.rows[0]![5]).toContain('Update Records writes Contact.MailingCity (`force-app/main/default/flows/Account_After_Save.flow-meta.xml:40`)');
  });

  it('shows each object’s automation in execution order with the fixed columns', () => {
    const account = tables(markdown).find((table) => table.under === 'Account')!;
    expect(account.header).toEqual(AUTOMATION_HEADER);
    expect(account.rows.map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(account.rows.map((row) => row[1])).toEqual([
      'Before-save flows',
      'Before triggers',
      'System and custom validation rules',
      'After triggers',
      'Workflow rules (field updates re-fire update triggers once)',
      'After-save flows (triggerOrder 10)',
      'Post-commit (async)',
    ]);
    const [beforeSave, , validation, afterTrigger, workflow, afterSave, postCommit] = account.rows as string[][];
    expect(beforeSave![2]).toBe('Flow `Account_Before_Save` (Account: Before Save)');
    expect(beforeSave![3]).toBe('create, update; when ISCHANGED(Rating) || ISNEW()');
    expect(beforeSave![4]).toBe('update `Account.Tier__c` (the triggering record; in memory, before save: no DML)');
    expect(beforeSave![8]).toBe('`force-app/main/default/flows/Account_Before_Save.flow-meta.xml:1`');
    expect(validation![3]).toBe('create, update; when ISBLANK(Tier\\_\\_c)');
    expect(afterTrigger![4]).toContain(
      'update `Contact.MailingCity, Contact.MailingStreet` via `AccountTrigger → AccountTriggerHandler.afterUpdate → AccountService.sync:42`',
    );
    expect(afterTrigger![4]).toContain('update `Account.Last_Sync__c` (the triggering record; likely) via');
    expect(afterTrigger![4]).toContain('enqueues `AccountSyncJob.execute` (async; System.enqueueJob)');
    expect(afterTrigger![5]).toBe('`callout:Billing/invoices` (async; HTTP POST) via `AccountTrigger → BillingClient.post:17`');
    expect(afterTrigger![6]).toBe('`Account` (inserts AccountShare) via `AccountTrigger → SharingService.share:9`');
    expect(workflow![4]).toBe('update `Account.Tier__c` (the triggering record; implicit: workflow field update re-fires update triggers once)');
    expect(afterSave![4]).toBe('create `Invoice__c` (fields not known); publishes `Order_Event__e`');
    expect(postCommit![2]).toBe('Apex method `AccountSyncJob.execute` — via AccountTrigger');
    expect(postCommit![4]).toBe('create `Account_History__c.Snapshot__c` (async)');
    const opportunity = tables(markdown).find((table) => table.under === 'Opportunity')!;
    expect(opportunity.rows[0]![4]).toBe('update `Account.Total_Won__c` (implicit: roll-up summary recalculates the parent)');
  });

  it('lists inactive automation apart, then the notes and the steps not covered', () => {
    const account = markdown.slice(markdown.indexOf('### Account'), markdown.indexOf('### Opportunity'));
    expect(account).toContain('**Inactive** (deployed, not firing): 1 automation.\n\n- Flow `Old_Account_Flow`, After-save flows: `force-app/main/default/flows/Old_Account_Flow.flow-meta.xml:1`');
    expect(account).toContain('- 2 triggers on Account fire after update (AccountTrigger, LegacyTrigger): Salesforce does not guarantee their order.');
    expect(account).toContain('Not covered by this version: Duplicate rules, Assignment rules');
    const table = tables(markdown).find((candidate) => candidate.under === 'Account')!;
    expect(table.rows.some((row) => row[2]!.includes('Old_Account_Flow'))).toBe(false);
  });

  it('draws one valid Mermaid flowchart per object: the chain in order, then the objects written', () => {
    const blocks = mermaidBlocks(markdown);
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect(mermaidErrors(block)).toEqual([]);
    const account = parseMermaid(blocks[0]!);
    const label = (id: string): string => decodeMermaidLabel(account.nodes.get(id)!);
    expect(label('n1')).toBe('Account');
    // The chain: object → 1 → 2 → ... → 7, the post-commit hop dashed.
    const chain = account.edges.filter((edge) => ['save', 'then', 'after commit'].includes(edge.label));
    expect(chain.map((edge) => label(edge.to))).toEqual([
      '1. before-save flow: Flow Account_Before_Save',
      '2. before trigger: Apex trigger AccountTrigger',
      '3. validation: Validation rule Require_Tier',
      '4. after trigger: Apex trigger AccountTrigger',
      '5. workflow: Workflow rule Account_Tier_WF',
      '6. after-save flow: Flow Account_After_Save',
      '7. after commit: Apex method AccountSyncJob.execute',
    ]);
    expect(chain.map((edge) => edge.dashed)).toEqual([false, false, false, false, false, false, true]);
    const writes = account.edges.filter((edge) => !chain.includes(edge)).map((edge) => `${label(edge.from).split(':')[0]} ${edge.dashed ? '-.->' : '-->'} ${label(edge.to)}: ${decodeMermaidLabel(edge.label)}`);
    expect(writes).toEqual([
      '4. after trigger --> Contact: update MailingCity, MailingStreet',
      '4. after trigger --> Account: update Last_Sync__c (same record)',
      '5. workflow --> Account: field update, re-fires triggers: update Tier__c',
      '6. after-save flow --> Invoice__c: create',
      '6. after-save flow -.-> Order_Event__e: publishes',
      '7. after commit -.-> Account_History__c: create Snapshot__c',
    ]);
  });

  it('is deterministic', () => {
    expect(renderMarkdown(sampleResult())).toBe(markdown);
  });
});

describe('renderMarkdown: platform events and formulas', () => {
  it('starts a platform event’s chain with a dashed publish hop, and flattens formula indentation', () => {
    const event = pipeline('Order_Event__e', [
      entry({
        name: 'Order_Event_Subscriber',
        automationType: 'flow',
        step: 'post-commit',
        events: ['publish'],
        criteria: 'AND(\n    ISPICKVAL(Status__c, "Open"),\n\t\tAmount__c > 0\n)',
        writes: [effect({ target: 'Invoice__c', operation: 'create' })],
      }),
    ]);
    const markdown = renderMarkdown(sampleResult({ objects: [event] }));
    const diagram = parseMermaid(mermaidBlocks(markdown)[0]!);
    expect(diagram.errors).toEqual([]);
    expect(diagram.edges[0]).toMatchObject({ from: 'n1', to: 'n2', label: 'publish', dashed: true });
    const row = tables(markdown).find((table) => table.under === 'Order_Event__e')!.rows[0]!;
    expect(row[1]).toBe('Post-commit (async)');
    expect(row[3]).toBe('publish; when AND( ISPICKVAL(Status\\_\\_c, "Open"), Amount\\_\\_c &gt; 0 )');
  });
});

describe('renderMarkdown: async writes', () => {
  it('dashes a write that runs later even when its automation runs in the save', () => {
    const account = pipeline('Account', [
      entry({
        name: 'AccountTrigger',
        automationType: 'apex-trigger',
        step: 'after-triggers',
        writes: [effect({ target: 'Contact', operation: 'update', async: true }), effect({ target: 'Case', operation: 'create' })],
      }),
    ]);
    const diagram = parseMermaid(mermaidBlocks(renderMarkdown(sampleResult({ objects: [account] })))[0]!);
    const to = (name: string) => diagram.edges.find((edge) => decodeMermaidLabel(diagram.nodes.get(edge.to)!) === name)!;
    expect(to('Contact').dashed).toBe(true);
    expect(to('Case').dashed).toBe(false);
  });
});

describe('renderMarkdown: large objects', () => {
  const markdown = renderMarkdown(sampleResult({ objects: [bigPipeline('Big__c', 60)] }));

  it(`cuts the table at ${MAX_TABLE_ROWS} rows and says where the rest is`, () => {
    const table = tables(markdown).find((candidate) => candidate.under === 'Big__c')!;
    expect(table.rows).toHaveLength(MAX_TABLE_ROWS);
    expect(table.rows.at(-1)![0]).toBe(String(MAX_TABLE_ROWS));
    expect(markdown).toContain('The table shows the first 40 of 60 automations; 20 automations are left out here. `--format json` or `sf arch graph --object Big__c` has everything.');
    expectWellFormedTables(markdown);
  });

  it(`cuts the diagram at ${MAX_DIAGRAM_AUTOMATIONS} automation nodes`, () => {
    const [block] = mermaidBlocks(markdown);
    const diagram = parseMermaid(block!);
    expect(diagram.errors).toEqual([]);
    const automationNodes = [...diagram.nodes.values()].filter((label) => /^\d+\. /.test(label));
    expect(automationNodes).toHaveLength(MAX_DIAGRAM_AUTOMATIONS);
    // The written objects are drawn once each, however many automations write them.
    expect(diagram.nodes.size).toBe(MAX_DIAGRAM_AUTOMATIONS + 1 + 5);
    expect(markdown).toContain('The diagram shows the first 25 of 60 automations; 35 automations are left out here.');
  });

  it('does not cut an object at the limit', () => {
    const exact = renderMarkdown(sampleResult({ objects: [bigPipeline('Big__c', MAX_TABLE_ROWS)] }));
    expect(tables(exact).find((candidate) => candidate.under === 'Big__c')!.rows).toHaveLength(MAX_TABLE_ROWS);
    expect(exact).not.toContain('The table shows the first');
  });
});

describe('renderMarkdown: hostile metadata', () => {
  const markdown = renderMarkdown(nastyResult());

  it('keeps the headings: nothing from metadata becomes a heading', () => {
    expect(headings(markdown, 2)).toEqual(['Summary', 'Findings', 'Automation by object', 'Inventory', 'What could not be read']);
    expect(headings(markdown, 1)).toEqual(['Architecture review']);
    expect(headings(markdown, 3)).toHaveLength(4);
    expect(headings(markdown, 3)[0]).toContain('Evil');
    expect(markdown).not.toMatch(/^#+ Injected heading/m);
  });

  it('keeps notes plain list items: a note cannot open a heading or a nested list', () => {
    const all = tokens(markdown);
    expect(all.filter((token) => token.type === 'ordered_list_open')).toEqual([]);
    const lists = all.filter((token) => token.type === 'bullet_list_open');
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((token) => token.level === 0)).toBe(true);
    const items = all.filter((token) => token.type === 'list_item_open' && token.level === 1);
    expect(items.length).toBeGreaterThanOrEqual(6);
    expect(markdown).toContain('- \\# Injected note heading');
  });

  it('keeps every table a table', () => {
    expectWellFormedTables(markdown);
    const automation = tables(markdown).find((table) => table.header.join('|') === AUTOMATION_HEADER.join('|'))!;
    expect(automation.rows).toHaveLength(2);
    const findings = tables(markdown).find((table) => table.under === 'Findings')!;
    expect(findings.rows).toHaveLength(1);
  });

  it('keeps every Mermaid block valid, with no arrow, comment or quote from metadata', () => {
    const blocks = mermaidBlocks(markdown);
    expect(blocks).toHaveLength(1);
    for (const block of blocks) {
      expect(mermaidErrors(block)).toEqual([]);
      expect(block).not.toContain('%%');
      expect(block.split('\n').filter((line) => line.includes('-->')).every((line) => /^ {2}n\d+ -->\|"[^"]*"\| n\d+$/.test(line))).toBe(true);
    }
    const diagram = parseMermaid(blocks[0]!);
    // The name survives, escaped, and decodes back to what the admin typed (newlines flattened).
    expect(decodeMermaidLabel(diagram.nodes.get('n1')!)).toBe(NASTY.replace(/\s+/g, ' ').slice(0, 99) + '…');
  });

  it('lets no HTML through, in the source or once rendered', () => {
    expect(markdown).not.toMatch(/<script/i);
    expect(markdown).not.toMatch(/<img/i);
    const html = md.render(markdown);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it('never leaves the Mermaid fence early', () => {
    const fences = markdown.match(/^```/gm) ?? [];
    expect(fences).toHaveLength(2);
  });
});

describe('escapers', () => {
  it('cell escapes table and HTML syntax and flattens newlines', () => {
    expect(cell('a | b\nc <b>x</b> `y` *z* _w_ [l](u)')).toBe('a \\| b c &lt;b&gt;x&lt;/b&gt; \\`y\\` \\*z\\* \\_w\\_ \\[l\\](u)');
    expect(cell(undefined)).toBe('');
  });

  it('code falls back to escaped text when a code span cannot hold the value', () => {
    expect(code('Account.Name')).toBe('`Account.Name`');
    expect(code('a`b')).toBe('a\\`b');
    expect(code('<script>')).toBe('&lt;script&gt;');
    expect(code('a|b')).toBe('a\\|b');
  });

  it('lineStart keeps a line from opening a heading or a list', () => {
    expect(lineStart('# h')).toBe('\\# h');
    expect(lineStart('- a')).toBe('\\- a');
    expect(lineStart('12. a')).toBe('12\\. a');
    expect(lineStart('a - b')).toBe('a - b');
  });

  it('mermaidLabel turns every risky character into an entity code', () => {
    expect(mermaidLabel('a "b" <c> | `d` [e] {f} 50% #g & -->\nh')).toBe(
      'a #quot;b#quot; #lt;c#gt; #124; #96;d#96; #91;e#93; #123;f#125; 50#37; #35;g #38; --#gt; h',
    );
  });
});
