#!/usr/bin/env node
/**
 * The parse floor: the least any tool must do to read the project. In one thread, reads and parses
 * every XML file with fast-xml-parser (the plugin's own parser options, through lib/metadata/xml.js)
 * and parses every Apex trigger and class with the plugin's apex-parser setup (no extraction).
 * Usage: node bench/floor.mjs <project folder>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const libUrl = (path) => pathToFileURL(join(import.meta.dirname, '..', 'lib', path)).href;
const { parseMetadataXml } = await import(libUrl('metadata/xml.js'));
const { parseApex } = await import(libUrl('metadata/apex/apex-parser-backend.js'));

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node bench/floor.mjs <project folder>\n');
  process.exit(2);
}
const counts = { xml: 0, apex: 0, bytes: 0, errors: 0 };
for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const path = join(entry.parentPath, entry.name);
  const isXml = entry.name.endsWith('.xml');
  const isClass = entry.name.endsWith('.cls');
  const isTrigger = entry.name.endsWith('.trigger');
  if (!isXml && !isClass && !isTrigger) continue;
  const text = readFileSync(path, 'utf8');
  counts.bytes += text.length;
  try {
    if (isXml) {
      parseMetadataXml(text);
      counts.xml += 1;
    } else {
      parseApex(text, (parser) => (isClass ? parser.compilationUnit() : parser.triggerUnit()));
      counts.apex += 1;
    }
  } catch {
    counts.errors += 1;
  }
}
process.stdout.write(`${JSON.stringify(counts)}\n`);
