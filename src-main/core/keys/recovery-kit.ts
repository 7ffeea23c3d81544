/**
 * The recovery kit: one printable, self-contained HTML page with what a user needs to restore
 * without Borgdesk — where the repository is, its id and encryption mode, the key in paper form,
 * room to write the passphrase by hand, and the borg commands for the borg version in use. Pure and
 * host-neutral: the renderer prints it (browser window or Electron's print dialog). Every value is
 * escaped: a repository name or location is the user's text.
 */
import { isKeyfileMode } from '../../model/encryption.js';

/** What goes on the page. */
export interface RecoveryKitFacts {
  readonly name: string;
  readonly location: string;
  readonly repositoryId: string;
  readonly encryption: string;
  /** `borg key export --paper` output. */
  readonly paperKey: string;
  /** The borg version in use (e.g. "1.2.4"); decides the command forms. */
  readonly borgVersion: string;
  /** When the page was made (ISO). */
  readonly printedAt: string;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A POSIX shell word: bare when it is plain, otherwise in single quotes. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./~-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The commands that list and restore without Borgdesk, in this borg version's syntax. */
export function restoreCommands(
  f: Pick<RecoveryKitFacts, 'location' | 'encryption' | 'borgVersion'>,
): string[] {
  const repo = shellQuote(f.location);
  const borg2 = /^2\./.test(f.borgVersion);
  const importPaper = borg2 ? `borg -r ${repo} key import --paper` : `borg key import --paper ${repo}`;
  const lines = isKeyfileMode(f.encryption)
    ? ['# On a new computer, first put the key back (type the paper key below when asked):', importPaper]
    : ['# The key is stored in the repository. Only if borg says it is missing or damaged:', importPaper];
  lines.push('# List the archives (borg asks for the passphrase):');
  lines.push(borg2 ? `borg -r ${repo} repo-list` : `borg list ${repo}`);
  lines.push('# Restore an archive (or one path inside it) into the current folder:');
  lines.push(
    borg2
      ? `borg -r ${repo} extract ARCHIVE path/inside/archive`
      : `borg extract ${repo}::ARCHIVE path/inside/archive`,
  );
  return lines;
}

/** The whole page. */
export function buildRecoveryKit(f: RecoveryKitFacts): string {
  const e = escapeHtml;
  const keyfile = isKeyfileMode(f.encryption);
  const printed = f.printedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
  const rows: [string, string][] = [
    ['Repository', f.name],
    ['Location', f.location],
    ['Repository id', f.repositoryId],
    ['Encryption', f.encryption],
    ['Borg version', f.borgVersion],
    ['Printed', printed],
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Borgdesk recovery kit – ${e(f.name)}</title>
<style>
body { font: 11pt/1.45 system-ui, sans-serif; color: #111; margin: 2em auto; max-width: 48em; }
h1 { font-size: 18pt; margin: 0 0 .2em; } h2 { font-size: 12pt; margin: 1.4em 0 .4em; }
table { border-collapse: collapse; } th { text-align: left; padding: .15em 1.5em .15em 0; font-weight: 600; }
td { font-family: ui-monospace, monospace; word-break: break-all; }
pre { font: 10pt/1.4 ui-monospace, monospace; background: #f4f4f4; padding: .7em; white-space: pre-wrap; }
.write { border-bottom: 1px solid #111; height: 2.2em; }
.note { color: #444; }
@media print { body { margin: 0; } pre { background: none; border: 1px solid #999; } }
</style>
</head>
<body>
<h1>Recovery kit</h1>
<p class="note">Keep this page somewhere safe and private. With it and the passphrase, anyone can read these backups.</p>
<table>${rows.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</table>
<h2>Passphrase (write it by hand)</h2>
<div class="write"></div><div class="write"></div>
<h2>Key (paper form)</h2>
<p class="note">${
    keyfile
      ? 'This repository keeps its key only on the computer that uses it. Without this key the backups cannot be read.'
      : 'This repository keeps its key inside the repository; this copy helps if the repository’s copy is ever damaged.'
  }</p>
<pre id="paper-key">${e(f.paperKey.trim())}</pre>
<h2>Restore without Borgdesk</h2>
<pre id="commands">${restoreCommands(f).map(e).join('\n')}</pre>
</body>
</html>
`;
}
