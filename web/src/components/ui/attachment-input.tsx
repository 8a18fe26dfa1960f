import { useId, useRef, useState, type ChangeEvent } from 'react';
import { ATTACHMENT_CONTENT_TYPES, DEFAULT_ATTACHMENT_MAX_BYTES, IMAGE_CONTENT_TYPES, type AttachmentView } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { fieldMessages } from '@/components/ui/field';
import { Spinner } from '@/components/ui/spinner';
import { toRequestError } from '@/lib/api-client';
import { useRequestErrorMessage } from '@/lib/error-message';
import { useLocale, useT } from '@/lib/i18n';
import { uploadAttachment } from '@/lib/api/upload-attachment';
import { formatFileSize } from '@/lib/file-size';
import './attachment-input.css';

export interface AttachmentInputProps {
  businessId: string;
  label: string;
  hint?: string;
  /** Which kinds of file to offer: photos only, or documents (PDF and photos). */
  kind: 'image' | 'document';
  multiple?: boolean;
  value: readonly AttachmentView[];
  onChange: (attachments: AttachmentView[]) => void;
  error?: string;
}

const MAX_MB = DEFAULT_ATTACHMENT_MAX_BYTES / (1024 * 1024);

/**
 * Uploads files as they are picked (one after another, each shown while it goes) and lists them,
 * each removable. Too large or wrong-type files are refused here already, with the server's
 * limits; what the server still refuses is said with its own message. With several images, the
 * first is the main one and any other can be made main.
 */
export function AttachmentInput({ businessId, label, hint, kind, multiple = false, value, onChange, error }: AttachmentInputProps) {
  const t = useT();
  const { locale } = useLocale();
  const message = useRequestErrorMessage();
  const inputId = useId();
  const [uploading, setUploading] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  // The list as last handed to onChange: uploads finishing one after another add to it.
  const latest = useRef(value);
  latest.current = value;
  const accepted: readonly string[] = kind === 'image' ? IMAGE_CONTENT_TYPES : ATTACHMENT_CONTENT_TYPES;

  const change = (next: AttachmentView[]) => {
    latest.current = next;
    onChange(next);
  };

  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    const found: string[] = [];
    for (const file of multiple ? files : files.slice(0, 1)) {
      if (!accepted.includes(file.type)) {
        found.push(t(`attachments.wrongType.${kind}`, { name: file.name }));
        continue;
      }
      if (file.size > DEFAULT_ATTACHMENT_MAX_BYTES) {
        found.push(t('attachments.tooLarge', { name: file.name, size: formatFileSize(file.size, t), mb: MAX_MB }));
        continue;
      }
      setUploading(file.name);
      try {
        const attachment = await uploadAttachment(businessId, file, { locale });
        change(multiple ? [...latest.current, attachment] : [attachment]);
      } catch (caught) {
        found.push(t('attachments.failed', { name: file.name, message: message(toRequestError(caught)) }));
      }
    }
    setUploading(null);
    setProblems(found);
  };

  const messages = [...problems, ...fieldMessages(error)];
  const errorId = `${inputId}-error`;
  return (
    <div className="field attachment-input" data-testid="attachment-input" data-kind={kind}>
      <span className="field__label" id={`${inputId}-label`}>
        {label}
      </span>
      <p className="field__hint" id={`${inputId}-hint`}>
        {hint ? `${hint} ` : ''}
        {t(`attachments.hint.${kind}`, { mb: MAX_MB })}
      </p>
      {value.length ? (
        <ul className="attachment-input__list" aria-label={t('attachments.list')}>
          {value.map((attachment, index) => (
            <li key={attachment.id} className="attachment-input__item" data-testid="attachment-item" data-attachment-id={attachment.id}>
              {attachment.contentType.startsWith('image/') ? (
                <img className="attachment-input__thumb" src={attachment.url} alt="" loading="lazy" />
              ) : (
                <span className="attachment-input__thumb attachment-input__thumb--doc" aria-hidden="true">
                  PDF
                </span>
              )}
              <span className="attachment-input__name">
                <a href={attachment.url} target="_blank" rel="noreferrer">
                  {attachment.fileName}
                </a>
                <span className="muted"> · {formatFileSize(attachment.size, t)}</span>
                {kind === 'image' && multiple && index === 0 ? (
                  <>
                    {' '}
                    <Badge tone="info" data-testid="main-image">
                      {t('attachments.main')}
                    </Badge>
                  </>
                ) : null}
              </span>
              <span className="attachment-input__actions">
                {kind === 'image' && multiple && index > 0 ? (
                  <Button
                    variant="secondary"
                    className="button--small"
                    aria-label={t('attachments.makeMainLabel', { name: attachment.fileName })}
                    onClick={() => change([attachment, ...value.filter((a) => a.id !== attachment.id)])}
                  >
                    {t('attachments.makeMain')}
                  </Button>
                ) : null}
                <Button
                  variant="secondary"
                  className="button--small"
                  aria-label={t('attachments.removeLabel', { name: attachment.fileName })}
                  onClick={() => change(value.filter((a) => a.id !== attachment.id))}
                >
                  {t('attachments.remove')}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="attachment-input__picker">
        <input
          id={inputId}
          className="attachment-input__file"
          type="file"
          accept={accepted.join(',')}
          multiple={multiple}
          disabled={uploading !== null}
          onChange={(event) => void onPick(event)}
          aria-labelledby={`${inputId}-label`}
          aria-describedby={[`${inputId}-hint`, messages.length ? errorId : null].filter(Boolean).join(' ')}
          aria-invalid={messages.length ? true : undefined}
          data-testid="attachment-file"
        />
        {/* The input is hidden but focusable; this label is its visible face (and its focus ring). */}
        <label className="button button--secondary attachment-input__pick" htmlFor={inputId} aria-disabled={uploading !== null}>
          {t('attachments.pick')}
        </label>
        {uploading ? <Spinner label={`${t('attachments.uploading')} ${uploading}`} /> : null}
      </div>
      {messages.length ? (
        <p className="field__error" id={errorId} role="alert" data-testid="attachment-error">
          {messages.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
