import { css } from 'lit';

export const pendingRequestsStyles = css`
  section {
    display: grid;
    gap: var(--_scc-space);
  }
  h2 {
    font-size: 0.786em;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_scc-muted);
  }
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--_scc-space);
  }
  .request {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 4px var(--_scc-space);
    padding: var(--_scc-space) calc(var(--_scc-space) * 1.5);
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
  }
  .state {
    font-size: 0.857em;
    color: var(--_scc-muted);
  }
  progress {
    grid-column: 1 / -1;
    width: 100%;
    height: 6px;
    appearance: none;
    border: 0;
    border-radius: 3px;
    overflow: hidden;
    background: var(--_scc-subtle);
    accent-color: var(--_scc-primary);
  }
  progress::-webkit-progress-bar {
    background: var(--_scc-subtle);
  }
  progress::-webkit-progress-value {
    background: var(--_scc-primary);
    transition: width 200ms ease;
  }
  progress::-moz-progress-bar {
    background: var(--_scc-primary);
  }
  .state--succeeded progress::-webkit-progress-value {
    background: var(--_scc-success);
  }
  .state--failed .step,
  .state--rejected .step {
    color: var(--_scc-danger);
  }
`;
