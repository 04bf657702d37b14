import type { EffectSummary, ObjectPipeline, PipelineEntry } from '../../graph/pipeline-types.js';
import type { ReviewResult } from '../../review/result.js';
import { IMPLICIT_LABELS, stepCell, typeLabel, uncoveredStepLabels } from '../markdown/labels.js';
import { html, type SafeHtml } from './escape.js';
import { where } from './findings.js';
import { pipelineSvg } from './graph.js';

/** Per object: the graph of its save, then every automation in execution order with what it does. */
export function objectsSection(result: ReviewResult): SafeHtml {
  if (result.objects.length === 0) return html`<section id="objects"><h2>Automation by object</h2><p>No object has automation.</p></section>`;
  return html`<section id="objects"><h2>Automation by object</h2>${result.objects.map((pipeline, index) => objectSection(pipeline, index))}</section>`;
}

/** Section ids are generated (`object-1`, ...): an object name never becomes an id or a link. */
export function objectAnchor(index: number): string {
  return `object-${index + 1}`;
}

function objectSection(pipeline: ObjectPipeline, index: number): SafeHtml {
  return html`<section id="${objectAnchor(index)}" class="object" data-object-section="" data-object="${pipeline.object}"><h3>${pipeline.object}${
    pipeline.objectKind ? html` <span class="muted">(${pipeline.objectKind})</span>` : ''
  }</h3>${pipelineSvg(pipeline, index + 1)}${pipelineTable(pipeline.entries)}${
    pipeline.inactive.length > 0
      ? html`<p class="muted">Deployed but not firing: ${pipeline.inactive.map((entry, position) => html`${position > 0 ? ', ' : ''}${typeLabel(entry.automationType)} <code>${entry.name}</code>`)}.</p>`
      : ''
  }${pipeline.notes.length > 0 ? html`<ul class="notes">${pipeline.notes.map((note) => html`<li>${note}</li>`)}</ul>` : ''}${
    pipeline.stepsNotCovered.length > 0 ? html`<p class="muted">Not read by this version: ${uncoveredStepLabels(pipeline.stepsNotCovered).join(', ')}.</p>` : ''
  }</section>`;
}

function pipelineTable(entries: PipelineEntry[]): SafeHtml {
  if (entries.length === 0) return html`<p>No active automation.</p>`;
  return html`<table class="pipeline"><thead><tr><th>#</th><th>step</th><th>automation</th><th>events</th><th>criteria</th><th>writes</th><th>other effects</th></tr></thead><tbody>${entries.map(
    (entry) => html`<tr><td>${entry.position}</td><td>${stepCell(entry.step)}${entry.order ? html`<div class="muted">${entry.order}</div>` : ''}</td><td>${typeLabel(entry.automationType)} <code>${entry.name}</code>${
      entry.label && entry.label !== entry.name ? html`<div>${entry.label}</div>` : ''
    }${entry.via ? html`<div class="muted">via ${entry.via}</div>` : ''}${entry.source ? html`<div>${where(entry.source.file, entry.source.line)}</div>` : ''}</td><td>${entry.events.join(', ')}</td><td>${
      entry.criteria ? html`<code>${entry.criteria}</code>` : ''
    }</td><td>${effects(entry.writes)}</td><td>${otherEffects(entry)}</td></tr>`,
  )}</tbody></table>`;
}

function effects(list: EffectSummary[]): SafeHtml | string {
  if (list.length === 0) return '';
  return html`<ul>${list.map((effect) => html`<li>${describe(effect)}</li>`)}</ul>`;
}

function otherEffects(entry: PipelineEntry): SafeHtml | string {
  const items = [
    ...entry.callsOut.map((effect) => ['calls out', effect] as const),
    ...entry.publishes.map((effect) => ['publishes', effect] as const),
    ...entry.enqueues.map((effect) => ['enqueues', effect] as const),
    ...entry.changesAccess.map((effect) => ['changes access', effect] as const),
    ...(entry.notVisible ?? []).map((effect) => ['calls code not visible', effect] as const),
  ];
  if (items.length === 0) return '';
  return html`<ul>${items.map(([what, effect]) => html`<li>${what}: ${describe(effect)}</li>`)}</ul>`;
}

function describe(effect: EffectSummary): SafeHtml {
  const flags = [
    effect.operation,
    effect.targetsTriggeringRecord ? 'same record' : undefined,
    effect.inMemory ? 'in memory, no save' : undefined,
    effect.async ? 'later transaction' : undefined,
    effect.confidence !== 'certain' ? effect.confidence : undefined,
    effect.implicit ? IMPLICIT_LABELS[effect.implicit] : undefined,
  ].filter((flag): flag is string => Boolean(flag));
  return html`<code>${effect.target}</code>${effect.fields && effect.fields.length > 0 ? html` <span class="mono">${effect.fields.join(', ')}</span>` : ''}${
    flags.length > 0 ? html` <span class="muted">(${flags.join(', ')})</span>` : ''
  }${effect.note ? html` — ${effect.note}` : ''}${effect.path && effect.path.length > 0 ? html`<div class="muted">${effect.path.join(' → ')}</div>` : ''}`;
}
