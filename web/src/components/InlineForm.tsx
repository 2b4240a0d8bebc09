// A form opened in place (a table row's "Wijzigen"): when it opens, focus moves to its
// first field, and Escape closes it again; the caller then returns focus to the button
// that opened it (WCAG 2.4.3 focus order, 2.1.1 keyboard).
import { type ReactNode, useEffect, useRef } from 'react';

export function InlineForm({ onEscape, children }: { onEscape(): void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
      'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])',
    );
    // in a radio group the checked radio is the one that takes focus
    const target =
      first instanceof HTMLInputElement && first.type === 'radio' && first.name
        ? (ref.current?.querySelector<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(first.name)}"]:checked`) ?? first)
        : first;
    target?.focus();
  }, []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape is handled for the fields inside, which bubble to here
    <div
      ref={ref}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onEscape();
      }}
    >
      {children}
    </div>
  );
}

/** Focus an element by id after the next render (the row is rebuilt when a form closes). */
export const focusById = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
