// The demo host's React page: React 19 renders `<service-control-center>` like any element,
// sets `fetchToken` and `locale` as properties and listens to the widget's events through
// `onscc-…` props. Its JSX types are the package's generated `react.d.ts`
// (checked by test/package/widget-package.test.ts).
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

const TAG = 'service-control-center';

/** Asks the portal's backend for a widget session; the API key never reaches the browser. */
async function fetchToken(): Promise<string> {
  const response = await fetch('/api/embed-session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'x-requested-with': 'fetch' },
  });
  if (response.status === 401) {
    window.location.assign('/sign-in');
    throw new Error('Signed out');
  }
  if (!response.ok) throw new Error(`Could not open a Service Control Center session (HTTP ${response.status})`);
  const body = (await response.json()) as { token: string };
  return body.token;
}

type Locale = 'en' | 'de';
const locales: { tag: Locale; label: string }[] = [
  { tag: 'en', label: 'English' },
  { tag: 'de', label: 'Deutsch' },
];

function ControlCenterPage({ bff }: { bff: string }) {
  const [locale, setLocale] = useState<Locale>('en');
  const [rtl, setRtl] = useState(false);
  const [lastEvent, setLastEvent] = useState('none yet');

  return (
    <>
      <fieldset className="widget-tools">
        <legend>Widget language and direction</legend>
        {locales.map(({ tag, label }) => (
          <button
            key={tag}
            className="btn btn--secondary"
            type="button"
            data-widget-locale={tag}
            aria-pressed={locale === tag}
            onClick={() => setLocale(tag)}
          >
            {label}
          </button>
        ))}
        <button className="btn btn--secondary" type="button" aria-pressed={rtl} onClick={() => setRtl(!rtl)}>
          Right to left
        </button>
      </fieldset>
      <service-control-center
        api-base={bff}
        locale={locale}
        dir={rtl ? 'rtl' : 'ltr'}
        fetchToken={fetchToken}
        onscc-ready={(event) => setLastEvent(`scc-ready: ${event.detail.user.displayName}`)}
        onscc-error={(event) => setLastEvent(`scc-error: ${event.detail.title}`)}
        onscc-business-unit-select={(event) => setLastEvent(`scc-business-unit-select: ${event.detail.businessUnitId}`)}
        onscc-operation-request-submit={(event) =>
          setLastEvent(`scc-operation-request-submit: ${event.detail.request.id}`)
        }
      />
      <p className="react-events">
        Last widget event (React state): <output data-testid="last-event">{lastEvent}</output>
      </p>
    </>
  );
}

const root = document.getElementById('react-root');
if (!root?.dataset.bff) throw new Error('the page has no #react-root[data-bff]');
// React sets a prop as a property only on an element that has it: wait until the tag is defined.
await customElements.whenDefined(TAG);
createRoot(root).render(
  <StrictMode>
    <ControlCenterPage bff={root.dataset.bff} />
  </StrictMode>,
);
