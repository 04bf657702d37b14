/**
 * `$Permission.X` in a flow: in a formula (`{!$Permission.Bypass_Flows}`), a decision condition
 * (`<leftValueReference>$Permission.Bypass_Flows</leftValueReference>`) or the start element's entry
 * criteria (`<filterFormula>`). A flow that asks for a custom permission nearly always lets its holders
 * skip it. The flow parser models elements, not conditions, so this reads the text once, alongside it:
 * one forward pass over the tags (no tree, no recursion), attributing each reference to the top-level
 * element it sits in and that element's `<name>`.
 */
import { LineLocator } from './lines.js';
import type { FlowModel, FlowPermissionCheck } from './model.js';

const REFERENCE = /\$Permission\.([A-Za-z][A-Za-z0-9_]*)/g;

/** What a top-level element is, as a finding names it. */
const KIND: Record<string, string> = { formulas: 'formula', decisions: 'decision', assignments: 'assignment', recordLookups: 'Get Records', recordUpdates: 'Update Records', recordCreates: 'Create Records', recordDeletes: 'Delete Records', screens: 'screen', waits: 'wait', loops: 'loop' };

type Span = { tag: string; start: number; end: number; name?: string };

export function flowPermissionChecks(text: string): FlowPermissionCheck[] {
  if (!text.includes('$Permission.')) return [];
  const { spans, comments } = topLevelSpans(text);
  const lines = new LineLocator(text);
  const checks: FlowPermissionCheck[] = [];
  let index = 0;
  let comment = 0;
  for (const match of text.matchAll(REFERENCE)) {
    const offset = match.index;
    // A check commented out checks nothing.
    while (comment < comments.length && comments[comment]!.end < offset) comment += 1;
    if (comments[comment] && comments[comment]!.start <= offset) continue;
    // Spans and matches are both in file order: one pointer walks the spans.
    while (index < spans.length && spans[index]!.end < offset) index += 1;
    const span = spans[index] && spans[index]!.start <= offset ? spans[index] : undefined;
    checks.push({ permission: match[1]!, where: whereOf(span), line: lines.lineAt(offset) });
  }
  return checks;
}

/** The flow with its permission checks (none: unchanged). */
export function withFlowPermissionChecks(flow: FlowModel, text: string): FlowModel {
  const checks = flowPermissionChecks(text);
  return checks.length > 0 ? { ...flow, permissionChecks: checks } : flow;
}

function whereOf(span: Span | undefined): string {
  if (!span) return 'flow';
  if (span.tag === 'start') return 'entry criteria';
  return `${KIND[span.tag] ?? span.tag}${span.name ? ` ${span.name}` : ''}`;
}

/** The children of the root element, with their offsets and `<name>`, and the comments: one pass, depth counted, CDATA skipped. */
function topLevelSpans(text: string): { spans: Span[]; comments: Array<{ start: number; end: number }> } {
  const spans: Span[] = [];
  const comments: Array<{ start: number; end: number }> = [];
  let depth = 0;
  let current: Span | undefined;
  let nameStart = -1;
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
    if (text.startsWith('<!--', at)) {
      const start = at;
      at = text.indexOf('-->', at);
      comments.push({ start, end: at === -1 ? text.length : at });
      if (at === -1) break;
      continue;
    }
    if (text.startsWith('<![CDATA[', at)) {
      at = text.indexOf(']]>', at);
      if (at === -1) break;
      continue;
    }
    if (text[at + 1] === '?' || text[at + 1] === '!') continue;
    const close = text.indexOf('>', at);
    if (close === -1) break;
    const closing = text[at + 1] === '/';
    const selfClosing = text[close - 1] === '/';
    const tag = /^[A-Za-z_][\w.:-]*/.exec(text.slice(closing ? at + 2 : at + 1, close))?.[0] ?? '';
    if (closing) {
      if (depth === 3 && current && tag === 'name' && nameStart !== -1 && current.name === undefined) current.name = text.slice(nameStart, at).trim();
      if (depth === 2 && current) {
        current.end = close;
        spans.push(current);
        current = undefined;
      }
      depth -= 1;
    } else if (!selfClosing) {
      depth += 1;
      if (depth === 2) current = { tag, start: at, end: text.length };
      else if (depth === 3 && tag === 'name') nameStart = close + 1;
    }
    at = close;
  }
  return { spans, comments };
}
