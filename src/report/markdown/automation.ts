import type { ObjectPipeline, PipelineEntry } from '../../graph/pipeline-types.js';
import type { AutomationType } from '../../graph/types.js';
import type { ReviewResult } from '../../review/result.js';
import { cell, code, heading, lineStart, table } from '../markdown-escape.js';
import { automationText, callsOutText, changesAccessText, firesOnText, writesText } from './effects.js';
import { plural, sourceRef, stepCell, stepLabel, typeLabel, uncoveredStepLabels } from './labels.js';
import { OBJECT_EXTRAS } from './object-extras/index.js';
import { MAX_DIAGRAM_AUTOMATIONS, pipelineDiagram } from './pipeline-diagram.js';
import { folded, MARKDOWN_LIMITS } from './fold.js';

/** Rows per object table (active automation, and again for the inactive list) before the report cuts. */
export const MAX_TABLE_ROWS = 40;

export const AUTOMATION_COLUMNS = ['#', 'step', 'automation', 'fires on', 'writes', 'calls out', 'changes access', 'owner', 'source'];

/** The ownership component type of an automation; Apex and workflow actions are not checked (no description). */
const OWNERSHIP_TYPES: Partial<Record<AutomationType, string>> = {
  flow: 'Flow',
  'process-builder': 'Flow',
  'validation-rule': 'ValidationRule',
  'workflow-rule': 'WorkflowRule',
  'roll-up-summary': 'CustomField',
};

type OwnerLookup = (entry: PipelineEntry) => string;

/** `## Automation by object`: per object, what a save runs, in Salesforce's order of execution. */
export function renderAutomationByObject(result: ReviewResult): string {
  const parts = ['## Automation by object'];
  if (result.objects.length === 0) {
    parts.push('No automation fires on the objects reviewed.');
  }
  const owner = ownerLookup(result);
  for (const pipeline of result.objects.slice(0, MARKDOWN_LIMITS.objects)) parts.push(renderObject(result, pipeline, owner));
  const hidden = result.objects.slice(MARKDOWN_LIMITS.objects);
  if (hidden.length > 0) {
    const names = hidden.map((pipeline) => `- ${code(pipeline.object)}: ${plural(pipeline.entries.length, 'automation')}`).join('\n');
    parts.push(folded(`${hidden.length} more objects with automation, not drawn here (<code>--object NAME</code> reports one)`, names));
  }
  return parts.join('\n\n');
}

/** `sales-ops (description)`; `none` when a checked component has no owner; `not checked` for Apex and workflow actions. */
function ownerLookup(result: ReviewResult): OwnerLookup {
  const owners = new Map((result.ownership?.components ?? []).map((component) => [`${component.type}\u0000${component.name}`, component]));
  return (entry) => {
    const type = OWNERSHIP_TYPES[entry.automationType];
    if (!result.ownership) return '';
    if (!type) return 'not checked';
    const component = owners.get(`${type}\u0000${entry.name}`);
    if (!component) return '';
    return component.owner ? `${cell(component.owner)} (${cell(component.ownerSource)})` : 'none';
  };
}

function renderObject(result: ReviewResult, pipeline: ObjectPipeline, owner: OwnerLookup): string {
  const parts = [`### ${heading(pipeline.object)}`];
  const { entries } = pipeline;
  if (entries.length === 0) {
    parts.push(`No active automation runs on a save of ${code(pipeline.object)}.`);
  } else {
    parts.push(table(AUTOMATION_COLUMNS, entries.slice(0, MAX_TABLE_ROWS).map((entry) => row(entry, owner))));
    if (entries.length > MAX_TABLE_ROWS) {
      parts.push(cutSentence(pipeline.object, `The table shows the first ${MAX_TABLE_ROWS} of ${entries.length} automations`, entries.length - MAX_TABLE_ROWS));
    }
  }

  if (pipeline.inactive.length > 0) {
    const shown = pipeline.inactive.slice(0, MAX_TABLE_ROWS).map(inactiveItem);
    parts.push([`**Inactive** (deployed, not firing): ${plural(pipeline.inactive.length, 'automation')}.`, '', ...shown].join('\n'));
    if (pipeline.inactive.length > MAX_TABLE_ROWS) {
      parts.push(cutSentence(pipeline.object, `The list shows the first ${MAX_TABLE_ROWS} of ${pipeline.inactive.length} inactive automations`, pipeline.inactive.length - MAX_TABLE_ROWS));
    }
  }

  for (const extra of OBJECT_EXTRAS) {
    const text = extra(result, pipeline);
    if (text !== undefined) parts.push(text);
  }
  if (pipeline.notes.length > 0) {
    parts.push(['**Notes:**', '', ...pipeline.notes.map((note) => `- ${lineStart(note)}`)].join('\n'));
  }
  if (pipeline.stepsNotCovered.length > 0) {
    parts.push(`Not covered by this version: ${cell(uncoveredStepLabels(pipeline.stepsNotCovered).join(', '))}. Automation in these steps is not shown.`);
  }

  if (entries.length > 0) {
    parts.push(pipelineDiagram(pipeline));
    if (entries.length > MAX_DIAGRAM_AUTOMATIONS) {
      parts.push(cutSentence(pipeline.object, `The diagram shows the first ${MAX_DIAGRAM_AUTOMATIONS} of ${entries.length} automations`, entries.length - MAX_DIAGRAM_AUTOMATIONS));
    }
  }
  return parts.join('\n\n');
}

function row(entry: PipelineEntry, owner: OwnerLookup): string[] {
  return [
    String(entry.position),
    cell(stepCell(entry.step)) + (entry.order ? ` (${cell(entry.order)})` : ''),
    automationText(entry),
    firesOnText(entry),
    writesText(entry),
    callsOutText(entry),
    changesAccessText(entry),
    owner(entry),
    sourceRef(entry.source),
  ];
}

function inactiveItem(entry: PipelineEntry): string {
  const label = entry.label && entry.label !== entry.name ? ` (${cell(entry.label)})` : '';
  const source = sourceRef(entry.source);
  return `- ${cell(typeLabel(entry.automationType))} ${code(entry.name)}${label}, ${cell(stepLabel(entry.step))}${source ? `: ${source}` : ''}`;
}

function cutSentence(object: string, shown: string, left: number): string {
  return `${shown}; ${plural(left, 'automation is', 'automations are')} left out here. \`--format json\` or ${code(`sf arch graph --object ${object}`)} has everything.`;
}
