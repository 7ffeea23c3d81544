/**
 * Response headers shared by both hosts. The CSP keeps the renderer to its own files: recharts needs
 * inline styles, icons may be data: URLs, and the browser host's WebSocket must be allowed explicitly
 * because older engines do not treat ws: as 'self'.
 */

/** Build the Content-Security-Policy; `connectSources` adds e.g. `ws://127.0.0.1:7391`. */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ["connect-src 'self'", ...connectSources].join(' '),
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every response carries besides the CSP. */
export const baseSecurityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
