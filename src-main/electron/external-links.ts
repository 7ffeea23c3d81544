/**
 * The web pages Borgdesk may open in the person's browser (pure, unit-tested). The app itself links
 * to borg's documentation and to its own project pages; any other URL a page might try to open —
 * from a borg message, an archive's comment, a compromised renderer — is refused.
 */
const ALLOWED_ORIGINS: readonly string[] = [
  'https://borgbackup.readthedocs.io',
  'https://www.borgbackup.org',
];

/** Our project page (package.json `homepage`; the Help menu links to it). */
export const PROJECT_HOMEPAGE = 'https://github.com/borgdesk/borgdesk';

/** True when `url` may be opened externally: https only, on an allowed origin or the project's pages. */
export function isExternalLinkAllowed(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  if (ALLOWED_ORIGINS.includes(parsed.origin)) return true;
  const project = new URL(PROJECT_HOMEPAGE);
  return (
    parsed.origin === project.origin &&
    (parsed.pathname === project.pathname || parsed.pathname.startsWith(`${project.pathname}/`))
  );
}
