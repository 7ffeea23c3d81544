/**
 * What the create dialog says for a keyfile mode: the key will live only on this computer, in
 * borg's keys folder (named here, as the core finds it), and should be exported right away.
 */
import { useRequest } from '../../lib/use-request.js';
import { Icon } from '../../components/Icon.js';

/** The callout; the folder appears once the core named it. */
export function KeyfileNote() {
  const folder = useRequest('keys:folder', {}, { fallback: 'The keys folder could not be found.' }).data
    ?.folder;
  return (
    <div className="callout" role="note">
      <Icon name="alert" size={18} />
      <div>
        <p className="callout-title">The key will live only on this computer</p>
        <p>
          Borg keeps a keyfile repository’s key in its keys folder
          {folder ? (
            <>
              {' '}
              (<code>{folder}</code>)
            </>
          ) : null}
          , not in the repository. Export it (or print a recovery kit) after creating: without the key and the
          passphrase, the backups cannot be read on another computer.
        </p>
      </div>
    </div>
  );
}
