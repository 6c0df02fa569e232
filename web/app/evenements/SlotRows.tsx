'use client';

import { useState } from 'react';
import { useFormContext } from '../../components/forms/ActionForm';
import { TextField } from '../../components/forms/TextField';
import { t } from '../../i18n/client/slots';
import styles from './events.module.css';
import { MAX_SLOTS, SLOT_PARTS, slotField, slotNumbers } from './slot-fields';

/**
 * The volunteer slots of a new event: one line to start with, « + Ajouter un créneau » for each
 * next one (lines left empty are ignored). After a refusal the lines that were sent come back.
 */
export function SlotRows() {
  const { state } = useFormContext();
  const sent = slotNumbers.filter((n) => SLOT_PARTS.some((part) => state.values?.[slotField(n, part)]));
  const [added, setAdded] = useState(1);
  const count = Math.max(added, sent.at(-1) ?? 0);
  return (
    <>
      <ol className={styles.slotRows}>
        {Array.from({ length: count }, (_, i) => i + 1).map((n) => (
          <li key={n} className={styles.slotFields}>
            <TextField name={slotField(n, 'Start')} type="datetime-local" label={t('newEvent.slotStart', { n })} />
            <TextField name={slotField(n, 'End')} type="datetime-local" label={t('newEvent.slotEnd', { n })} />
            <TextField name={slotField(n, 'Needed')} type="number" label={t('newEvent.slotNeeded', { n })} short />
            <TextField name={slotField(n, 'Label')} label={t('newEvent.slotLabel', { n })} maxLength={120} />
          </li>
        ))}
      </ol>
      {count < MAX_SLOTS && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setAdded(count + 1);
            // The new line's first field gets the focus once it is drawn.
            requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`input[name="${slotField(count + 1, 'Start')}"]`)?.focus());
          }}
        >
          {t('newEvent.addSlot')}
        </button>
      )}
    </>
  );
}
