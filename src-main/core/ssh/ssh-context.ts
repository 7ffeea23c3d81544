/** The ssh part of a BorgContext the core builds: Borgdesk's known_hosts (see borg/ssh-command.ts). */
import type { BorgContext } from '../../borg/exec.js';

/** `{ sshKnownHostsFile }` when the core has one (tests without a config folder may not). */
export function sshContextOf(deps: {
  readonly sshKnownHostsFile?: string | undefined;
}): Pick<BorgContext, 'sshKnownHostsFile'> {
  const file = deps.sshKnownHostsFile;
  return file === undefined ? {} : { sshKnownHostsFile: file };
}
