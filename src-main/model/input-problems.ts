/**
 * What is wrong with a value the user typed (an archive's tag, comment or name), as a code and the
 * values its sentence needs: the renderer words it (`core:inputProblem.<code>`), the core rejects
 * bad input with the same code as its error's reason. The English table stays here for the core's
 * own messages (logs, the last fallback); a renderer test checks it matches the English catalog.
 */

/** Every problem a typed value can have. */
export type InputProblemCode =
  | 'tagEmpty'
  | 'tagTooLong'
  | 'tagHasSeparator'
  | 'commentHasControl'
  | 'commentTooLong'
  | 'renameHasBrace'
  | 'nameEmpty'
  | 'nameHasControl'
  | 'nameBraceUnopened'
  | 'nameBraceUnclosed'
  | 'nameHasSlash'
  | 'nameHasRefusedCharacter'
  | 'nameHasDoubleColon'
  | 'nameHasEdgeBlank'
  | 'nameEndsInCheckpoint'
  | 'nameTooLongForCheckpoints'
  | 'nameTooLongForMount'
  | 'templateTooLongForCheckpoints'
  | 'templateTooLongForMount';

/** One problem: its code and the values (limits, counts, the refused character) its sentence shows. */
export interface InputProblem {
  readonly code: InputProblemCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The English of each problem, `{{param}}` as the catalog writes it. */
export const INPUT_PROBLEM_ENGLISH: Readonly<Record<InputProblemCode, string>> = {
  tagEmpty: 'Type a tag.',
  tagTooLong: 'A tag can be at most {{limit}} characters long.',
  tagHasSeparator: 'A tag cannot hold spaces, commas or control characters.',
  commentHasControl:
    'A comment cannot contain line breaks or other control characters: write it on one line.',
  commentTooLong: 'A comment can have at most {{limit}} characters.',
  renameHasBrace: 'A new name cannot contain "{" or "}": rename does not fill in placeholders.',
  nameEmpty: 'Give the archive a name, for example {hostname}-{now}.',
  nameHasControl: 'Archive names cannot contain control characters (such as a line break or a tab).',
  nameBraceUnopened: 'A "}" has no matching "{"; write "}}" for a literal brace.',
  nameBraceUnclosed: 'A "{" is not closed; write "{{" for a literal brace.',
  nameHasSlash: 'Archive names cannot contain "/".',
  nameHasRefusedCharacter: 'Archive names cannot contain {{character}} with this borg.',
  nameHasDoubleColon: 'Archive names cannot contain "::".',
  nameHasEdgeBlank: 'Archive names cannot start or end with a space with this borg.',
  nameEndsInCheckpoint:
    'Archive names cannot end in ".checkpoint": borg keeps that ending for its checkpoints.',
  nameTooLongForCheckpoints:
    'Archive names can have at most {{limit}} characters (borg allows {{borgLimit}}, and adds ".checkpoint" to the name while a long backup runs). This one has {{length}}.',
  nameTooLongForMount:
    'Archive names can have at most {{limit}} characters (borg 2 allows no more, so that the archive fits in a folder path when it is mounted). This one has {{length}}.',
  templateTooLongForCheckpoints:
    'Archive names can have at most {{limit}} characters (borg allows {{borgLimit}}, and adds ".checkpoint" to the name while a long backup runs). With its placeholders filled in, this one can reach {{length}}.',
  templateTooLongForMount:
    'Archive names can have at most {{limit}} characters (borg 2 allows no more, so that the archive fits in a folder path when it is mounted). With its placeholders filled in, this one can reach {{length}}.',
};

/** The problem in English (the core's messages and logs). */
export function inputProblemEnglish(problem: InputProblem): string {
  const params = problem.params ?? {};
  return INPUT_PROBLEM_ENGLISH[problem.code].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    String(params[name] ?? whole),
  );
}
