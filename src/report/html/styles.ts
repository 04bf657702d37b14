/** The report's only stylesheet, inlined (the CSP allows exactly this text, by hash). */
export const STYLES = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --panel: #f6f8fa;
  --critical: #82071e; --high: #cf222e; --medium: #bc4c00; --low: #4d2d00; --info: #0550ae; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
header, main { max-width: 1280px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 6px; margin-top: 36px; }
h3 { font-size: 16px; margin: 24px 0 8px; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.muted { color: var(--muted); }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
.verdict { border: 1px solid var(--line); border-left: 6px solid var(--muted); background: var(--panel); padding: 10px 14px; margin: 16px 0; font-size: 15px; }
.verdict.passed { border-left-color: #1a7f37; }
.verdict.failed { border-left-color: var(--high); }
.verdict.incomplete { border-left-color: var(--medium); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 140px; background: var(--panel); }
.card .value { font-size: 22px; font-weight: 600; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; color: #fff; background: var(--muted); }
.badge.critical { background: var(--critical); } .badge.high { background: var(--high); } .badge.medium { background: var(--medium); }
.badge.low { background: #9a6700; } .badge.info { background: var(--info); }
.badge.new { background: #8250df; } .badge.existing { background: #6e7781; } .badge.fixed { background: #1a7f37; } .badge.accepted { background: #0969da; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
table.pipeline { table-layout: fixed; }
table.pipeline th:nth-child(1) { width: 36px; } table.pipeline th:nth-child(2) { width: 120px; } table.pipeline th:nth-child(3) { width: 22%; }
table.pipeline th:nth-child(4) { width: 90px; } table.pipeline th:nth-child(5) { width: 18%; } table.pipeline th:nth-child(6) { width: 22%; }
.mono, code { overflow-wrap: anywhere; }
th { background: var(--panel); }
td ul { margin: 0; padding-left: 16px; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
.filters select { font: inherit; padding: 2px 4px; min-width: 140px; }
.finding { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; margin: 10px 0; }
.finding .head { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.finding .message { margin: 6px 0; white-space: pre-wrap; }
.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0 0; }
.finding dt { color: var(--muted); }
.finding dd { margin: 0; }
.graph { margin: 8px 0 16px; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; padding: 4px; }
.graph svg { display: block; }
.graph figcaption { color: var(--muted); font-size: 12px; padding: 4px 8px; }
.node rect { fill: #ffffff; stroke: #8c959f; stroke-width: 1.2; }
.node text { font: 12px -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--fg); }
.node text.kind { font-size: 10.5px; fill: var(--muted); }
.node.object rect { fill: #ddf4ff; stroke: #0969da; stroke-width: 2; }
.node.self rect { stroke-dasharray: 4 3; }
.node.target rect { fill: #f6f8fa; }
.node.event rect { fill: #fff8c5; stroke: #9a6700; }
.node.endpoint rect { fill: #fff1e5; stroke: #bc4c00; }
.node.type-flow rect, .node.type-process-builder rect { fill: #dafbe1; stroke: #1a7f37; }
.node.type-apex-trigger rect, .node.type-apex-method rect { fill: #fbefff; stroke: #8250df; }
.node.type-workflow-rule rect, .node.type-workflow-field-update rect { fill: #fff8c5; stroke: #9a6700; }
.node.type-roll-up-summary rect, .node.type-validation-rule rect { fill: #f6f8fa; }
.edge path { fill: none; stroke: #57606a; stroke-width: 1.3; }
.edge.dashed path { stroke-dasharray: 5 4; }
.edge text { font: 10.5px -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #424a53; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; }
.arrowhead { fill: #57606a; }
footer { max-width: 1280px; margin: 40px auto; padding: 0 24px; color: var(--muted); font-size: 12px; }
`;
