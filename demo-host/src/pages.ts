import { html } from 'hono/html';
import type { DemoPersona } from './personas.js';

/**
 * The demo host's pages. Every interpolation goes through hono/html, which escapes it; the
 * pages carry no inline script or style (the host runs under a strict Content-Security-Policy).
 */

type Markup = ReturnType<typeof html>;

export const APP_NAME = 'Acme Operations Portal';

const logo = html`<svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
  <rect width="32" height="32" rx="8" fill="currentColor" />
  <path d="M9 22.5 16 9l7 13.5M11.6 17.5h8.8" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

function layout(options: { title: string; bodyClass: string; head?: Markup; body: Markup }): Markup {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title} · ${APP_NAME}</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="/app.css" />
    ${options.head ?? ''}
  </head>
  <body class="${options.bodyClass}">
    ${options.body}
  </body>
</html>`;
}

function avatar(persona: DemoPersona, size: 'sm' | 'lg'): Markup {
  return html`<span class="avatar avatar--${size} avatar--tone-${persona.tone}" aria-hidden="true">${persona.initials}</span>`;
}

/** Where the persona's business unit sits: its ancestors, root first. */
function breadcrumb(persona: DemoPersona): Markup {
  const ancestors = persona.breadcrumb.slice(0, -1);
  if (ancestors.length === 0) return html`<p class="crumbs">Top of the hierarchy</p>`;
  return html`<ol class="crumbs" aria-label="Part of">
    ${ancestors.map((name) => html`<li>${name}</li>`)}
  </ol>`;
}

export function signInPage(options: { personas: DemoPersona[]; current?: DemoPersona | undefined }): Markup {
  const cards = options.personas.map(
    (p) => html`<li>
      <form class="persona" method="post" action="/sign-in" data-persona="${p.key}">
        <input type="hidden" name="persona" value="${p.key}" />
        <div class="persona__head">
          ${avatar(p, 'lg')}
          <div class="persona__who">
            <div class="persona__title">
              <h2 class="persona__name">${p.displayName}</h2>
              <span class="chip chip--role-${p.role}">${p.roleLabel}</span>
            </div>
            <p class="persona__email">${p.email}</p>
          </div>
        </div>
        <div class="persona__unit">
          <span class="persona__unit-name">${p.businessUnit.name}</span>
          <span class="persona__unit-kind">${p.businessUnit.kind}</span>
        </div>
        ${breadcrumb(p)}
        <p class="persona__description">${p.description}</p>
        <button class="btn ${options.current?.key === p.key ? 'btn--primary' : 'btn--secondary'} persona__action" type="submit">
          ${options.current?.key === p.key ? 'Continue' : 'Sign in'} as ${p.displayName.split(' ')[0]}
        </button>
      </form>
    </li>`,
  );
  return layout({
    title: 'Sign in',
    bodyClass: 'page-sign-in',
    body: html`<div class="sign-in">
      <header class="sign-in__head">
        <a class="brand brand--dark" href="/">${logo}<span class="brand__text">Acme <strong>Operations Portal</strong></span></a>
        <h1>Choose who you are</h1>
        <p class="lede">
          This demo has no passwords. Pick one of the people below: each belongs to a different business unit of the
          Northstar MSP hierarchy, and the embedded Service Control Center shows exactly what that person may see.
        </p>
      </header>
      <ul class="personas" aria-label="People">
        ${cards}
      </ul>
      <footer class="sign-in__foot">
        ${APP_NAME} is a fictional enterprise application that embeds the Service Control Center with one tag.
      </footer>
    </div>`,
  });
}

export type Section = 'overview' | 'services' | 'orders' | 'reports';

const sections: { key: Section; href: string; label: string; icon: Markup }[] = [
  {
    key: 'overview',
    href: '/app/overview',
    label: 'Overview',
    icon: html`<path d="M4 13h6V4H4zm0 7h6v-4H4zm10 0h6v-9h-6zm0-16v4h6V4z" />`,
  },
  {
    key: 'services',
    href: '/app',
    label: 'Cloud services',
    icon: html`<path d="M7 18a5 5 0 0 1-.6-9.96A6 6 0 0 1 18 9a4.5 4.5 0 0 1-.5 9z" />`,
  },
  {
    key: 'orders',
    href: '/app/orders',
    label: 'Orders',
    icon: html`<path d="M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6" />`,
  },
  {
    key: 'reports',
    href: '/app/reports',
    label: 'Reports',
    icon: html`<path d="M4 20V10m6 10V4m6 16v-7m4 7H3" />`,
  },
];

function chrome(persona: DemoPersona, active: Section, main: Markup): Markup {
  return html`<div class="shell">
    <header class="topbar">
      <a class="brand" href="/app">${logo}<span class="brand__text">Acme <strong>Operations Portal</strong></span></a>
      <div class="account" data-testid="account">
        ${avatar(persona, 'sm')}
        <span class="account__who">
          <span class="account__name" data-testid="account-name">${persona.displayName}</span>
          <span class="account__meta">${persona.roleLabel} · ${persona.businessUnit.name}</span>
        </span>
        <form method="post" action="/sign-out">
          <button class="btn btn--ghost" type="submit" data-testid="sign-out">Sign out</button>
        </form>
      </div>
    </header>
    <nav class="sidenav" aria-label="Sections">
      <ul>
        ${sections.map(
          (s) => html`<li>
            <a href="${s.href}" class="sidenav__link" ${s.key === active ? html`aria-current="page"` : ''}>
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${s.icon}</svg>
              <span>${s.label}</span>
            </a>
          </li>`,
        )}
      </ul>
      <p class="sidenav__foot">Signed in to <strong>${persona.breadcrumb.at(-1)}</strong></p>
    </nav>
    <main class="main" id="main">${main}</main>
  </div>`;
}

export function servicesPage(options: { persona: DemoPersona; bffPublicUrl: string }): Markup {
  const { persona, bffPublicUrl } = options;
  return layout({
    title: 'Cloud services',
    bodyClass: 'page-app',
    head: html`<script type="module" src="${bffPublicUrl}/widget/service-control-center.js"></script>
      <script type="module" src="/app.js"></script>`,
    body: chrome(
      persona,
      'services',
      html`<div class="page-head">
          <p class="eyebrow">${persona.businessUnit.name}</p>
          <h1>Cloud services</h1>
          <p class="lede">
            The tenants you are responsible for, with their health and lifecycle. Provided by your service partner
            through the Service Control Center.
          </p>
        </div>
        <service-control-center api-base="${bffPublicUrl}" locale="en"></service-control-center>`,
    ),
  });
}

const placeholders: Record<Exclude<Section, 'services'>, { title: string; text: string }> = {
  overview: {
    title: 'Overview',
    text: 'Your dashboards would live here. In this demo the only working section is Cloud services.',
  },
  orders: {
    title: 'Orders',
    text: 'Purchase orders and approvals of the host application. Nothing to see in the demo.',
  },
  reports: {
    title: 'Reports',
    text: 'Monthly reports of the host application. Nothing to see in the demo.',
  },
};

export function placeholderPage(persona: DemoPersona, section: Exclude<Section, 'services'>): Markup {
  const { title, text } = placeholders[section];
  return layout({
    title,
    bodyClass: 'page-app',
    body: chrome(
      persona,
      section,
      html`<div class="page-head">
          <p class="eyebrow">${persona.businessUnit.name}</p>
          <h1>${title}</h1>
        </div>
        <section class="placeholder">
          <p>${text}</p>
          <a class="btn btn--primary" href="/app">Go to Cloud services</a>
        </section>`,
    ),
  });
}
