/**
 * A strict grammar for the Mermaid we write, far narrower than Mermaid's own: if a block passes, no
 * name could have ended a label, started a comment, added an edge or closed the Markdown fence.
 */
const HEADER = /^flowchart (LR|TD)$/;
const NODE = /^ {2}(n\d+)\["([^"]*)"\]$/;
const EDGE = /^ {2}(n\d+) (-->|-\.->)\|"([^"]*)"\| (n\d+)$/;
/** After the entity codes (`#quot;`, `#91;`, ...) are taken out, none of these may be left in a label. */
const RISKY = /["<>|`[\]{}%]/;

export type MermaidGraph = { nodes: Map<string, string>; edges: Array<{ from: string; to: string; label: string; dashed: boolean }> };

/** Problems with a Mermaid block (the text between the fences), empty when it is valid. */
export function mermaidErrors(block: string): string[] {
  return parseMermaid(block).errors;
}

export function parseMermaid(block: string): MermaidGraph & { errors: string[] } {
  const errors: string[] = [];
  const nodes = new Map<string, string>();
  const edges: MermaidGraph['edges'] = [];
  const lines = block.replace(/\n$/, '').split('\n');
  if (!HEADER.test(lines[0] ?? '')) errors.push(`first line is not "flowchart LR|TD": ${JSON.stringify(lines[0])}`);
  for (const [index, line] of lines.slice(1).entries()) {
    const where = `line ${index + 2}`;
    const node = NODE.exec(line);
    const edge = EDGE.exec(line);
    if (node) {
      if (nodes.has(node[1]!)) errors.push(`${where}: node ${node[1]} declared twice`);
      nodes.set(node[1]!, node[2]!);
      checkLabel(node[2]!, where, errors);
    } else if (edge) {
      edges.push({ from: edge[1]!, to: edge[4]!, label: edge[3]!, dashed: edge[2] === '-.->' });
      checkLabel(edge[3]!, where, errors);
    } else {
      errors.push(`${where}: neither a node nor a labelled edge: ${JSON.stringify(line)}`);
    }
    if (line.includes('%%')) errors.push(`${where}: contains %%`);
  }
  for (const edge of edges) {
    for (const end of [edge.from, edge.to]) if (!nodes.has(end)) errors.push(`edge to undeclared node ${end}`);
  }
  return { nodes, edges, errors };
}

function checkLabel(label: string, where: string, errors: string[]): void {
  const bare = label.replace(/#(?:\d+|[a-z]+);/g, '');
  if (RISKY.test(bare)) errors.push(`${where}: unescaped character in label ${JSON.stringify(label)}`);
  if (label.length === 0) errors.push(`${where}: empty label`);
  if (/-->|-\.->/.test(label)) errors.push(`${where}: arrow inside a label`);
}

/** Decodes the entity codes our escaper writes, to compare a label with the name it shows. */
export function decodeMermaidLabel(label: string): string {
  return label.replace(/#(\d+|[a-z]+);/g, (_match, code: string) => {
    const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };
    return /^\d+$/.test(code) ? String.fromCodePoint(Number(code)) : (named[code] ?? `#${code};`);
  });
}
