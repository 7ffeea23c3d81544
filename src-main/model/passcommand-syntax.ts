/**
 * What Borgdesk accepts as a repository's passcommand (BORG_PASSCOMMAND). Borg 1.2 runs it with
 * `subprocess.check_output(shlex.split(passcommand))` (borg/crypto/key.py, Passphrase.env_passcommand):
 * split like a POSIX shell would split words, but no shell runs it, so pipes, redirections, `~` and
 * `$VARIABLES` are not expanded. An unclosed quote is a Python traceback inside borg, so it is
 * refused here, before anything runs. No Node APIs: the renderer shows the same checks as you type.
 */

/** The longest passcommand Borgdesk stores (characters). */
export const PASSCOMMAND_LIMIT = 1000;

/** Examples for the field's hint. */
export const PASSCOMMAND_EXAMPLES = ['pass show borg/home', 'secret-tool lookup borg home'] as const;

/** The hint under the passcommand field: how borg runs it. */
export const PASSCOMMAND_HINT =
  'Borg runs this program and takes everything it prints (without the last line break) as the passphrase. ' +
  'The line is split into words like a shell would (quotes work), but no shell runs it: for pipes, ~ or ' +
  "$VARIABLES write sh -c '…'.";

/** A split command line, or why it cannot be used. */
export type PasscommandCheck =
  | { readonly ok: true; readonly command: string; readonly argv: readonly string[] }
  | { readonly ok: false; readonly problem: string };

// Whole words a shell would treat as operators: without a shell they reach the program as arguments.
const SHELL_OPERATORS = new Set(['|', '||', '&', '&&', ';', '>', '>>', '<', '2>', '2>&1']);
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Checks a passcommand as the user typed it; the accepted command is the trimmed text. */
export function checkPasscommand(raw: string): PasscommandCheck {
  const command = raw.trim();
  if (command === '') return { ok: false, problem: 'Enter the command that prints the passphrase.' };
  if (command.length > PASSCOMMAND_LIMIT)
    return { ok: false, problem: `The command is longer than ${PASSCOMMAND_LIMIT} characters.` };
  if (CONTROL.test(command))
    return { ok: false, problem: 'The command must be one line without tabs or control characters.' };
  const split = shlexSplit(command);
  if (typeof split === 'string') return { ok: false, problem: split };
  const operator = split.find((word) => SHELL_OPERATORS.has(word));
  if (operator !== undefined) {
    return {
      ok: false,
      problem: `Borg runs the command without a shell, so “${operator}” would reach the program as an argument. Write sh -c '…' around it.`,
    };
  }
  if (split[0] === undefined || split[0] === '')
    return { ok: false, problem: 'The command names no program.' };
  return { ok: true, command, argv: split };
}

/** Python's `shlex.split(s)` (posix mode, no comments); a string is the reason it fails. */
export function shlexSplit(s: string): string[] | string {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) return 'A quotation mark is not closed.';
      word = (word ?? '') + s.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      const quoted = readDoubleQuoted(s, i + 1);
      if (quoted === undefined) return 'A quotation mark is not closed.';
      word = (word ?? '') + quoted.text;
      i = quoted.next;
    } else if (c === '\\') {
      if (i + 1 >= s.length) return 'The command ends with a backslash.';
      word = (word ?? '') + s[i + 1];
      i += 2;
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

// Inside "…" a backslash escapes only " and \ (shlex's escapedquotes); before anything else it stays.
function readDoubleQuoted(s: string, start: number): { text: string; next: number } | undefined {
  let text = '';
  for (let i = start; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '"') return { text, next: i + 1 };
    if (c === '\\' && i + 1 < s.length) {
      const n = s[i + 1] as string;
      text += n === '"' || n === '\\' ? n : `\\${n}`;
      i++;
    } else text += c;
  }
  return undefined;
}
