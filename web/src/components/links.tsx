// Utrecht links and button-links that navigate inside the app without a page load
// (and still open in a new tab with ctrl/cmd-click).
import { ButtonLink, type ButtonLinkProps, Link, type LinkProps, NavListLink } from '@utrecht/component-library-react';
import { useHref, useLinkClickHandler, useLocation } from 'react-router';

type To = { to: string };

export function AppLink({ to, ...rest }: To & Omit<LinkProps, 'href'>) {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return <Link {...rest} href={href} onClick={onClick} />;
}

export function AppButtonLink({ to, appearance = 'secondary-action-button', ...rest }: To & Omit<ButtonLinkProps, 'href'>) {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return <ButtonLink {...rest} appearance={appearance} href={href} onClick={onClick} />;
}

/** A menu link; aria-current="page" when the address is `to`, below it, or matches `also`. */
export function AppNavLink({ to, children, end = false, also, except }: To & { children: React.ReactNode; end?: boolean; also?: RegExp; except?: RegExp }) {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to);
  const { pathname } = useLocation();
  const current = !except?.test(pathname) && (pathname === to || (!end && pathname.startsWith(`${to}/`)) || !!also?.test(pathname));
  return (
    <NavListLink href={href} onClick={onClick} aria-current={current ? 'page' : undefined}>
      {children}
    </NavListLink>
  );
}

/**
 * A case's title as a link; the case number is part of the link's name too (hidden
 * visually, it already stands in its own column), so "VB-2026-000012" finds it.
 */
export function CaseLink({ to, title, reference }: To & { title: string; reference: string }) {
  return (
    <AppLink to={to}>
      {title}
      <span className="regie-visually-hidden"> ({reference})</span>
    </AppLink>
  );
}
