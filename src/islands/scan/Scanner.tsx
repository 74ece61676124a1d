/**
 * Scanning a QR code: with the camera, or from a photo, screenshot or file the user picks (always
 * offered: a camera can be refused, missing, or awkward on a laptop). Used inside the islands that
 * receive progress; the decoding is `lib/scan/qr.browser.ts`, loaded when first needed.
 *
 * Lifecycle: "Scan with the camera" starts the rear camera and reads frames until `onCode` says
 * the scan is complete, the user stops it, or the component unmounts. Each code read goes to
 * `onCode`, which says whether it completed what the page waits for (`done`), was one part of
 * several (`more`), or was not for this page (`ignored`). A picked JSON file goes to `onFile`.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Camera } from '../../lib/scan/qr.browser.ts';

export const SCANNER_KEYS = ['scan.camera', 'scan.stop', 'scan.photo', 'scan.denied', 'scan.missing', 'scan.unsupported', 'scan.noCode', 'scan.notForHere', 'scan.looking'] as const;
type Strings = Record<(typeof SCANNER_KEYS)[number], string>;

export type CodeOutcome = 'done' | 'more' | 'ignored';

interface Props {
  id: string;
  strings: Strings;
  onCode(text: string): CodeOutcome;
  /** A picked JSON file (a progress file); absent when the page takes only codes. */
  onFile?: (file: File) => void;
  /** Several files at once (the teacher's group). */
  multiple?: boolean;
}

export default function Scanner({ id, strings, onCode, onFile, multiple = false }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const camera = useRef<Camera | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const photoButton = useRef<HTMLButtonElement>(null);
  const [scanning, setScanning] = useState(false);
  const [note, setNote] = useState('');
  const stop = () => {
    camera.current?.stop();
    camera.current = null;
    setScanning(false);
  };
  useEffect(() => stop, []);

  async function startCamera() {
    setNote('');
    const { startCamera: start } = await import('../../lib/scan/qr.browser.ts');
    setScanning(true);
    const started = await start(video.current!, (text) => {
      const outcome = onCode(text);
      if (outcome === 'done') stop();
      else if (outcome === 'ignored') setNote(strings['scan.notForHere']);
      else setNote('');
    });
    if (!started.ok) {
      setScanning(false);
      setNote(strings[`scan.${started.problem}`]);
      photoButton.current?.focus();
      return;
    }
    camera.current = started.camera;
  }

  async function onPicked(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    setNote('');
    for (const file of files) {
      if (onFile && (file.type === 'application/json' || file.name.toLowerCase().endsWith('.json'))) {
        onFile(file);
        continue;
      }
      const { readCodesFromFile } = await import('../../lib/scan/qr.browser.ts');
      const codes = await readCodesFromFile(file).catch(() => []);
      if (!codes.length) {
        setNote(strings['scan.noCode']);
        continue;
      }
      for (const code of codes) if (onCode(code) === 'ignored') setNote(strings['scan.notForHere']);
    }
  }

  return (
    <div class="scanner" id={id}>
      <p class="actions">
        {scanning ? (
          <button type="button" class="btn btn-secondary" onClick={stop}>{strings['scan.stop']}</button>
        ) : (
          <button type="button" class="btn" onClick={() => void startCamera()}>{strings['scan.camera']}</button>
        )}{' '}
        <button type="button" ref={photoButton} class="btn btn-secondary" onClick={() => picker.current?.click()}>{strings['scan.photo']}</button>
        <input ref={picker} type="file" accept={onFile ? 'image/*,application/json,.json' : 'image/*'} multiple={multiple} hidden onChange={onPicked} data-scan-file />
      </p>
      {/* A visible caption names the camera view for everyone, not only for screen readers. */}
      <figure class="scanner-view" hidden={!scanning}>
        <video ref={video} class="scanner-video" muted playsInline />
        <figcaption>{strings['scan.looking']}</figcaption>
      </figure>
      <p role="status" class="hint" data-scan-note>{note}</p>
    </div>
  );
}
