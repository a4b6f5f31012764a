import { css } from 'lit';

/**
 * Design tokens. Hosts theme the widget only through the public `--scc-*` custom properties;
 * each element resolves them (with defaults) into private `--_scc-*` properties on its host.
 */
export const tokens = css`
  :host {
    --_scc-font-family: var(
      --scc-font-family,
      ui-sans-serif,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_scc-font-size: var(--scc-font-size, 14px);
    --_scc-primary: var(--scc-color-primary, #2563eb);
    --_scc-on-primary: var(--scc-color-on-primary, #ffffff);
    --_scc-surface: var(--scc-color-surface, #ffffff);
    --_scc-text: var(--scc-color-text, #111827);
    --_scc-muted: var(--scc-color-muted, #4b5563);
    --_scc-border: var(--scc-color-border, #e5e7eb);
    --_scc-danger: var(--scc-color-danger, #dc2626);
    --_scc-warning: var(--scc-color-warning, #d97706);
    --_scc-success: var(--scc-color-success, #16a34a);
    --_scc-radius: var(--scc-radius, 8px);
    --_scc-space: var(--scc-space, 8px);
    --_scc-subtle: color-mix(in srgb, var(--_scc-text) 4%, var(--_scc-surface));
    --_scc-hover: color-mix(in srgb, var(--_scc-text) 6%, var(--_scc-surface));
    --_scc-selected: color-mix(in srgb, var(--_scc-primary) 10%, var(--_scc-surface));
    /*
     * Primary as text on tinted backgrounds (selected rows, avatars): pulled towards the text
     * colour, so it darkens on light surfaces and lightens on dark ones and keeps 4.5:1 with the
     * default tokens and typical brand colours.
     */
    --_scc-primary-text: color-mix(in srgb, var(--_scc-primary) 80%, var(--_scc-text));
    --_scc-focus: 0 0 0 2px var(--_scc-surface), 0 0 0 4px color-mix(in srgb, var(--_scc-primary) 70%, transparent);
  }
`;

/** Typography every element sets explicitly, so nothing is inherited from the page. */
const typography = css`
  font-family: var(--_scc-font-family);
  font-size: var(--_scc-font-size);
  font-weight: 400;
  font-style: normal;
  line-height: 1.5;
  color: var(--_scc-text);
  text-align: start;
  -webkit-font-smoothing: antialiased;
`;

/**
 * Style reset for every element's host. `all: initial` drops everything inherited from the page
 * (custom properties still inherit, which is how theming works).
 */
export const hostReset = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    ${typography}
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/**
 * For the outermost wrapper of the top-level element: page rules that target the host element
 * itself (e.g. `* { color: red !important }`) can beat `:host`, so the first element inside the
 * shadow root resets again — nothing outside the shadow root can reach it.
 */
export const baseReset = css`
  .base {
    all: initial;
    display: block;
    box-sizing: border-box;
    ${typography}
  }
`;

export const sharedStyles = [tokens, hostReset];

/** Form controls of the search and admin screens. */
export const controlStyles = css`
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  input,
  select {
    min-height: 32px;
    padding: 4px 8px;
    border: 1px solid var(--_scc-border);
    border-radius: calc(var(--_scc-radius) - 2px);
    background: var(--_scc-surface);
  }
  button {
    min-height: 32px;
    padding: 4px 12px;
    border: 1px solid var(--_scc-border);
    border-radius: calc(var(--_scc-radius) - 2px);
    background: var(--_scc-surface);
    cursor: pointer;
  }
  button.primary {
    border-color: var(--_scc-primary);
    background: var(--_scc-primary);
    color: var(--_scc-on-primary);
  }
  button.danger {
    border-color: var(--_scc-danger);
    color: var(--_scc-danger);
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: none;
    box-shadow: var(--_scc-focus);
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-size: 0.857em;
    color: var(--_scc-muted);
  }
  .error {
    color: var(--_scc-danger);
  }
`;
