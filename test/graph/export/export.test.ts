import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { GRAPH_FORMATS, graphExporters, selectSubgraph } from '../../../src/graph/export/index.js';
import type { GraphEdge, GraphNode } from '../../../src/graph/types.js';
import { decodeMermaidLabel, mermaidErrors, parseMermaid } from '../../report/mermaid-grammar.js';
import { NASTY, nastyGraph, sampleGraph } from '../../report/result-kit.js';

/** What `--object Account` must keep: Account's automation, what it calls and writes, and the event's subscriber. */
const ACCOUNT_SUBGRAPH = [
  'apex-method:AccountService.sync',
  'apex-trigger:AccountTrigger',
  'apex-trigger:OrderEventTrigger',
  'endpoint:callout:Billing/invoices',
  'flow:Account_After_Save',
  'flow:Old_Account_Flow',
  'object:Account',
  'object:Contact',
  'object:Invoice__c',
  'object:Order_Event__e',
];

type DotToken = { kind: 'string' | 'punct' | 'word'; text: string };

/** Tokenizes DOT: quoted strings (with `\` escapes), braces and brackets, words. Throws on an unterminated string. */
function dotTokens(dot: string): DotToken[] {
  const tokens: DotToken[] = [];
  for (let index = 0; index < dot.length; index++) {
    const char = dot[index]!;
    if (char === '"') {
      let text = '';
      for (index++; dot[index] !== '"'; index++) {
        if (index >= dot.length) throw new Error('unterminated string');
        if (dot[index] === '\n') throw new Error('raw newline in a string');
        if (dot[index] === '\\') text += dot[index++];
        text += dot[index];
      }
      tokens.push({ kind: 'string', text });
    } else if ('{}[];=,'.includes(char)) {
      tokens.push({ kind: 'punct', text: char });
    } else if (/\S/.test(char)) {
      let text = char;
      while (index + 1 < dot.length && /[^\s"{}[\];=,]/.test(dot[index + 1]!)) text += dot[++index];
      tokens.push({ kind: 'word', text });
    }
  }
  return tokens;
}

function unescapeDot(text: string): string {
  return text.replace(/\\(.)/g, (_match, char: string) => (char === 'n' ? '\n' : char));
}

function balanced(tokens: DotToken[]): boolean {
  let depth = 0;
  for (const token of tokens) {
    if (token.kind !== 'punct') continue;
    if (token.text === '{' || token.text === '[') depth++;
    if (token.text === '}' || token.text === ']') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name) });

type GraphmlDoc = {
  graphml: {
    key: Array<{ '@id': string; '@for': string; '@attr.name': string; '@attr.type': string }>;
    graph: {
      '@edgedefault': string;
      node?: Array<{ '@id': string; data: Array<{ '@key': string; '#text': string | number | boolean }> }>;
      edge?: Array<{ '@id': string; '@source': string; '@target': string; data: Array<{ '@key': string; '#text': string | number | boolean }> }>;
    };
  };
};

describe('selectSubgraph', () => {
  it('keeps the whole graph, sorted, without objects', () => {
    const graph = sampleGraph();
    const all = selectSubgraph(graph);
    expect(all.nodes).toHaveLength(graph.order);
    expect(all.edges).toHaveLength(graph.size);
    expect(all.nodes.map((node) => node.id)).toEqual(graph.nodes().map((node) => node.id).sort());
  });

  it('keeps what a save of the object sets in motion, and not the automation of the objects it writes', () => {
    const sub = selectSubgraph(sampleGraph(), ['Account']);
    expect(sub.nodes.map((node) => node.id)).toEqual(ACCOUNT_SUBGRAPH);
    expect(sub.unknownObjects).toEqual([]);
    // Contact's own flow (which writes Account back) and Invoice__c's trigger are left out, with their edges.
    expect(sub.edges.some((edge) => edge.source === 'object:Contact' || edge.source === 'flow:Contact_Sync')).toBe(false);
    expect(sub.edges.some((edge) => edge.source === 'object:Invoice__c')).toBe(false);
    for (const edge of sub.edges) {
      expect(ACCOUNT_SUBGRAPH).toContain(edge.source);
      expect(ACCOUNT_SUBGRAPH).toContain(edge.target);
    }
    expect(sub.edges).toHaveLength(10);
  });

  it('matches object names case-insensitively, unions several objects and reports unknown ones', () => {
    const sub = selectSubgraph(sampleGraph(), ['account', 'CONTACT', 'Nope__c']);
    const ids = sub.nodes.map((node) => node.id);
    expect(ids).toEqual([...ACCOUNT_SUBGRAPH, 'flow:Contact_Sync'].sort());
    expect(sub.edges.some((edge) => edge.source === 'flow:Contact_Sync' && edge.target === 'object:Account')).toBe(true);
    expect(sub.unknownObjects).toEqual(['Nope__c']);
  });

  it('returns nothing for an object that is not in the graph', () => {
    expect(selectSubgraph(sampleGraph(), ['Nope__c'])).toEqual({ nodes: [], edges: [], unknownObjects: ['Nope__c'] });
  });
});

describe('graph exporters', () => {
  it('has the four formats', () => {
    expect(Object.keys(graphExporters).sort()).toEqual([...GRAPH_FORMATS].sort());
  });

  it('are deterministic: the same graph built in another order exports the same bytes', () => {
    for (const format of GRAPH_FORMATS) {
      expect(graphExporters[format](sampleGraph(true)), format).toBe(graphExporters[format](sampleGraph()));
      expect(graphExporters[format](sampleGraph(true), ['Account']), format).toBe(graphExporters[format](sampleGraph(), ['Account']));
    }
  });

  it('restrict every format to the objects given', () => {
    for (const format of GRAPH_FORMATS) {
      const all = graphExporters[format](sampleGraph());
      const account = graphExporters[format](sampleGraph(), ['Account']);
      expect(all, format).toContain('Contact_Sync');
      expect(account, format).not.toContain('Contact_Sync');
      expect(account, format).not.toContain('InvoiceTrigger');
      expect(account, format).toContain('OrderEventTrigger');
    }
  });
});

describe('json exporter', () => {
  it('round-trips the nodes and edges, sorted, keys sorted', () => {
    const graph = sampleGraph();
    const text = graphExporters.json(graph);
    const parsed = JSON.parse(text) as { nodes: GraphNode[]; edges: GraphEdge[] };
    expect(Object.keys(parsed)).toEqual(['edges', 'nodes']);
    expect(parsed.nodes).toEqual(selectSubgraph(graph).nodes);
    expect(parsed.edges).toEqual(selectSubgraph(graph).edges);
    expect(parsed.nodes).toHaveLength(graph.order);
    expect(parsed.edges).toHaveLength(graph.size);
    expect(text).toContain('"path": [\n        "AccountTrigger",\n        "AccountService.sync:42"\n      ]');
    expect(JSON.parse(graphExporters.json(nastyGraph())).nodes.map((node: GraphNode) => node.name)).toContain(NASTY);
  });
});

describe('graphml exporter', () => {
  it('is well-formed XML with key declarations, and keeps every attribute', () => {
    const text = graphExporters.graphml(sampleGraph());
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = xml.parse(text) as GraphmlDoc;
    const keys = doc.graphml.key;
    expect(keys.find((key) => key['@attr.name'] === 'kind' && key['@for'] === 'node')).toBeDefined();
    expect(keys.find((key) => key['@id'] === 'e_async')).toMatchObject({ '@for': 'edge', '@attr.type': 'boolean' });
    expect(doc.graphml.graph['@edgedefault']).toBe('directed');
    const nodes = doc.graphml.graph.node!;
    const edges = doc.graphml.graph.edge!;
    expect(nodes).toHaveLength(12);
    expect(edges).toHaveLength(14);
    const declared = new Set(keys.map((key) => key['@id']));
    for (const item of [...nodes, ...edges]) for (const data of item.data) expect(declared).toContain(data['@key']);
    const ids = new Set(nodes.map((node) => node['@id']));
    for (const edge of edges) {
      expect(ids).toContain(edge['@source']);
      expect(ids).toContain(edge['@target']);
    }
    const original = (node: GraphmlDoc['graphml']['graph']['node'] extends Array<infer T> | undefined ? T : never): string =>
      String(node.data.find((data) => data['@key'] === 'n_id')!['#text']);
    expect(nodes.map(original)).toEqual(selectSubgraph(sampleGraph()).nodes.map((node) => node.id));
  });

  it('escapes hostile names and drops characters XML cannot carry', () => {
    const graph = nastyGraph();
    graph.addNode({ id: 'object:Ctrl', kind: 'object', name: 'Ctrl\u0001\u001b[31m\uFFFE' });
    const text = graphExporters.graphml(graph);
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).not.toContain('<script');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: () => true, processEntities: true, htmlEntities: false }).parse(text) as unknown;
    expect(JSON.stringify(doc)).toContain(JSON.stringify(NASTY).slice(1, -1).slice(0, 20));
    expect(text).toContain('<data key="n_name">Ctrl[31m</data>');
  });

  it('restricts to --object', () => {
    const doc = xml.parse(graphExporters.graphml(sampleGraph(), ['Account'])) as GraphmlDoc;
    expect(doc.graphml.graph.node).toHaveLength(ACCOUNT_SUBGRAPH.length);
  });
});

