import { css } from 'lit';

export const serviceControlCenterStyles = css`
  .base {
    container-type: inline-size;
    overflow: hidden;
    background: var(--_scc-surface);
    border: 1px solid var(--_scc-border);
    border-radius: calc(var(--_scc-radius) * 1.5);
    box-shadow: 0 1px 2px rgb(16 24 40 / 0.04), 0 1px 3px rgb(16 24 40 / 0.06);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_scc-space) * 2);
    min-height: 64px;
    padding: calc(var(--_scc-space) * 1.5) calc(var(--_scc-space) * 2.5);
    border-bottom: 1px solid var(--_scc-border);
    background: var(--_scc-surface);
  }
  .brand {
    min-width: 0;
  }
  .context {
    margin: 0;
    font-size: 1.143em;
    font-weight: 600;
    color: var(--_scc-text);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .kind {
    display: inline-block;
    vertical-align: 2px;
    margin-inline-start: 8px;
    padding: 0 6px;
    border: 1px solid var(--_scc-border);
    border-radius: 4px;
    font-size: 0.625em;
    font-weight: 600;
    letter-spacing: 0.04em;
    line-height: 1.6;
    text-transform: uppercase;
    color: var(--_scc-muted);
  }
  .user {
    display: flex;
    align-items: center;
    gap: var(--_scc-space);
    min-width: 0;
  }
  .avatar {
    flex: none;
    display: grid;
    place-items: center;
    width: 32px;
    height: 32px;
    border-radius: 50%;
    background: var(--_scc-selected);
    color: var(--_scc-primary-text);
    font-size: 0.786em;
    font-weight: 700;
  }
  .user-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
    line-height: 1.3;
    text-align: end;
  }
  .user-name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .user-email {
    font-size: 0.857em;
    color: var(--_scc-muted);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .body {
    display: block;
    min-height: 260px;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(220px, 300px) minmax(0, 1fr);
    min-height: 320px;
  }
  .sidebar {
    display: block;
    padding: calc(var(--_scc-space) * 2) calc(var(--_scc-space) * 1.5);
    border-inline-end: 1px solid var(--_scc-border);
    background: var(--_scc-subtle);
  }
  .section-title {
    margin: 0 0 var(--_scc-space);
    padding: 0 calc(var(--_scc-space));
    font-size: 0.786em;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_scc-muted);
  }
  .main {
    display: block;
    min-width: 0;
    padding: calc(var(--_scc-space) * 2.5);
  }
  .views {
    display: flex;
    gap: 4px;
    margin-bottom: calc(var(--_scc-space) * 1.5);
  }
  .views button {
    font: inherit;
    color: inherit;
    padding: 4px 12px;
    border: 1px solid var(--_scc-border);
    border-radius: calc(var(--_scc-radius) - 2px);
    background: var(--_scc-surface);
    cursor: pointer;
  }
  .views [aria-current='true'] {
    border-color: var(--_scc-primary);
    background: var(--_scc-selected);
    color: var(--_scc-primary-text);
  }
  .views button:focus-visible {
    outline: none;
    box-shadow: var(--_scc-focus);
  }
  .operations {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_scc-space);
    margin-bottom: calc(var(--_scc-space) * 1.5);
  }
  .part-loading {
    margin: 0 0 calc(var(--_scc-space) * 1.5);
    font-size: 0.857em;
    color: var(--_scc-muted);
  }
  .reconnecting {
    font-size: 0.857em;
    color: var(--_scc-warning);
  }
  scc-pending-requests {
    margin-bottom: calc(var(--_scc-space) * 2);
  }
  @container (max-width: 720px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .sidebar {
      border-inline-end: 0;
      border-bottom: 1px solid var(--_scc-border);
    }
    .user-text {
      display: none;
    }
    /* Only the avatar is left: it keeps its size and the unit's name gives way. */
    .user {
      flex: none;
    }
  }
`;
