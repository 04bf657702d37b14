/**
 * Removes credentials from text that came from the org or from jsforce before it is shown, logged or
 * cached. Salesforce access tokens are `<15- or 18-character org id>!<secret>`; SOAP requests carry
 * them in `<sessionId>`, REST requests in `Authorization: Bearer`.
 */
const PATTERNS: RegExp[] = [
  /00D[A-Za-z0-9]{4,15}![A-Za-z0-9._\-]+/g,
  /(<(?:\w+:)?sessionId>)[^<]*(<\/(?:\w+:)?sessionId>)/g,
  /(Bearer\s+)[^\s"',;]+/gi,
  /((?:access_token|refresh_token|accessToken|refreshToken|sid)["']?\s*[:=]\s*["']?)[^\s"'&,;]+/gi,
];

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (match, open?: unknown, close?: unknown) =>
      typeof open === 'string' && typeof close === 'string' ? `${open}[redacted]${close}` : typeof open === 'string' ? `${open}[redacted]` : '[redacted]',
    );
  }
  return out;
}
