import { mermaidEdge, mermaidNode } from '../report/markdown-escape.js';
import type { Explanation } from './types.js';

/** The chain as a Mermaid flowchart: objects and the automation that saves the next one (dashed when async). */
export function renderExplainMermaid(explanation: Explanation): string {
  const ids = new Map<string, string>();
  const lines = ['flowchart LR'];
  const idOf = (key: string, label: string): string => {
    let id = ids.get(key);
    if (!id) {
      id = `n${ids.size + 1}`;
      ids.set(key, id);
      lines.push(mermaidNode(id, label));
    }
    return id;
  };
  const { subject } = explanation;
  const start = subject.kind === 'field' ? idOf(`field:${subject.name}`, subject.name) : idOf(`automation:${subject.automation.name}`, `${subject.automation.name} (${subject.automation.type})`);
  if (subject.kind === 'field') lines.push(mermaidEdge(start, idOf(`object:${subject.object}`, subject.object), 'change saves'));
  for (const stage of explanation.chain) {
    for (const hop of [...stage.reachedBy, ...stage.loopsBack]) {
      const from = subject.kind === 'automation' && stage.depth === 1 && stage.reachedBy.includes(hop) ? start : idOf(`object:${hop.from}`, hop.from);
      const automation = subject.kind === 'automation' && from === start ? start : idOf(`automation:${hop.automation}`, `${hop.automation} (${hop.automationType})`);
      if (automation !== from) lines.push(mermaidEdge(from, automation, 'runs'));
      lines.push(mermaidEdge(automation, idOf(`object:${hop.to}`, hop.to), hop.operation ?? 'saves', hop.async));
    }
  }
  if (explanation.cut) for (const object of explanation.cut.notExpanded) lines.push(mermaidEdge(idOf(`object:${object}`, object), idOf('cut', `cut: ${explanation.cut.reason} limit ${explanation.cut.limit}`), 'not expanded', true));
  return `${[...new Set(lines)].join('\n')}\n`;
}