describe('dot exporter', () => {
  it('has balanced braces, terminated strings, quoted ids, and one statement per node and edge', () => {
    const text = graphExporters.dot(sampleGraph());
    const tokens = dotTokens(text);
    expect(balanced(tokens)).toBe(true);
    expect(text.startsWith('digraph "automation" {\n')).toBe(true);
    expect(text.trimEnd().endsWith('}')).toBe(true);
    expect(text.match(/ -> /g)).toHaveLength(14);
    expect(text).toContain('"apex-trigger:AccountTrigger" -> "object:Account" [label="writes (update)\\nAccount.Last_Sync__c"];');
    expect(text).toContain('"apex-method:AccountService.sync" -> "endpoint:callout:Billing/invoices" [label="calls-out, async\\nHTTP POST", style="dashed"];');
    expect(text).toContain('"flow:Old_Account_Flow" [label="Old_Account_Flow\\nflow, inactive", shape="box", style="dashed", color="gray"];');
  });

  it('escapes quotes and backslashes in hostile names, so they stay inside their strings', () => {
    const graph = nastyGraph();
    graph.addNode({ id: 'object:Back\\slash"', kind: 'object', name: 'Back\\slash" ] } {' });
    const text = graphExporters.dot(graph);
    const tokens = dotTokens(text);
    expect(balanced(tokens)).toBe(true);
    const strings = tokens.filter((token) => token.kind === 'string').map((token) => unescapeDot(token.text));
    expect(strings).toContain('object:Back\\slash"');
    expect(strings.some((text) => text.startsWith('Back\\slash" ] } {'))).toBe(true);
    expect(strings).toContain(`object:${NASTY.replace(/\n/g, ' ')}`);
    // Outside strings, only DOT's own syntax: no word comes from metadata.
    const words = tokens.filter((token) => token.kind === 'word').map((token) => token.text);
    const syntax = ['digraph', 'graph', 'node', 'edge', 'label', 'shape', 'style', 'color', 'rankdir', 'fontname', 'fontsize', '->'];
    expect(words.filter((word) => !syntax.includes(word))).toEqual([]);
    expect(words).toContain('->');
  });
});

