import { css } from 'lit';

export const brandEditorStyles = css`
  form {
    display: grid;
    gap: calc(var(--_scc-space) * 1.5);
    margin-top: var(--_scc-space);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_scc-space);
  }
  .row > label {
    flex: 1 1 180px;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_scc-space);
    margin: 0;
    padding: var(--_scc-space);
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
  }
  legend {
    padding: 0 4px;
    font-weight: 600;
  }
  input[type='color'] {
    width: 64px;
    padding: 2px;
  }
  .hint,
  .note {
    margin: 0;
    font-size: 0.857em;
    color: var(--_scc-muted);
  }
  .contrast {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.857em;
  }
  .contrast.warn {
    color: var(--_scc-text);
  }
  .contrast.warn::before {
    content: '⚠ ';
    color: var(--_scc-warning);
  }
  .contrast.refuse {
    color: var(--_scc-danger);
    font-weight: 600;
  }
  .logo-row img {
    width: 36px;
    height: 36px;
    object-fit: contain;
  }
  .previews {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_scc-space);
  }
  /* The draft's --scc-* are set on each preview; these read them directly, as the widget would. */
  .preview {
    flex: 1 1 220px;
    display: grid;
    gap: var(--_scc-space);
    padding: calc(var(--_scc-space) * 1.5);
    border: 1px solid var(--_scc-border);
    border-radius: var(--scc-radius, 8px);
    background: var(--scc-color-surface, #ffffff);
    color: var(--scc-color-text, #111827);
    font-family: var(--scc-font-family, inherit);
  }
  .preview button {
    justify-self: start;
    border: 0;
    border-radius: var(--scc-radius, 8px);
    background: var(--scc-color-primary, #2563eb);
    color: var(--scc-color-on-primary, #ffffff);
    font-weight: 600;
  }
  .preview .accent {
    color: var(--scc-color-accent, var(--scc-color-primary, #2563eb));
    text-decoration: underline;
  }
  .status {
    margin: 0;
    color: var(--_scc-success);
    font-weight: 600;
  }
  ul.error {
    margin: 0;
    padding-inline-start: 18px;
  }
`;
