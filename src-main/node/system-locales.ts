/**
 * The system's preferred languages for the browser host, which has no Electron to ask: the POSIX
 * locale variables (LANGUAGE's list first, as gettext reads them), then what Intl resolved.
 */

/** "de_DE.UTF-8" → "de-DE"; undefined for "C", "POSIX" and empty values, which name no language. */
function tagOf(value: string): string | undefined {
  const bare = value.split(/[.@]/)[0]?.trim() ?? '';
  if (bare === '' || bare === 'C' || bare === 'POSIX') return undefined;
  return bare.replace(/_/g, '-');
}

/** Preferred languages, most preferred first, from `env` and the runtime's default locale. */
export function nodeSystemLocales(env: Readonly<NodeJS.ProcessEnv>): readonly string[] {
  const found: string[] = [];
  const add = (value: string | undefined): void => {
    const tag = value === undefined ? undefined : tagOf(value);
    if (tag !== undefined && !found.includes(tag)) found.push(tag);
  };
  for (const entry of (env['LANGUAGE'] ?? '').split(':')) add(entry);
  add(env['LC_ALL']);
  add(env['LC_MESSAGES']);
  add(env['LANG']);
  add(Intl.DateTimeFormat().resolvedOptions().locale);
  return found;
}
