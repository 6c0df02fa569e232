import { maxTextChars } from '@coopol/contracts';
import { ActionForm } from '../../components/forms/ActionForm';
import { Hidden } from '../../components/forms/Hidden';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextArea } from '../../components/forms/TextArea';
import { TextField } from '../../components/forms/TextField';
import { t } from '../../i18n';
import type { FormState } from '../../lib/form-state';
import { createText, updateText } from './actions';

/** A text's title and its blocks in one field (blank lines between them): a new draft, or one rewritten. Works without JavaScript. */
export function TextForm({ space, draft }: { space?: { type: string; id: string }; draft?: { id: string; title: string; blocks: string } }) {
  const initialState: FormState = draft ? { status: 'idle', values: { title: draft.title, blocks: draft.blocks } } : { status: 'idle' };
  return (
    <ActionForm action={draft ? updateText : createText} initialState={initialState} aria-labelledby="text-form-title">
      {space && <Hidden name="spaceType" value={space.type} />}
      {space && <Hidden name="spaceId" value={space.id} />}
      {draft && <Hidden name="textId" value={draft.id} />}
      <TextField name="title" label={t('texts.field.title')} hint={t('texts.field.titleHint')} required maxLength={200} />
      <TextArea name="blocks" label={t('texts.field.body')} hint={t('texts.field.bodyHint')} required maxLength={maxTextChars} rows={18} />
      <SubmitButton>{t(draft ? 'texts.field.submitEdit' : 'texts.field.submitNew')}</SubmitButton>
    </ActionForm>
  );
}
