import { css } from 'lit';

export const pendingRequestsStyles = css`
  section,
  ul {
    display: grid;
    gap: var(--_scc-space);
  }
  h2 {
    font-size: 0.786em;
    text-transform: uppercase;
    color: var(--_scc-muted);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .request {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: 4px var(--_scc-space);
    padding: var(--_scc-space) calc(var(--_scc-space) * 1.5);
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
  }
  .terminated {
    grid-template-columns: 1fr auto auto;
  }
  .state {
    color: var(--_scc-muted);
  }
  progress {
    grid-column: 1 / -1;
    width: 100%;
    accent-color: var(--_scc-primary);
  }
  .state--succeeded progress {
    accent-color: var(--_scc-success);
  }
  .state--failed .step,
  .state--rejected .step {
    color: var(--_scc-danger);
  }
`;
