/**
 * The participant's name, typed on this device only, for the certificate and for progress files
 * handed to the teacher. One field used on the progress and certificate pages.
 */
import type { EnvelopeClient } from '../lib/storage/client.ts';
import { setParticipantName } from '../lib/progress/envelope.ts';
import type { ProgressStore } from '../schemas/progress.ts';

interface Props {
  id: string;
  label: string;
  hint?: string;
  value: string;
  client: EnvelopeClient<ProgressStore> | null;
  class?: string;
}

export default function NameField({ id, label, hint, value, client, class: className }: Props) {
  return (
    <div class={className ? `field ${className}` : 'field'}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        dir="auto"
        autocomplete="name"
        maxLength={80}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(e) => client?.update((s, now) => setParticipantName(s, (e.currentTarget as HTMLInputElement).value, now))}
      />
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
    </div>
  );
}
