/**
 * The browser host's per-start secret: 32 random bytes, handed to the person once in the printed URL,
 * then carried by an HttpOnly cookie. Comparisons are constant-time so the token cannot be guessed
 * byte by byte from response timing.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh random token (32 bytes, base64url, 43 characters). */
export function createAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time token comparison; hashing first makes both sides the same length. */
export function tokensMatch(expected: string, candidate: string | undefined): boolean {
  if (candidate === undefined || candidate === '') return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(candidate).digest();
  return timingSafeEqual(a, b);
}

/**
 * The cookie is named per port because browsers do not isolate cookies by port: two Borgdesk servers
 * on one machine would otherwise overwrite each other's token.
 */
export function tokenCookieName(port: number): string {
  return `borgdesk_token_${port}`;
}

/** The `Set-Cookie` value that keeps the token for the browser session. */
export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Read one cookie from a `Cookie` header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Where a request carried the token, if it did. */
export type TokenSource = 'query' | 'cookie' | 'none';

/** Check the token from `?token=` or the cookie; reports which one matched. */
export function authenticateRequest(
  req: IncomingMessage,
  url: URL,
  port: number,
  token: string,
): TokenSource {
  if (tokensMatch(token, url.searchParams.get('token') ?? undefined)) return 'query';
  if (tokensMatch(token, readCookie(req.headers.cookie, tokenCookieName(port)))) return 'cookie';
  return 'none';
}
