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
for (const widget of document.querySelectorAll(TAG)) widget.fetchToken = fetchToken;
