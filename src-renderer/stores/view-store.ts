/**
 * What the main area shows for each repository: its overview, an archive's browser, the archive
 * comparison or the search across archives. Kept per repository, so switching away and back returns
 * to the same place; choosing the repository in the sidebar returns to its overview.
 */
import { create } from 'zustand';

/** One screen of a repository. */
export type RepoView =
  | { readonly kind: 'overview' }
  | {
      readonly kind: 'archive';
      readonly archiveName: string;
      /** The archive's id: what tells borg 2's archives of one name (a series) apart. */
      readonly archiveId?: string;
      /** An archive path to reveal (open its folder and highlight it) once the browser opens. */
      readonly reveal?: string;
      /** Changes on every request, so revealing the same path twice works. */
      readonly revealId?: number;
    }
  | { readonly kind: 'compare' }
  | { readonly kind: 'search-all' };

/** View state and its actions. */
export interface ViewState {
  readonly views: Readonly<Record<string, RepoView>>;
  show(repoId: string, view: RepoView): void;
  /** Back to the repository overview. */
  showOverview(repoId: string): void;
}

const overview: RepoView = { kind: 'overview' };
let revealCounter = 0;

/** The view store. */
export const useViewStore = create<ViewState>()((set, get) => ({
  views: {},
  show(repoId, view) {
    const next = view.kind === 'archive' && view.reveal ? { ...view, revealId: (revealCounter += 1) } : view;
    set({ views: { ...get().views, [repoId]: next } });
  },
  showOverview(repoId) {
    set({ views: { ...get().views, [repoId]: overview } });
  },
}));

/** The current view of a repository. */
export function viewOf(state: Pick<ViewState, 'views'>, repoId: string): RepoView {
  return state.views[repoId] ?? overview;
}
