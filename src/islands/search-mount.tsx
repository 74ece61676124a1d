/** Renders the search island into its dialog on first use. Imported dynamically by the search button. */
import { render } from 'preact';
import '../styles/search.css';
import Search from './Search.tsx';

export function mountSearch(dialog: HTMLDialogElement, props: { strings: Parameters<typeof Search>[0]['strings'] }): void {
  if (dialog.dataset.mounted) return;
  dialog.dataset.mounted = 'true';
  render(<Search {...props} onClose={() => dialog.close()} />, dialog);
}
