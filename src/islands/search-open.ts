/**
 * Opens the search dialog (`SearchButton.astro`), loaded on the first click: makes the dialog
 * once, mounts the search into it and returns focus to the button when it closes.
 */
export async function openSearch(button: HTMLButtonElement): Promise<void> {
  let dialog = document.querySelector<HTMLDialogElement>('dialog.search-dialog');
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.className = 'search-dialog';
    dialog.setAttribute('aria-labelledby', 'search-title');
    document.body.append(dialog);
    dialog.addEventListener('close', () => button.focus());
  }
  const { mountSearch } = await import('./search-mount.tsx');
  mountSearch(dialog, { strings: JSON.parse(button.dataset.strings ?? '{}') });
  dialog.showModal();
  dialog.querySelector<HTMLInputElement>('input[type=search]')?.focus();
}
