import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inputError } from '../load/errors.js';
import { displayPath } from '../load/paths.js';
import type { Assignment, LoadedAssignments } from './assignments.js';

/** Column names accepted, lower-case: the short header and the SOQL field paths `sf data query` writes. */
const COLUMNS: Record<string, keyof Omit<Assignment, 'line'>> = {
  username: 'username',
  'assignee.username': 'username',
  permissionset: 'permissionSet',
  'permissionset.name': 'permissionSet',
  permissionsetgroup: 'permissionSetGroup',
  'permissionsetgroup.developername': 'permissionSetGroup',
  profile: 'profile',
  'profile.name': 'profile',
  'assignee.profile.name': 'profile',
};

const EXPORT_HINT =
  'Export it with: sf data query --result-format csv --query "SELECT Assignee.Username, PermissionSet.Name, PermissionSetGroup.DeveloperName, Assignee.Profile.Name FROM PermissionSetAssignment" (header Username,PermissionSet,PermissionSetGroup,Profile also works).';

/** Reads `--assignments FILE`; a missing or malformed file fails fast with the file, the line and the fix. */
export function readAssignmentsFile(baseDir: string, file: string): LoadedAssignments {
  const path = resolve(baseDir, file);
  const shown = displayPath(baseDir, path);
  if (!existsSync(path)) {
    throw inputError(`The assignments file ${file} does not exist.`, ['Check the path passed to --assignments.', EXPORT_HINT], 'AssignmentsNotFound');
  }
  return { file: shown, rows: parseAssignmentsCsv(readFileSync(path, 'utf8'), shown) };
}

/** Parses the CSV (RFC 4180: quotes, doubled quotes, CRLF, a BOM). Pure, for tests. */
export function parseAssignmentsCsv(text: string, shownAs: string): Assignment[] {
  const records = csvRecords(text.replace(/^\uFEFF/, ''), shownAs);
  const header = records.shift();
  if (!header || header.cells.every((cell) => cell.trim() === '')) {
    throw invalid(shownAs, 1, 'the file is empty; the first line must be the header Username,PermissionSet,PermissionSetGroup,Profile');
  }
  const columns = header.cells.map((name) => COLUMNS[name.trim().toLowerCase()]);
  if (!columns.includes('username')) {
    throw invalid(shownAs, header.line, `the header has no Username column (found: ${header.cells.join(', ')})`);
  }
  if (columns.filter((column) => column !== undefined).length < 2) {
    throw invalid(shownAs, header.line, 'the header needs PermissionSet, PermissionSetGroup or Profile next to Username');
  }
  const rows: Assignment[] = [];
  for (const record of records) {
    if (record.cells.every((cell) => cell.trim() === '')) continue;
    if (record.cells.length !== header.cells.length) {
      throw invalid(shownAs, record.line, `expected ${header.cells.length} values, as in the header, found ${record.cells.length}`);
    }
    const row: Assignment = { username: '', line: record.line };
    record.cells.forEach((cell, index) => {
      const column = columns[index];
      const value = cell.trim();
      if (column && value !== '') row[column] = value;
    });
    if (row.username === '') throw invalid(shownAs, record.line, 'the Username is empty');
    rows.push(row);
  }
  return rows;
}

function invalid(shownAs: string, line: number, what: string): Error {
  return inputError(`${shownAs}:${line}: not a valid assignments file: ${what}.`, [`Fix ${shownAs} at that line.`, EXPORT_HINT], 'InvalidAssignments');
}

type CsvRecord = { line: number; cells: string[] };

/** Splits CSV text into records, each with the line it starts on. */
function csvRecords(text: string, shownAs: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted) throw invalid(shownAs, quoteLine, 'a quoted value is never closed');
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return records;
}
