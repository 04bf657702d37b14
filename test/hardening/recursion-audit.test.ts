import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';
import { recursiveFunctions } from './recursion-audit.js';

/**
 * Every recursion left in src/, and why a deep real org cannot drive it past the stack. A new recursive
 * function fails this test: make it iterative (an explicit stack) or bound its depth, then list it here
 * with the bound. Walks over graphs that real metadata shapes (call chains, subflows, cycles, layouts)
 * must not appear here at all.
 */
const ACCOUNTED: Record<string, string> = {
  'load/discover.ts#resolveWithSdr': 'one level per folder when SDR rejects a folder: bounded by the path length limit of the file system',
  'load/project.ts#packageDirectories|load/project.ts#resolveSourceDirs': 'one level: package directories are resolved as --source-dir values',
  'metadata/apex/class-extractor.ts#collect': 'Apex syntax tree, inside one file\'s parse: a stack overflow there is that file\'s ParseIssue (deep-shapes test)',
  'metadata/apex/class-extractor.ts#extractMembers': 'Apex inner classes nest one level',
  'metadata/apex/infer.ts#inferDot|metadata/apex/infer.ts#inferType': 'Apex expression, inside one file\'s parse (ParseIssue on overflow)',
  'metadata/apex/origins.ts#dotOrigin|metadata/apex/origins.ts#nameSource|metadata/apex/origins.ts#originOf': 'Apex expression a receiver comes from, inside one file\'s parse (ParseIssue on overflow)',
  'metadata/apex/soql.ts#literalText.visit': 'Apex expression, inside one file\'s parse (ParseIssue on overflow)',
  'metadata/apex/soql.ts#readSoql.visit': 'SOQL syntax tree, inside one file\'s parse (ParseIssue on overflow)',
  'metadata/apex/soql.ts#readSosl.collect': 'SOSL syntax tree, inside one file\'s parse (ParseIssue on overflow)',
  'metadata/apex/types.ts#typeFromTypeRef': 'generic type arguments, inside one file\'s parse (ParseIssue on overflow)',
  'metadata/apex/types.ts#typeText': 'generic type arguments, inside one file\'s parse (ParseIssue on overflow)',
  'metadata/flow/references.ts#ReferenceResolver.resolve': 'collection references, bounded by MAX_DEPTH',
  'metadata/xml.ts#text': 'one level per wrapping array of a parsed XML value (fast-xml-parser caps nesting)',
  'org/merge-tree.ts#walk': 'one level per folder of a retrieved tree: bounded by the path length limit of the file system',
  'report/html/escape.ts#render': 'nested html`` templates as the renderer writes them: a fixed depth in our own code',
  'report/stable-json.ts#write': 'the depth of the ReviewResult type (about ten levels), not of the metadata',
  'review/sections/recursion.ts#longestChain.visit': 'bounded by MAX_CHAIN_HOPS (8) and MAX_EXPANSIONS',
  'rules/limits/loop-sites.ts#flowSites.flowReach|rules/limits/loop-sites.ts#flowSites.nestedReach': 'bounded by MAX_CALL_DEPTH (10)',
};

/** The Apex statement walker is one mutually recursive visitor; any of its members may join or leave it. */
const APEX_WALKER = /^metadata\/apex\/walker\.ts#BlockWalker\./;

describe('recursion in src/', () => {
  const cycles = recursiveFunctions(join(repoRoot, 'src'));

  it('every recursive function is accounted for, with its bound', () => {
    const unaccounted = cycles.map((members) => members.join('|')).filter((key) => !ACCOUNTED[key] && !key.split('|').every((member) => APEX_WALKER.test(member)));
    expect(unaccounted).toEqual([]);
  });

  it('the list names no recursion that is gone', () => {
    const present = new Set(cycles.map((members) => members.join('|')));
    expect(Object.keys(ACCOUNTED).filter((key) => !present.has(key))).toEqual([]);
  });

  it('the graph builders, queries, rules and renderers walk with explicit stacks', () => {
    const walkers = cycles.flat().filter((name) => /^(graph|rules\/recursion|rules\/support|report\/html\/layout)/.test(name));
    expect(walkers).toEqual([]);
  });
});
