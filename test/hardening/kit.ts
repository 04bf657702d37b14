import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { review } from '../../src/review/review.js';

/** Helpers for the hardening suites: hostile projects are always written to temp folders. */
export const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';
export const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
export const SRC = 'force-app/main/default';

export function tempDir(prefix = 'arch-review-hard-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A DX project whose files (paths under force-app/main/default) are strings or raw bytes. */
export function hostileProject(files: Record<string, string | Buffer>, root = tempDir()): string {
  writeFileSync(join(root, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }));
  mkdirSync(join(root, SRC), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, SRC, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

/** Reviews a folder without the cache (so a test never sees an earlier run's results). */
export function reviewDir(root: string, sourceDirs: string[] = []): ReturnType<typeof review> {
  return review({ baseDir: root, sourceDirs, asOf: '2025-01-01', workers: 1 });
}

export const flowXml = (name: string, body: string): string =>
  `${XML}<Flow ${NS}>\n<apiVersion>62.0</apiVersion>\n${body}\n<label>${name}</label>\n<processType>AutoLaunchedFlow</processType>\n<status>Active</status>\n</Flow>\n`;

export const permissionSetXml = (label: string, extra = ''): string =>
  `${XML}<PermissionSet ${NS}>\n<hasActivationRequired>false</hasActivationRequired>\n<label>${label}</label>${extra}\n</PermissionSet>\n`;
