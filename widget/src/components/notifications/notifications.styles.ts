import { css } from 'lit';

export const notificationsStyles = css`
  /* In a flex row (the widget's header) it sits at the end, just before the user. */
  :host {
    position: relative;
    display: inline-block;
    margin-inline: auto var(--_scc-space);
  }
  .bell {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.5rem;
    min-height: 2.5rem;
    padding: 0 calc(var(--_scc-space) * 0.75);
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
    background: var(--_scc-surface);
    color: var(--_scc-text);
    font: inherit;
    cursor: pointer;
  }
  .bell:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_scc-primary);
    outline-offset: 2px;
  }
  .bell svg {
    width: 1.25rem;
    height: 1.25rem;
  }
  .count {
    margin-inline-start: calc(var(--_scc-space) * 0.5);
    min-width: 1.25rem;
    padding: 0 0.3rem;
    border-radius: 999px;
    background: var(--_scc-danger);
    color: #ffffff;
    font-size: 0.8em;
    font-weight: 600;
    line-height: 1.25rem;
  }
  .panel {
    position: absolute;
    z-index: 10;
    inset-inline-end: 0;
    margin-top: calc(var(--_scc-space) * 0.5);
    width: min(24rem, calc(100vw - 2rem));
    max-height: 28rem;
    overflow: auto;
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
    background: var(--_scc-surface);
    color: var(--_scc-text);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.16);
  }
  .panel-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_scc-space);
    padding: var(--_scc-space) calc(var(--_scc-space) * 1.5);
    border-bottom: 1px solid var(--_scc-border);
  }
  h2 {
    margin: 0;
    font-size: 1em;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: calc(var(--_scc-space) * 0.5) var(--_scc-space);
    padding: var(--_scc-space) calc(var(--_scc-space) * 1.5);
    border-bottom: 1px solid var(--_scc-border);
    border-inline-start: 4px solid transparent;
  }
  li[data-severity='critical'] {
    border-inline-start-color: var(--_scc-danger);
  }
  li[data-severity='warning'] {
    border-inline-start-color: var(--_scc-warning);
  }
  li[data-read] .text {
    font-weight: normal;
  }
  .text {
    margin: 0;
    font-weight: 600;
  }
  .meta {
    grid-column: 1;
    margin: 0;
    color: var(--_scc-muted);
    font-size: 0.875em;
  }
  .link {
    border: none;
    background: none;
    padding: 0;
    color: var(--_scc-primary);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .note {
    margin: 0;
    padding: calc(var(--_scc-space) * 1.5);
    color: var(--_scc-muted);
  }
  .more {
    display: block;
    margin: var(--_scc-space) auto;
  }
`;
