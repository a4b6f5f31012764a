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

export function signInPage(options: {
  personas: DemoPersona[];
  current?: DemoPersona | undefined;
  /** The name of the identity provider some users sign in with, when the host has one. */
  singleSignOn?: string | undefined;
}): Markup {
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
      ${
        options.singleSignOn
          ? html`<div class="sign-in__sso">
              <p>Contoso Retail’s people sign in with their company account.</p>
              <a class="btn btn--primary" href="/sign-in/sso">Sign in with ${options.singleSignOn}</a>
            </div>`
          : ''
      }
      <ul class="personas" aria-label="People">
        ${cards}
      </ul>
      <footer class="sign-in__foot">
        ${APP_NAME} is a fictional enterprise application that embeds the Service Control Center with one tag.
      </footer>
    </div>`,
  });
}

export type Section = 'overview' | 'services' | 'react' | 'strict' | 'orders' | 'reports';

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
    key: 'react',
    href: '/app/react',
    label: 'React page',
    icon: html`<path d="M12 12m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0M3 12c0-2 4-4 9-4s9 2 9 4-4 4-9 4-9-2-9-4z" />`,
  },
  {
    key: 'strict',
    href: '/app/strict',
    label: 'Strict CSP',
    icon: html`<path d="M12 3 5 6v5c0 4.5 3 8.5 7 10 4-1.5 7-5.5 7-10V6z" />`,
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

/**
 * Language and direction of the embedded widget, switched by `/app.js` through the element's
 * `locale` property and `dir` attribute, as a host would.
 */
const widgetTools = html`<fieldset class="widget-tools">
  <legend>Widget language and direction</legend>
  <button class="btn btn--secondary" type="button" data-widget-locale="en" aria-pressed="true">English</button>
  <button class="btn btn--secondary" type="button" data-widget-locale="de" aria-pressed="false">Deutsch</button>
  <button class="btn btn--secondary" type="button" data-widget-rtl aria-pressed="false">Right to left</button>
</fieldset>`;

function widgetPage(options: {
  persona: DemoPersona;
  bffPublicUrl: string;
  section: Section;
  title: string;
  lede: string;
  /** Where the page loads the widget module from. */
  widgetModule: string;
}): Markup {
  const { persona, bffPublicUrl } = options;
  return layout({
    title: options.title,
    bodyClass: 'page-app',
    head: html`<script type="module" src="${options.widgetModule}"></script>
      <script type="module" src="/app.js"></script>`,
    body: chrome(
      persona,
      options.section,
      html`<div class="page-head">
          <p class="eyebrow">${persona.businessUnit.name}</p>
          <h1>${options.title}</h1>
          <p class="lede">${options.lede}</p>
        </div>
        ${widgetTools}
        <service-control-center api-base="${bffPublicUrl}" locale="en"></service-control-center>`,
    ),
  });
}

export function servicesPage(options: { persona: DemoPersona; bffPublicUrl: string }): Markup {
  return widgetPage({
    ...options,
    section: 'services',
    title: 'Cloud services',
    lede:
      'The tenants you are responsible for, with their health and lifecycle. Provided by your service partner ' +
      'through the Service Control Center.',
    widgetModule: `${options.bffPublicUrl}/widget/service-control-center.js`,
  });
}

/**
 * The same widget under the strictest policy a host may have (see `strictContentSecurityPolicy`):
 * scripts only from this origin, so the host serves the widget module itself (`/widget/…`).
 */
export function strictPage(options: { persona: DemoPersona; bffPublicUrl: string }): Markup {
  return widgetPage({
    ...options,
    section: 'strict',
    title: 'Strict CSP',
    lede:
      "This page allows scripts and styles only from its own origin and no inline code at all; the widget's " +
      'module is served by the portal itself.',
    widgetModule: '/widget/service-control-center.js',
  });
}

/** The React app mounts into `#react-root` and reads where the BFF is from its data attribute. */
export function reactPage(options: { persona: DemoPersona; bffPublicUrl: string }): Markup {
  const { persona, bffPublicUrl } = options;
  return layout({
    title: 'React page',
    bodyClass: 'page-app',
    head: html`<script type="module" src="${bffPublicUrl}/widget/service-control-center.js"></script>
      <script type="module" src="/react-page.js"></script>`,
    body: chrome(
      persona,
      'react',
      html`<div class="page-head">
          <p class="eyebrow">${persona.businessUnit.name}</p>
          <h1>React page</h1>
          <p class="lede">A page rendered by React 19 that embeds the same tag and follows its events.</p>
        </div>
        <div id="react-root" data-bff="${bffPublicUrl}"></div>`,
    ),
  });
}

/**
 * A page whose own CSS is as hostile as page CSS gets (`/hostile.css`). Its layout has no `div`,
 * since the stylesheet hides every one; `?widget=off` renders it without the widget, so a test can
 * compare the host's own elements with and without it.
 */
export function hostilePage(options: { persona: DemoPersona; bffPublicUrl: string; withWidget: boolean }): Markup {
  const { persona, bffPublicUrl } = options;
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Hostile CSS · ${APP_NAME}</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="/hostile.css" />
    ${
      options.withWidget
        ? html`<script type="module" src="${bffPublicUrl}/widget/service-control-center.js"></script>
      <script type="module" src="/app.js"></script>`
        : ''
    }
  </head>
  <body class="page-hostile">
    <main>
      <h1 data-testid="host-heading">Hostile CSS</h1>
      <p data-testid="host-text">Signed in as ${persona.displayName}. This page resets everything, with !important.</p>
      <button type="button" data-testid="host-button">A host button</button>
      <table data-testid="host-table"><tr><td>host cell</td></tr></table>
      ${options.withWidget ? html`<service-control-center api-base="${bffPublicUrl}" locale="en"></service-control-center>` : ''}
      <a href="/app">Back to Cloud services</a>
    </main>
  </body>
</html>`;
}

type PlaceholderSection = Exclude<Section, 'services' | 'react' | 'strict'>;

const placeholders: Record<PlaceholderSection, { title: string; text: string }> = {
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

export function placeholderPage(persona: DemoPersona, section: PlaceholderSection): Markup {
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
