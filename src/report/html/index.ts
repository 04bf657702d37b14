import { createHash } from 'node:crypto';
import type { ReviewResult } from '../../review/result.js';
import { html, type SafeHtml, trusted } from './escape.js';
import { findingsSection } from './findings.js';
import { objectAnchor, objectsSection } from './objects.js';
import { SCRIPT } from './script.js';
import { STYLES } from './styles.js';
import { summarySection } from './summary.js';
import { trendSection } from './trend.js';

/**
 * The self-contained HTML report: one file, no network at view time (inline CSS, inline script, inline
 * SVG). The Content-Security-Policy allows only this file's own style and script, by hash: even if a
 * string escaped the escaping, no injected script, style or remote resource would load.
 */
export function renderHtml(result: ReviewResult): string {
  const csp = [
    "default-src 'none'",
    `style-src '${sha256(STYLES)}'`,
    `script-src '${sha256(SCRIPT)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = `Architecture review: ${result.sourceDirs.join(', ') || '(no source)'}`;
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${trusted(STYLES)}</style>
</head>
<body>
<header><h1>Architecture review</h1><p class="muted">Source: ${result.sourceDirs.map((dir, index) => html`${index > 0 ? ', ' : ''}<code>${dir}</code>`)}${
    result.objectFilter && result.objectFilter.length > 0 ? html` · objects: ${result.objectFilter.join(', ')}` : ''
  }${result.policyFile ? html` · policy: <code>${result.policyFile}</code>` : ''}</p>${navigation(result)}</header>
<main>
${summarySection(result)}${trendSection(result)}
${findingsSection(result)}
${objectsSection(result)}
${problemsSection(result)}
</main>
<footer>sf arch review · schema ${result.schemaVersion}</footer>
<script>${trusted(SCRIPT)}</script>
</body>
</html>
`;
  return page.value;
}

function navigation(result: ReviewResult): SafeHtml {
  return html`<nav><ul><li><a href="#summary">Summary</a></li><li><a href="#findings">Findings</a></li>${result.fixed && result.fixed.length > 0 ? html`<li><a href="#fixed">Fixed</a></li>` : ''}${result.objects.map(
    (pipeline, index) => html`<li><a href="#${objectAnchor(index)}">${pipeline.object}</a></li>`,
  )}<li><a href="#problems">What could not be read</a></li></ul></nav>`;
}

/** Warnings, files that could not be read, and rules that failed: what the review may be missing. */
function problemsSection(result: ReviewResult): SafeHtml {
  return html`<section id="problems"><h2>What could not be read</h2>${
    result.parseIssues.length === 0 && result.ruleErrors.length === 0 ? html`<p>Every file was read and every rule ran.</p>` : ''
  }${
    result.parseIssues.length > 0
      ? html`<table><thead><tr><th>file</th><th>type</th><th>problem</th></tr></thead><tbody>${result.parseIssues.map(
          (issue) => html`<tr><td class="mono">${issue.file}</td><td>${issue.type}</td><td>${issue.message}</td></tr>`,
        )}</tbody></table>`
      : ''
  }${
    result.ruleErrors.length > 0
      ? html`<h3>Rules that failed (their findings are missing)</h3><ul>${result.ruleErrors.map((error) => html`<li><code>${error.ruleId}</code>: ${error.message}</li>`)}</ul>`
      : ''
  }${result.warnings.length > 0 ? html`<h3>Warnings</h3><ul>${result.warnings.map((warning) => html`<li>${warning}</li>`)}</ul>` : ''}</section>`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
