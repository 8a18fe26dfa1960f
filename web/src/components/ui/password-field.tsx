import { useState } from 'react';
import { PASSWORD_MIN_LENGTH } from '@nguon/shared';
import type { FieldMessages } from '@/components/ui/field';
import { TextField } from '@/components/ui/text-field';
import { useT } from '@/lib/i18n';

interface NewPasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: FieldMessages;
  name?: string;
}

/** A new password: the minimum length up front, a live count, and a way to see what was typed. */
export function NewPasswordField({ label, value, onChange, error, name = 'password' }: NewPasswordFieldProps) {
  const t = useT();
  const [visible, setVisible] = useState(false);
  const length = [...value].length;
  const status =
    length === 0
      ? null
      : length < PASSWORD_MIN_LENGTH
        ? t('auth.passwordCount', { count: length, min: PASSWORD_MIN_LENGTH })
        : t('auth.passwordLongEnough');
  return (
    <div className="password-field">
      <TextField
        label={label}
        hint={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        type={visible ? 'text' : 'password'}
        name={name}
        autoComplete="new-password"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        status={status}
        error={error}
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={200}
        required
        spellCheck={false}
        autoCapitalize="none"
      />
      <label className="check check--inline">
        <input type="checkbox" checked={visible} onChange={(event) => setVisible(event.target.checked)} />
        <span>{t('auth.showPassword')}</span>
      </label>
    </div>
  );
}
