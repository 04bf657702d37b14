import { docsUrl } from '../../docs/links.js';
import type { AcceptedFinding, FixedFinding, GatedFinding } from '../../gate/types.js';
import type { ReviewResult } from '../../review/result.js';
import { SEVERITIES } from '../../review/finding.js';
import { sortFindings } from '../markdown/findings.js';
import { html, type SafeHtml } from './escape.js';

/** Every finding with its evidence, filterable by severity, category, object and baseline state. */
export function findingsSection(result: ReviewResult): SafeHtml {
  const accepted = new Map((result.accepted ?? []).map((item) => [item.fingerprint, item]));
  const findings = sortFindings(result.findings) as GatedFinding[];
  const docs = new Map((result.rules ?? []).map((rule) => [rule.id, rule.docs]));
  return html`<section id="findings"><h2>Findings</h2>${filters(result, accepted)}<p class="muted">Showing <span id="findings-shown">${findings.length}</span> of ${findings.length} finding(s).</p>${
    findings.length === 0 ? html`<p>No findings.</p>` : findings.map((finding) => findingCard(finding, accepted.get(finding.fingerprint), docs.get(finding.ruleId)))
  }</section>${fixedSection(result.fixed)}`;
}

function filters(result: ReviewResult, accepted: Map<string, AcceptedFinding>): SafeHtml {
  const distinct = (values: Array<string | undefined>): string[] => [...new Set(values.filter((value): value is string => Boolean(value)))].sort();
  const severities = SEVERITIES.filter((severity) => result.findings.some((finding) => finding.severity === severity));
  const objects = distinct([...result.findings.map((finding) => finding.object), ...result.objects.map((pipeline) => pipeline.object)]);
  return html`<form class="filters" id="filters">${select('severity', 'Severity', severities)}${select('category', 'Category', distinct(result.findings.map((finding) => finding.category)))}${select(
    'object',
    'Object',
    objects,
  )}${result.baseline ? select('state', 'New or existing', ['new', 'existing']) : ''}${accepted.size > 0 ? select('accepted', 'Accepted', ['open', 'accepted']) : ''}</form>`;
}

function select(key: string, label: string, values: string[]): SafeHtml {
  return html`<label>${label}<select data-filter="${key}" name="${key}"><option value="">all</option>${values.map((value) => html`<option value="${value}">${value}</option>`)}</select></label>`;
}

function findingCard(finding: GatedFinding, accepted: AcceptedFinding | undefined, docs: string | undefined): SafeHtml {
  const page = docs ?? `docs/rules/${finding.ruleId}.md`;
  return html`<article class="finding" data-finding="" data-severity="${finding.severity}" data-category="${finding.category}" data-object="${finding.object ?? ''}" data-state="${
    finding.baselineState ?? ''
  }" data-accepted="${accepted ? 'accepted' : 'open'}"><div class="head"><span class="badge ${finding.severity}">${finding.severity}</span>${
    finding.baselineState ? html`<span class="badge ${finding.baselineState}">${finding.baselineState}</span>` : ''
  }${accepted ? html`<span class="badge accepted">accepted</span>` : ''}<a href="${docsUrl(page)}"><code>${finding.ruleId}</code></a>${
    finding.object ? html`<span>on <code>${finding.object}</code></span>` : ''
  }</div><p class="message">${finding.message}</p><dl>${
    finding.components.length > 0
      ? html`<dt>components</dt><dd><ul>${finding.components.map((component) => html`<li>${component.type} <code>${component.name}</code> ${where(component.file, component.line)}</li>`)}</ul></dd>`
      : ''
  }${
    finding.evidence.length > 0 ? html`<dt>evidence</dt><dd><ul>${finding.evidence.map((item) => html`<li>${item.text} ${item.file ? where(item.file, item.line) : ''}</li>`)}</ul></dd>` : ''
  }${
    accepted ? html`<dt>accepted</dt><dd>${accepted.reason} (owner ${accepted.owner}, until ${accepted.expires}${accepted.policyLine ? `, policy line ${accepted.policyLine}` : ''})</dd>` : ''
  }<dt>fingerprint</dt><dd><code>${finding.fingerprint}</code></dd></dl></article>`;
}

function fixedSection(fixed: FixedFinding[] | undefined): SafeHtml | string {
  if (!fixed || fixed.length === 0) return '';
  return html`<section id="fixed"><h2>Fixed in this release</h2><table><thead><tr><th>severity</th><th>rule</th><th>object</th><th>finding</th><th>fingerprint</th></tr></thead><tbody>${fixed.map(
    (finding) => html`<tr><td><span class="badge ${finding.severity}">${finding.severity}</span></td><td><code>${finding.ruleId}</code></td><td>${finding.object ?? ''}</td><td>${finding.message}</td><td><code>${finding.fingerprint}</code></td></tr>`,
  )}</tbody></table></section>`;
}

export function where(file: string, line: number | undefined): SafeHtml {
  return html`<span class="muted mono">${line !== undefined ? `${file}:${line}` : file}</span>`;
}
