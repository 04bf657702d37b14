// The sf libraries write to ~/.sf and ~/.sfdx: every test file gets its own temporary HOME.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const home = mkdtempSync(join(tmpdir(), 'arch-review-home-'));
process.env.HOME = home;
process.env.USERPROFILE = home;
process.env.SF_DISABLE_TELEMETRY = 'true';
process.env.SF_DISABLE_AUTOUPDATE = 'true';
process.env.SF_USE_PROGRESS_BAR = 'false';
// sf colours its own messages when it detects CI; tests compare text, so no colour.
process.env.FORCE_COLOR = '0';
