import type { ReactNode } from 'react';

interface AlertProps {
  id?: string;
  children: ReactNode;
}

/** An inline error that screen readers announce as soon as it appears. */
export function Alert({ id, children }: AlertProps) {
  return (
    <p id={id} className="alert" role="alert">
      {children}
    </p>
  );
}
