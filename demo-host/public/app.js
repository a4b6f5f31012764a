// Acme Operations Portal: hands the embedded Service Control Center a way to get its session token.
// The host's backend mints the token at the BFF with the host's API key; the browser never sees the key.
const TAG = 'service-control-center';

async function fetchToken() {
  const response = await fetch('/api/embed-session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'x-requested-with': 'fetch' },
  });
  if (response.status === 401) {
    // The portal session ended: back to the sign-in page.
    window.location.assign('/sign-in');
    throw new Error('Signed out');
  }
  if (!response.ok) throw new Error(`Could not open a Service Control Center session (HTTP ${response.status})`);
  const body = await response.json();
  return body.token;
}

await customElements.whenDefined(TAG);
const widgets = document.querySelectorAll(TAG);
for (const widget of widgets) widget.fetchToken = fetchToken;

// Language and direction: the widget follows its `locale` property and the `dir` it inherits.
const localeButtons = document.querySelectorAll('[data-widget-locale]');
for (const button of localeButtons) {
  button.addEventListener('click', () => {
    for (const widget of widgets) widget.locale = button.dataset.widgetLocale;
    for (const other of localeButtons) other.setAttribute('aria-pressed', String(other === button));
  });
}
for (const button of document.querySelectorAll('[data-widget-rtl]')) {
  button.addEventListener('click', () => {
    const rtl = button.getAttribute('aria-pressed') !== 'true';
    for (const widget of widgets) widget.dir = rtl ? 'rtl' : 'ltr';
    button.setAttribute('aria-pressed', String(rtl));
  });
}
