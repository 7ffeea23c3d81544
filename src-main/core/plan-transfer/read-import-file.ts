/** Tells a Borgdesk export, a Vorta profile export and a borgmatic configuration apart, and reads it. */
import type { ImportRequest } from '../../model/plan-transfer.js';
import { AppError } from '../app-error.js';
import { looksLikeBorgdesk, readBorgdeskExport } from './borgdesk-file.js';
import { looksLikeBorgmatic, parseYaml, readBorgmaticConfig } from './borgmatic.js';
import type { ImportedSet } from './imported-set.js';
import { looksLikeVorta, readVortaProfile } from './vorta.js';

const UNKNOWN_FILE = new AppError(
  'InvalidInput',
  'This file is not a Borgdesk plans export, a Vorta profile export or a borgmatic configuration.',
  'Pick the file Borgdesk or Vorta exported (.json) or a borgmatic config (.yaml).',
  { reason: 'fileBorgdeskPlansExport' },
);

/** The file in Borgdesk's terms; `request.source` forces a kind, `auto` (default) looks at the text. */
export function readImportFile(request: ImportRequest): ImportedSet {
  const source = request.source ?? 'auto';
  if (request.text.trim() === '')
    throw new AppError('InvalidInput', 'The file is empty.', 'Pick another file.', { reason: 'fileEmpty' });
  const json = parseJson(request.text);
  if (json !== undefined && (source === 'borgdesk' || (source === 'auto' && looksLikeBorgdesk(json))))
    return readBorgdeskExport(json);
  if (json !== undefined && (source === 'vorta' || (source === 'auto' && looksLikeVorta(json)))) {
    const set = readVortaProfile(json);
    if (set !== undefined) return set;
    throw new AppError(
      'InvalidInput',
      'This Vorta profile file is damaged or from a Vorta version Borgdesk does not know.',
      'Export the profile again in Vorta (Profile → Export) and import the new file.',
      { reason: 'vortaProfileFileDamaged' },
    );
  }
  if (source === 'auto' || source === 'borgmatic') {
    // JSON is YAML too, but a JSON file that is neither of the above is no borgmatic file either.
    const yaml = json ?? parseYaml(request.text);
    if (typeof yaml === 'object' && yaml !== null && !Array.isArray(yaml) && looksLikeBorgmatic(yaml))
      return readBorgmaticConfig(yaml as Record<string, unknown>, request.fileName);
  }
  throw UNKNOWN_FILE;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
