import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build/index.js';
import { GraphQueries } from '../../src/graph/queries.js';
import { repoRoot } from '../helpers/paths.js';
import { element, flow, model, object, recordTrigger } from './build/model-kit.js';

const queriesOf = () => {
  const metadata = model({
    objects: [object('Account'), object('Contact')],
    flows: [
      flow('Contact_Reads_Account', recordTrigger('Contact', 'RecordAfterSave', 'CreateAndUpdate', 'Get_Account'), [
        element('recordLookup', 'Get_Account', { object: 'Account', filters: [{ field: 'Rating', operator: 'EqualTo', value: 'Hot' }] }, 'Set_Account'),
        element('recordUpdate', 'Set_Account', { object: 'Account', fields: ['Industry'] }),
      ]),
      flow('Account_Subflow', {}, [element('recordLookup', 'Get_Contacts', { object: 'Contact', filters: [{ field: 'Email', operator: 'IsNull', value: 'false' }] })]),
    ],
  });
  return new GraphQueries(buildGraph(metadata), metadata);
};

describe('GraphQueries', () => {
  it('readersOf: who reads a field (its name in any case), with the reading edge', () => {
    const queries = queriesOf();
    expect(queries.readersOf('Account.RATING').map(({ automation, edge }) => [automation.name, edge.note])).toEqual([['Contact_Reads_Account', 'Get_Account']]);
    expect(queries.readersOf('Account.Industry')).toEqual([]);
  });

  it('writersOf: who writes a field (its name in any case); readers are not writers', () => {
    const queries = queriesOf();
    expect(queries.writersOf('Account.INDUSTRY').map(({ automation, edge }) => [automation.name, edge.note])).toEqual([['Contact_Reads_Account', 'Set_Account']]);
    expect(queries.writersOf('Account.Rating')).toEqual([]);
  });

  it('fieldsTouched: written fields, or read and written ones', () => {
    const queries = queriesOf();
    expect(queries.fieldsTouched('writes')).toEqual(['Account.Industry']);
    expect(queries.fieldsTouched('reads-or-writes').sort()).toEqual(['Account.Industry', 'Account.Rating', 'Contact.Email']);
  });

  it('recordTriggerOf: the fires-on edge of a record-triggered flow, none for a subflow', () => {
    const queries = queriesOf();
    const [trigger] = queries.readersOf('Account.Rating');
    expect(queries.recordTriggerOf(trigger!.automation)?.events).toEqual(['create', 'update']);
    const [subflow] = queries.readersOf('Contact.Email');
    expect(queries.recordTriggerOf(subflow!.automation)).toBeUndefined();
  });

  it('rules and report sections ask the query module, never the raw graph', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
    const raw = [...files(join(repoRoot, 'src', 'rules')), ...files(join(repoRoot, 'src', 'review', 'sections'))]
      .filter((file) => /queries\.graph\b|AutomationGraph/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repoRoot, file));
    expect(raw).toEqual([]);
  });
});