describe('mermaid exporter', () => {
  it('writes a flowchart that passes the strict grammar, dashed where the hop is later', () => {
    const text = graphExporters.mermaid(sampleGraph());
    expect(mermaidErrors(text)).toEqual([]);
    const diagram = parseMermaid(text);
    expect(diagram.nodes.size).toBe(12);
    expect(diagram.edges).toHaveLength(14);
    const byName = new Map([...diagram.nodes].map(([id, label]) => [decodeMermaidLabel(label).split(' · ')[0]!, id]));
    const publish = diagram.edges.find((edge) => edge.from === byName.get('Account_After_Save') && edge.to === byName.get('Order_Event__e'))!;
    expect(publish.dashed).toBe(true);
    const write = diagram.edges.find((edge) => edge.from === byName.get('Account_After_Save') && edge.to === byName.get('Contact'))!;
    expect(write.dashed).toBe(false);
    expect(decodeMermaidLabel(write.label)).toBe('writes (update) · Contact.MailingCity');
  });

  it('stays valid with hostile names', () => {
    const text = graphExporters.mermaid(nastyGraph());
    expect(mermaidErrors(text)).toEqual([]);
    expect(text).not.toContain('%%');
    expect(text).not.toContain('<script');
    expect(text.split('\n').filter(Boolean)).toHaveLength(1 + 3 + 3);
  });
});
