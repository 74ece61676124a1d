/**
 * The participant's name, typed on this device only, for the certificate and for progress files
 * handed to the teacher. One field used on the progress and certificate pages.
 *
 * What is typed stays in the field as typed; the stored name is the cleaned one (no markup or bidi
 * controls, spaces folded), so typing "Amina " on the way to "Amina K" is never cut short.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DeviceStore } from '../lib/device-data/browser-store.ts';
import { setParticipantName } from '../lib/progress/changes.ts';
import { MAX_PARTICIPANT_NAME } from '../schemas/formats.ts';
import type { ProgressStore } from '../schemas/progress.ts';

interface Props {
  id: string;
  label: string;
  hint?: string;
  value: string;
  store: DeviceStore<ProgressStore> | null;
  class?: string;
}

export default function NameField({ id, label, hint, value, store, class: className }: Props) {
  const [draft, setDraft] = useState(value);
  const [touched, setTouched] = useState(false);
  // Until the participant types here, the field follows the stored name (loaded after mount, or
  // changed in another tab).
  useEffect(() => {
    if (!touched) setDraft(value);
  }, [value, touched]);
  return (
    <div class={className ? `field ${className}` : 'field'}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        dir="auto"
        autocomplete="name"
        maxLength={MAX_PARTICIPANT_NAME}
        value={draft}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(e) => {
          const typed = (e.currentTarget as HTMLInputElement).value;
          setTouched(true);
          setDraft(typed);
          store?.update((s, now) => setParticipantName(s, typed, now));
        }}
      />
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
    </div>
  );
}
