import { cell, code, heading, table } from '../report/markdown-escape.js';
import { refText } from './facts.js';
import type { AutomationSubject, ChainHop, ChainStage, EdgeFact, Explanation, FieldSubject, OwnershipFacts } from './types.js';

/** The explanation as Markdown: the subject, its facts, then the chain object by object in execution order. */
export function renderExplainMarkdown(explanation: Explanation): string {
  const { subject } = explanation;
  const parts = [`# Explain ${heading(subject.kind === 'field' ? subject.name : subject.automation.name)}`];
  if (subject.kind === 'field') appendField(parts, subject);
  else appendAutomation(parts, subject);
  appendChain(parts, explanation);
  return `${parts.join('\n\n')}\n`;
}

function appendField(parts: string[], subject: FieldSubject): void {
  const sor = subject.systemOfRecord;
  const decided = sor.source === 'policy' ? `policy glob ${code(sor.pattern ?? '')}${sor.line !== undefined ? ` (${cell(sor.policyFile ?? 'policy')}:${sor.line})` : ''}` : sor.source === 'description' ? `description tag ${code(sor.tag ?? sor.label)}` : 'default owner: no policy glob or tag claims it';
  parts.push(
    [
      `Field ${code(subject.name)}${subject.label ? ` (${cell(subject.label)})` : ''}, ${subject.source ? `defined in ${code(refText(subject.source))}` : 'not defined in the project (a standard field, or one it only mentions)'}.`,
      '',
      `- **System of record:** ${cell(sor.label)} (${decided})`,
      ...ownershipLines(subject.ownership),
    ].join('\n'),
  );
  parts.push('## Who writes it', subject.writers.length > 0 ? factTable(subject.writers) : 'Nothing in the project writes it: no flow, trigger, workflow field update or roll-up.');
  parts.push('## Who reads it', subject.readers.length > 0 ? factTable(subject.readers) : 'No automation in the project reads it.');
}

function appendAutomation(parts: string[], subject: AutomationSubject): void {
  const automation = subject.automation;
  parts.push(
    [
      `${cell(automation.type)} ${code(automation.name)}${subject.label ? ` (${cell(subject.label)})` : ''}${automation.object ? ` on ${code(automation.object)}` : ''}${automation.source ? `, in ${code(refText(automation.source))}` : ''}.${automation.active ? '' : ' **Inactive**: it is deployed but never runs, so it sets nothing off.'}`,
      ...(subject.sameName.length > 0 ? ['', `Other automation with the same name: ${subject.sameName.map(code).join(', ')} (explain one by its id).`] : []),
      ...(subject.ownership ? ['', ...ownershipLines(subject.ownership)] : []),
    ].join('\n'),
  );
  parts.push(
    '## What fires it',
    subject.firedBy.length > 0
      ? table(
          ['how', 'from', 'events', 'criteria', 'step', 'source'],
          subject.firedBy.map((fact) => [fact.kind, code(fact.from), cell(fact.events.join(', ')), cell(fact.criteria), fact.step ? `${fact.step} (#${fact.position})` : '', code(refText(fact.evidence))]),
        )
      : 'Nothing in the project fires or calls it (it may run from a schedule, a button, the API or a package).',
  );
  parts.push('## What it does', subject.effects.length > 0 ? factTable(subject.effects, true) : 'It writes, reads and calls nothing the graph knows of.');
}

function ownershipLines(ownership: OwnershipFacts | undefined): string[] {
  return [
    `- **Owner:** ${ownership?.owner ? `${cell(ownership.owner)} (${cell(ownership.ownerSource)}, ${code(refText(ownership.ownerRef))})` : 'none declared'}`,
    `- **Expires:** ${ownership?.expires ? `${ownership.expires}${ownership.expired ? ' (**expired**)' : ''} (${code(refText(ownership.expiresRef))})` : 'no expiry'}${ownership?.retiring ? ' · marked DeprecateCandidate' : ''}`,
  ];
}

function factTable(facts: EdgeFact[], byKind = false): string {
  return table(
    [...(byKind ? ['what', 'target'] : ['automation', 'type']), 'fields', 'how', 'source'],
    facts.map((fact) => [
      ...(byKind ? [fact.kind, code(fact.target)] : [code(fact.automation.name), cell(fact.automation.type)]),
      cell(fact.fields.join(', ')),
      cell(howOf(fact)),
      code(refText(fact.evidence)),
    ]),
  );
}

function howOf(fact: EdgeFact): string {
  return [
    fact.operation,
    fact.inMemory ? 'in memory (before save)' : undefined,
    fact.async ? 'async' : undefined,
    fact.implicit,
    fact.path ? `via ${fact.path.join(' → ')}` : undefined,
    fact.note,
  ]
    .filter(Boolean)
    .join('; ');
}

function appendChain(parts: string[], explanation: Explanation): void {
  parts.push('## What a change sets off');
  const { chain, subject } = explanation;
  if (chain.length === 0) {
    parts.push(subject.kind === 'automation' ? 'It saves no record and publishes no event, so it sets nothing else off.' : 'Nothing in the project fires on its object.');
  }
  let step = 0;
  for (const stage of chain) {
    step++;
    parts.push(`### ${step}. Save of ${heading(stage.object)}${stage.depth > 0 ? ` (hop ${stage.depth})` : ''}`, stageBody(stage));
  }
  const cut = explanation.cut;
  if (cut) {
    const why = cut.reason === 'depth' ? `after ${cut.limit} hops (--depth)` : `after ${cut.limit} objects`;
    parts.push(`> **Cut ${why}.** Reached but not expanded: ${cut.notExpanded.slice(0, 20).map(code).join(', ')}${cut.notExpanded.length > 20 ? ` and ${cut.notExpanded.length - 20} more` : ''}.`);
  }
}

function stageBody(stage: ChainStage): string {
  const lines: string[] = [];
  if (stage.reachedBy.length > 0) lines.push(`Reached by:\n${stage.reachedBy.map((hop) => `- ${hopText(hop)}`).join('\n')}`);
  lines.push(
    stage.entries.length > 0
      ? table(
          ['#', 'step', 'automation', 'fires on', 'reacts', 'writes', 'calls out', 'source'],
          stage.entries.map((entry) => [
            String(entry.position),
            cell(entry.stepLabel),
            `${code(entry.name)} (${cell(entry.automationType)})`,
            cell([entry.events.join(', '), entry.criteria, entry.via ? `via ${entry.via}` : undefined].filter(Boolean).join('; ')),
            entry.reacts === 'reads' ? 'reads the field' : entry.reacts === 'criteria' ? 'criteria name it' : '',
            cell(entry.writes.join(', ')),
            cell(entry.callsOut.join(', ')),
            code(refText(entry.source)),
          ]),
        )
      : 'No active automation fires on it.',
  );
  if (stage.loopsBack.length > 0) lines.push(`Loops back (a cycle, not followed again):\n${stage.loopsBack.map((hop) => `- ${hopText(hop)}`).join('\n')}`);
  return lines.join('\n\n');
}

function hopText(hop: ChainHop): string {
  const fields = hop.fields.length > 0 ? ` (${hop.fields.map(code).join(', ')})` : '';
  return `${code(hop.from)} → ${code(hop.automation)}${hop.via ? ` via ${code(hop.via)}` : ''} ${hop.operation ?? 'saves'} ${code(hop.to)}${fields}${hop.async ? ', async' : ''} at ${code(refText(hop.evidence))}`;
}
