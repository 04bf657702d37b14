import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../../src/report/html/escape.js';
import { pipelineGraph, pipelineSvg } from '../../../src/report/html/graph.js';
import { renderHtml } from '../../../src/report/html/index.js';
import { layeredLayout } from '../../../src/report/html/layout.js';
import { accountPipeline, bigPipeline, effect, entry, finding, nastyResult, pipeline, sampleResult } from '../result-kit.js';

const XSS = '<img src=x onerror=alert(1)>';

/** Every tag the renderer may write; anything else would have come from metadata. */
const ALLOWED_TAGS = new Set(
  'html head meta title style body header h1 h2 h3 p nav ul li a main section div span strong code table thead tbody tr th td form label select option article dl dt dd figure figcaption svg defs marker path g rect text footer script'.split(' '),
);

function tags(page: string): string[] {
  return [...page.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => match[1]!.toLowerCase());
}

describe('HTML report', () => {
  it('is one self-contained document: inline style and script, allowed by hash in the CSP, nothing loaded from elsewhere', () => {
    const page = renderHtml(sampleResult());
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1]!.replace(/&#39;/g, "'");
    const hash = (text: string): string => `sha256-${createHash('sha256').update(text).digest('base64')}`;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src '${hash(style)}'`);
    expect(csp).toContain(`script-src '${hash(script)}'`);
    // The CSP meta comes before anything it governs.
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style>'));
    expect(page).not.toMatch(/\ssrc=/i);
    expect(page).not.toMatch(/url\((?!#)/);
    expect(page).not.toMatch(/@import|<link|<iframe|<img|\sstyle=|\son[a-z]+=/i);
    expect(page.match(/<script/g)).toHaveLength(1);
  });

  it('escapes every string from metadata: hostile names, labels and messages stay text', () => {
    const result = nastyResult();
    result.objects[0]!.entries[0]!.label = XSS;
    result.findings.push(finding({ ruleId: 'recursion/self-update', severity: 'high', message: XSS, object: XSS }));
    const page = renderHtml(result);
    for (const tag of tags(page)) expect(ALLOWED_TAGS.has(tag), `<${tag}> in the page`).toBe(true);
    expect(page).not.toContain(XSS);
    expect(page).toContain(escapeHtml(XSS));
    expect(page).not.toContain('<script>alert(1)');
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).not.toMatch(/href="javascript:/i);
  });

  it('renders the same result to the same bytes', () => {
    expect(renderHtml(sampleResult())).toBe(renderHtml(sampleResult()));
    expect(renderHtml(nastyResult())).toBe(renderHtml(nastyResult()));
  });

  it('shows the verdict, the baseline states, accepted and fixed findings when the gate ran', () => {
    const base = sampleResult();
    const page = renderHtml({
      ...base,
      findings: base.findings.map((item, index) => ({ ...item, baselineState: index === 0 ? 'new' : 'existing' })),
      baseline: { kind: 'base-ref', ref: 'main', commit: 'abcdef0123456789', findings: 3 },
      fixed: [{ ...finding({ ruleId: 'recursion/event-loop', severity: 'high', fingerprint: 'f1xed' }), baselineState: 'fixed' }],
      accepted: [{ fingerprint: base.findings[1]!.fingerprint, ruleId: base.findings[1]!.ruleId, reason: 'Known', owner: 'ops', expires: '2027-01-01' }],
      gate: { status: 'failed', exitCode: 1, failOn: 'high', scope: 'new', failing: [], summary: 'Release gate failed: 1 new finding at high or above (1 high).' },
    });
    expect(page).toContain('<div class="verdict failed" id="verdict"><strong>Release gate failed: 1 new finding at high or above (1 high).</strong></div>');
    expect(page).toContain('<code>main</code> (<code>abcdef012345</code>)');
    expect(page).toContain('data-filter="state"');
    expect(page).toContain('data-filter="accepted"');
    expect(page).toContain('<section id="fixed">');
    expect(page).toContain('Known (owner ops, until 2027-01-01)');
  });

  it('draws each object’s graph as inline SVG, with generated ids', () => {
    const svg = pipelineSvg(accountPipeline(), 1).value;
    expect(svg).toMatch(/^<figure class="graph"><svg xmlns="http:\/\/www.w3.org\/2000\/svg" role="img"/);
    expect(svg).toContain('marker id="arrow-1"');
    const graph = pipelineGraph(accountPipeline());
    expect(graph.nodes.map((node) => node.id)).toEqual(graph.nodes.map((_node, index) => `n${index + 1}`));
    // Account, its 7 automations, and what they write, publish or call; a write back to Account goes to
    // a "saves again" node on the right, never a loop back across the automations.
    expect(graph.nodes.filter((node) => node.kind === 'automation')).toHaveLength(7);
    expect(graph.nodes.filter((node) => node.kind === 'object')).toHaveLength(1);
    const self = graph.nodes.filter((node) => node.kind === 'self');
    expect(self.map((node) => node.lines)).toEqual([['saves again', 'Account']]);
    expect(graph.edges.filter((edge) => edge.to === self[0]!.id).map((edge) => edge.label)).toEqual(['update Last_Sync__c (same record)', 're-fires: update Tier__c']);
    // Two writes from one automation to one object: one edge, both labels.
    const twice = pipelineGraph(pipeline('Ticket__c', [entry({ name: 'F', automationType: 'flow', step: 'after-save-flows', writes: [effect({ target: 'Case', operation: 'update', fields: ['Case.A__c'] }), effect({ target: 'Case', operation: 'create' })] })]));
    expect(twice.edges.filter((edge) => edge.from !== 'n1').map((edge) => edge.label)).toEqual(['update A__c; create']);
    expect(graph.edges.some((edge) => edge.to === 'n1')).toBe(false);
  });

  it('cuts a big graph and says so', () => {
    const svg = pipelineSvg(bigPipeline('Big__c', 40), 2).value;
    expect(svg).toContain('15 more automation(s) run on Big__c');
  });

  it('lays out layers left to right, ordered, with back edges set aside', () => {
    const node = (id: string) => ({ id, width: 100, height: 40 });
    const layout = layeredLayout([node('a'), node('b'), node('c'), node('d')], [
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
      { from: 'b', to: 'd' },
      { from: 'c', to: 'd' },
      { from: 'd', to: 'a' },
    ]);
    expect(['a', 'b', 'c', 'd'].map((id) => layout.nodes.get(id)!.layer)).toEqual([0, 1, 1, 2]);
    expect(layout.backEdges.size).toBe(1);
    expect(layout.nodes.get('b')!.y).toBeLessThan(layout.nodes.get('c')!.y);
    expect(layout.nodes.get('a')!.x).toBeLessThan(layout.nodes.get('b')!.x);
    // No two nodes overlap.
    const placed = [...layout.nodes.values()];
    for (const one of placed) {
      for (const other of placed) {
        if (one === other) continue;
        const apart = one.x + one.width <= other.x || other.x + other.width <= one.x || one.y + one.height <= other.y || other.y + other.height <= one.y;
        expect(apart, `${one.id} / ${other.id}`).toBe(true);
      }
    }
  });

  it('the html template escapes values and keeps trusted fragments', () => {
    expect(html`<p title="${'"x" & \'y\''}">${'<b>'}${html`<i>ok</i>`}${['<', 1]}</p>`.value).toBe('<p title="&quot;x&quot; &amp; &#39;y&#39;">&lt;b&gt;<i>ok</i>&lt;1</p>');
  });

  it('an object with no automation and a result with no findings still render', () => {
    const page = renderHtml(sampleResult({ findings: [], objects: [pipeline('Empty__c', [entry({ name: 'X', automationType: 'flow', step: 'after-save-flows' })])] }));
    expect(page).toContain('No findings.');
    expect(page).toContain('data-object="Empty__c"');
  });
});
