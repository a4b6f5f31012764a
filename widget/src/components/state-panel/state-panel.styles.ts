import { css } from 'lit';

export const statePanelStyles = css`
  .panel {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_scc-space) * 1.5);
    min-height: 220px;
    padding: calc(var(--_scc-space) * 4) calc(var(--_scc-space) * 3);
    text-align: center;
  }
  .icon {
    display: grid;
    place-items: center;
    width: 44px;
    height: 44px;
    border-radius: 50%;
    background: var(--_scc-subtle);
    color: var(--_scc-muted);
  }
  .icon svg {
    width: 22px;
    height: 22px;
  }
  .panel--error .icon {
    background: color-mix(in srgb, var(--_scc-danger) 12%, var(--_scc-surface));
    color: var(--_scc-danger);
  }
  .heading {
    margin: 0;
    font-size: 1.07em;
    font-weight: 600;
    color: var(--_scc-text);
  }
  .message {
    margin: 0;
    max-width: 42ch;
    color: var(--_scc-muted);
  }
  .spinner {
    width: 32px;
    height: 32px;
    border-radius: 50%;
    border: 3px solid color-mix(in srgb, var(--_scc-primary) 18%, var(--_scc-surface));
    border-top-color: var(--_scc-primary);
    animation: spin 0.8s linear infinite;
  }
  .skeleton {
    display: grid;
    gap: 10px;
    width: min(100%, 420px);
    margin-top: var(--_scc-space);
  }
  .skeleton span {
    display: block;
    height: 12px;
    border-radius: 6px;
    background: linear-gradient(90deg, var(--_scc-subtle) 0%, var(--_scc-hover) 50%, var(--_scc-subtle) 100%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  .skeleton span:nth-child(2) {
    width: 85%;
  }
  .skeleton span:nth-child(3) {
    width: 65%;
  }
  button {
    all: unset;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    margin-top: calc(var(--_scc-space) / 2);
    padding: 8px 16px;
    border-radius: var(--_scc-radius);
    background: var(--_scc-primary);
    color: var(--_scc-on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    transition: background-color 120ms ease;
  }
  button:hover {
    background: color-mix(in srgb, var(--_scc-primary) 88%, black);
  }
  button:focus-visible {
    box-shadow: var(--_scc-focus);
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner,
    .skeleton span {
      animation-duration: 3s;
    }
  }
`;
