import type { ComponentPropsWithoutRef } from 'react';

type NoticeProps = ComponentPropsWithoutRef<'div'> & { tone?: 'info' | 'success' | 'warning' | 'danger' };

/** A boxed message that stays on the page (a status, a warning); not announced like an alert. */
export function Notice({ tone = 'info', className, ...props }: NoticeProps) {
  return <div className={['notice', `notice--${tone}`, className].filter(Boolean).join(' ')} {...props} />;
}
