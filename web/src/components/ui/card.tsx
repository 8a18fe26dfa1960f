import { useId, type ReactNode } from 'react';

interface CardProps {
  title: ReactNode;
  /** A line under the title. */
  intro?: ReactNode;
  children: ReactNode;
  className?: string;
  'data-testid'?: string;
}

/** A titled section of a page: a landmark named by its own h2. */
export function Card({ title, intro, children, className, 'data-testid': testId }: CardProps) {
  const titleId = useId();
  return (
    <section className={['card', className].filter(Boolean).join(' ')} aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className="card__title">
        {title}
      </h2>
      {intro ? <p className="card__intro">{intro}</p> : null}
      {children}
    </section>
  );
}
