/**
 * The plain words beside borg's own question: what it means and what each answer does. Keyed by
 * borg's msgid, which for a question is the env var that would answer it (borg docs, "Prompts" in
 * the frontend section, and "Environment Variables"). Pure, so the question dialog of the
 * add-repository flow uses the same words as a question a job stopped at.
 */

/** The words for one kind of question. */
export interface QuestionWords {
  readonly kind: 'question' | 'warning';
  readonly meaning: string;
  /** A question: what yes does. A warning: the safe next steps. */
  readonly yesDoes: string;
  readonly noDoes: string;
}

/** Where borg keeps what it remembers about repositories (borg docs, BORG_SECURITY_DIR). */
const SECURITY_FOLDER = 'its security folder on this computer (~/.config/borg/security)';

const RELOCATED: QuestionWords = {
  kind: 'question',
  meaning:
    'Borg remembers where it last used this repository, and now finds the same repository (the same id) at another location. That is expected after you moved the folder, the drive is mounted under another name, or the server got a new address. If you did not move it, someone may have put a copy of it somewhere else.',
  yesDoes: `Borg continues the task once and records the new location in ${SECURITY_FOLDER}, so it does not ask again for this location. Borgdesk does not keep the answer.`,
  noDoes:
    'Nothing is written. Borg asks again on the next run, and scheduled backups to this repository stop until you answer.',
};

const UNKNOWN_UNENCRYPTED: QuestionWords = {
  kind: 'question',
  meaning:
    'This repository is not encrypted, and borg on this computer has not used it before. Anyone who can read the folder can read the backups. Borg asks because an attacker could put an unencrypted repository where you expect yours, to read what you back up.',
  yesDoes: `Borg continues once and remembers this repository as unencrypted in ${SECURITY_FOLDER}, so it does not ask again. If it ever became encrypted differently, borg would refuse and warn.`,
  noDoes:
    'Nothing is written. Borg asks again on the next run, and scheduled backups to this repository stop until you answer.',
};

const REPAIR: QuestionWords = {
  kind: 'question',
  meaning:
    'Repairing a repository changes it to make it readable again; what cannot be repaired is removed. Borg asks because this may lose data.',
  yesDoes: 'Borg runs the repair once. Make a copy of the repository folder first if you can.',
  noDoes: 'Nothing is changed.',
};

const DELETE_ALL: QuestionWords = {
  kind: 'question',
  meaning: 'This deletes the whole repository and every archive in it.',
  yesDoes: 'Borg deletes the repository once. This cannot be undone.',
  noDoes: 'Nothing is deleted.',
};

// Not questions: borg refuses outright. No yes is offered; these are the safe next steps.
const SAFE_NEXT =
  'Do not back up to it until you know why. Check that the location is the repository you meant and that nobody else can change it (a shared drive, a server you do not run).';
const IF_YOURS =
  'If you replaced or restored the repository yourself, the README ("When something goes wrong") says how to let borg forget what it knew.';

const ENCRYPTION_CHANGED: QuestionWords = {
  kind: 'warning',
  meaning:
    'Possible attack: the encryption of this repository is not what borg on this computer knew. Someone may have swapped it for a repository they can read, so your next backup would go to them.',
  yesDoes: `${SAFE_NEXT} ${IF_YOURS}`,
  noDoes: 'Borg keeps refusing this repository until the cause is cleared.',
};

const REPLAYED: QuestionWords = {
  kind: 'warning',
  meaning:
    'Possible attack: this repository is older than the state borg on this computer last saw (borg calls it a replay). An old copy may have been put in its place, so newer archives are missing.',
  yesDoes: `${SAFE_NEXT} ${IF_YOURS}`,
  noDoes: 'Borg keeps refusing this repository until the cause is cleared.',
};

const CACHE_NEWER: QuestionWords = {
  kind: 'warning',
  meaning:
    "Borg's cache on this computer is newer than this repository: another repository with the same id, or an old copy of this one, is at this location.",
  yesDoes: `${SAFE_NEXT} ${IF_YOURS}`,
  noDoes: 'Borg keeps refusing this repository until the cause is cleared.',
};

const WORDS: Readonly<Record<string, QuestionWords>> = {
  BORG_RELOCATED_REPO_ACCESS_IS_OK: RELOCATED,
  BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK: UNKNOWN_UNENCRYPTED,
  BORG_CHECK_I_KNOW_WHAT_I_AM_DOING: REPAIR,
  BORG_DELETE_I_KNOW_WHAT_I_AM_DOING: DELETE_ALL,
  'Cache.EncryptionMethodMismatch': ENCRYPTION_CHANGED,
  'Cache.RepositoryReplay': REPLAYED,
  'Cache.RepositoryIDNotUnique': CACHE_NEWER,
};

/** The security warnings borg stops at without a question (msgids of borg 1.2/1.4's cache.py). */
export const SECURITY_WARNING_MSGIDS: readonly string[] = [
  'Cache.EncryptionMethodMismatch',
  'Cache.RepositoryReplay',
  'Cache.RepositoryIDNotUnique',
];

/**
 * The words for `msgid`. A question borg asks that we have no words for still gets honest ones:
 * borg's own text is shown beside them.
 */
export function questionWords(msgid: string): QuestionWords {
  if (Object.hasOwn(WORDS, msgid)) return WORDS[msgid] as QuestionWords;
  return {
    kind: 'question',
    meaning: `Borg asks for a confirmation Borgdesk has no explanation for (${msgid}). Read borg's question carefully.`,
    yesDoes: 'Borg continues the task once with your yes.',
    noDoes: 'Nothing is written. Borg asks again on the next run.',
  };
}
