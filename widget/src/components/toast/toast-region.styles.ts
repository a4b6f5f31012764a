import { css } from 'lit';

export const toastRegionStyles = css`
  :host {
    position: sticky;
    bottom: var(--_scc-space);
    z-index: 1;
    pointer-events: none;
  }
  .region {
    display: grid;
    gap: var(--_scc-space);
    justify-items: end;
  }
  .toast {
    pointer-events: auto;
    display: flex;
    align-items: center;
    gap: var(--_scc-space);
    margin: 0;
    max-width: min(100%, 36em);
    padding: 8px 8px 8px 12px;
    border-radius: var(--_scc-radius);
    border-inline-start: 4px solid var(--_tone);
    background: var(--_scc-surface);
    color: var(--_scc-text);
    box-shadow: 0 2px 8px color-mix(in srgb, var(--_scc-text) 18%, transparent);
  }
  .toast--success {
    --_tone: var(--_scc-success);
  }
  .toast--info {
    --_tone: var(--_scc-primary);
  }
  .toast--error {
    --_tone: var(--_scc-danger);
  }
  button {
    font: inherit;
    color: inherit;
    min-width: 24px;
    min-height: 24px;
    border: 0;
    border-radius: calc(var(--_scc-radius) - 2px);
    background: transparent;
    cursor: pointer;
  }
  button:focus-visible {
    outline: none;
    box-shadow: var(--_scc-focus);
  }
`;
