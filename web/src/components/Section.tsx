// A section landmark named by its heading (aria-labelledby with a generated id).
import { Heading } from '@utrecht/component-library-react';
import { type ReactNode, useId } from 'react';

export function Section({
  title,
  level = 2,
  className = 'regie-section',
  anchor,
  children,
}: {
  title: ReactNode;
  level?: number;
  className?: string;
  /** a stable id for links such as /inloggen#inloglink */
  anchor?: string;
  children?: ReactNode;
}) {
  const generated = useId();
  const id = anchor ?? generated;
  return (
    <section aria-labelledby={id} className={className}>
      <Heading level={level} id={id} tabIndex={anchor ? -1 : undefined}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
