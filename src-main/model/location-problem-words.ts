/**
 * The codes of what can be wrong with a repository location (location-syntax.ts, location-schemes.ts)
 * and their English, `{{param}}` as the catalog writes it. The renderer words a problem from
 * `core:locationProblem`; the English stays here for the core's messages and logs, and a renderer
 * test checks it matches the English catalog.
 */

export const LOCATION_MESSAGE_ENGLISH = {
  empty: 'Enter where the repository is.',
  invisibleCharacter: 'The location contains an invisible character ({{code}}).',
  invisibleNamedCharacter: 'The location contains an invisible character ({{characterName}}, {{code}}).',
  tooLong: 'The location is too long.',
  schemeCase: 'Write “{{scheme}}://” in lower case.',
  schemeUnknown: 'Borgdesk cannot use “{{scheme}}” locations.',
  rcloneCase: 'Write “rclone:” in lower case.',
  rcloneRemote: 'An rclone location names an rclone remote and a path, as in rclone:myremote:backups/repo.',
  fileUrlRelative: 'A file:// location needs an absolute path, as in file:///srv/borg/repo.',
  manyAt: 'The location has more than one “@”; only one goes between the user name and the host.',
  ipv6Unclosed: 'The IPv6 address has no closing “]”.',
  ipv6Trailing: 'Only “:port” may follow the IPv6 address in brackets.',
  userEmpty: 'The user name before “@” is empty.',
  userDash: 'The user name “{{user}}” cannot start with “-”: ssh would read it as an option.',
  userSpace: 'The user name “{{user}}” contains a space.',
  userCharacter: 'The user name “{{user}}” contains “{{character}}”, which a user name cannot contain.',
  hostEmpty: 'The location has no host.',
  hostDash: 'The host “{{host}}” cannot start with “-”: ssh would read it as an option.',
  hostSpace: 'The host “{{host}}” contains a space.',
  hostNotIpv6: '“{{host}}” is not an IPv6 address.',
  hostTooLong: 'The host name is too long.',
  hostCharacter: 'The host “{{host}}” contains “{{character}}”, which a host name cannot contain.',
  portEmpty: 'The port after “:” is empty.',
  portInvalid: 'The port “{{port}}” is not a number from 1 to 65535.',
  pathNone: 'The location names no folder on the server.',
  pathScpStart: 'The path after the host cannot start with “:” or “//”.',
  pathDoubleColon: 'The location cannot contain “::”: borg reads what follows as an archive name.',
  dashStart: 'A location cannot start with “-”.',
  sftpUnsupported:
    'sftp:// locations need borg 2 with Python’s paramiko module; the borg in use cannot open them.',
  rcloneUnsupported:
    'rclone: locations need borg 2 and the rclone program; the borg in use cannot open them.',
} as const;

export const LOCATION_REMEDY_ENGLISH = {
  typeFolderOrSsh: 'Type a folder path or an ssh:// address.',
  retype: 'Retype the location: copying it from a document or a chat can bring hidden characters along.',
  shorterPath: 'Use a shorter path for the repository.',
  lowerCaseOnly: 'Borg only recognises it that way.',
  supportedSchemes:
    'Use a folder, ssh://user@host/path or user@host:path; with borg 2 also sftp://user@host/path or rclone:remote:path.',
  rcloneRemoteName:
    'Use the name of a remote from “rclone config” (letters, digits, “.”, “_”, “-”), then “:” and the path.',
  typeFolderItself: 'Or type the folder path itself, e.g. /srv/borg/repo.',
  oneAt: 'Write it as user@host. A user name with “@” in it can be set in ~/.ssh/config for a host alias.',
  ipv6Example: 'Write it as ssh://user@[2001:db8::1]:22/path.',
  userEmpty: 'Write it as user@host, or leave out the “@”.',
  userCharacters: 'Check the user name before “@”: letters, digits, “.”, “_” and “-” (not at the start).',
  scpHost:
    'Write it as user@host:path or ssh://user@host:port/path. For a folder whose name has a “:” in it, type its full path starting with /.',
  urlHost:
    'Check the host: a name such as nas.local, an ssh alias, an IPv4 address, or an IPv6 address in brackets.',
  scpHostInternational:
    'Write it as user@host:path or ssh://user@host:port/path. For a folder whose name has a “:” in it, type its full path starting with /. An international name goes in its xn-- form.',
  urlHostInternational:
    'Check the host: a name such as nas.local, an ssh alias, an IPv4 address, or an IPv6 address in brackets. An international name goes in its xn-- form.',
  ipv6Brackets: 'Write an IPv6 address in brackets, e.g. [2001:db8::1].',
  portDigits: 'Give the ssh port as digits, e.g. ssh://user@host:2222/path, or leave it out for port 22.',
  addPath: "Add the repository's path, e.g. {{example}}.",
  writeAs: 'Write it as {{example}}.',
  noDoubleColon: 'Choose a folder whose name has no “::” in it.',
  typeFolderOrSshExample: 'Type a folder path (e.g. /media/usb/backups) or an ssh:// address.',
  installParamiko:
    'Install borg 2 and paramiko (Debian: python3-paramiko) and choose that borg in Settings, or use an ssh:// location with borg on the server.',
  installRclone:
    'Install borg 2 and rclone (Debian: rclone) and choose that borg in Settings, or use a folder or an ssh:// location.',
} as const;

export type LocationMessageCode = keyof typeof LOCATION_MESSAGE_ENGLISH;
export type LocationRemedyCode = keyof typeof LOCATION_REMEDY_ENGLISH;
/** An invisible character the message names (the others it gives by code point only). */
export type CharacterName = 'lineBreak' | 'tab' | 'nul';

/** What the renderer words a location problem from. */
export interface LocationWords {
  readonly message: LocationMessageCode;
  readonly remedy: LocationRemedyCode;
  readonly params?: Readonly<Record<string, string>>;
}

const CHARACTER_NAME_ENGLISH: Readonly<Record<CharacterName, string>> = {
  lineBreak: 'a line break',
  tab: 'a tab',
  nul: 'a NUL byte',
};

function fill(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return name === 'characterName' ? (CHARACTER_NAME_ENGLISH[value as CharacterName] ?? value) : value;
  });
}

/** The problem's message and remedy in English. */
export function locationWordsEnglish(words: LocationWords): { message: string; remedy: string } {
  const params = words.params ?? {};
  return {
    message: fill(LOCATION_MESSAGE_ENGLISH[words.message], params),
    remedy: fill(LOCATION_REMEDY_ENGLISH[words.remedy], params),
  };
}
