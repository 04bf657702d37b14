import type { BaselineInfo } from '../../gate/types.js';
import type { ReviewResult } from '../../review/result.js';
import { SEVERITIES } from '../../review/finding.js';
import { AUTOMATION_TYPE_LABELS, uncoveredStepLabels } from '../markdown/labels.js';
import { html, type SafeHtml } from './escape.js';

/** The verdict, the comparison with the baseline, and the numbers a reviewer looks at first. */
export function summarySection(result: ReviewResult): SafeHtml {
  const counts = automationCounts(result);
  const active = [...counts.values()].reduce((sum, value) => sum + value.active, 0);
  const inactive = [...counts.values()].reduce((sum, value) => sum + value.inactive, 0);
  return html`<section id="summary"><h2>Summary</h2>${verdict(result)}<div class="cards">
<div class="card"><div class="value">${result.objects.length}</div>objects with automation<div class="muted">of ${result.summary.objects.length} in the inventory</div></div>
<div class="card"><div class="value">${active}</div>active automations<div class="muted">${inactive} inactive</div></div>
<div class="card"><div class="value">${result.findings.length}</div>findings<div class="muted">${SEVERITIES.map((severity) => `${result.findings.filter((finding) => finding.severity === severity).length} ${severity}`).join(' · ')}</div></div>
<div class="card"><div class="value">${result.parseIssues.length}</div>files not read<div class="muted">${result.ruleErrors.length} rule(s) failed</div></div>
</div>${
    counts.size > 0
      ? html`<table class="automation-counts"><thead><tr><th>automation</th><th>active</th><th>inactive</th></tr></thead><tbody>${[...counts].map(
          ([type, value]) => html`<tr><td>${AUTOMATION_TYPE_LABELS[type as keyof typeof AUTOMATION_TYPE_LABELS] ?? type}</td><td>${value.active}</td><td>${value.inactive}</td></tr>`,
        )}</tbody></table>`
      : ''
  }<p class="muted">Not covered by this version: ${uncoveredStepLabels().join(', ')}. Automation in these steps of the order of execution is not read, so it is not shown.</p></section>`;
}

function verdict(result: ReviewResult): SafeHtml | string {
  const lines: SafeHtml[] = [];
  if (result.gate) lines.push(html`<div class="verdict ${result.gate.status}" id="verdict"><strong>${result.gate.summary}</strong></div>`);
  if (result.baseline) {
    const state = (name: 'new' | 'existing'): number => result.findings.filter((finding) => finding.baselineState === name).length;
    lines.push(
      html`<p>Compared with ${baselineName(result.baseline)}: <span class="badge new">${state('new')} new</span> <span class="badge existing">${state('existing')} existing</span> <span class="badge fixed">${result.fixed?.length ?? 0} fixed</span></p>`,
    );
  }
  if (result.accepted && result.accepted.length > 0) lines.push(html`<p><span class="badge accepted">${result.accepted.length} accepted</span> risk(s) are kept out of the release gate.</p>`);
  return lines.length > 0 ? html`${lines}` : '';
}

function baselineName(baseline: BaselineInfo): SafeHtml {
  return baseline.kind === 'base-ref' ? html`<code>${baseline.ref}</code> (<code>${baseline.commit.slice(0, 12)}</code>)` : html`<code>${baseline.file}</code>`;
}

/** Distinct automations per type across every pipeline (an automation in two steps counts once). */
function automationCounts(result: ReviewResult): Map<string, { active: number; inactive: number }> {
  const active = new Map<string, string>();
  const inactive = new Map<string, string>();
  for (const pipeline of result.objects) {
    for (const entry of pipeline.entries) active.set(entry.automationId, entry.automationType);
    for (const entry of pipeline.inactive) if (!active.has(entry.automationId)) inactive.set(entry.automationId, entry.automationType);
  }
  const counts = new Map<string, { active: number; inactive: number }>();
  for (const type of Object.keys(AUTOMATION_TYPE_LABELS)) {
    const a = [...active.values()].filter((candidate) => candidate === type).length;
    const i = [...inactive.entries()].filter(([id, candidate]) => candidate === type && !active.has(id)).length;
    if (a + i > 0) counts.set(type, { active: a, inactive: i });
  }
  return counts;
}
