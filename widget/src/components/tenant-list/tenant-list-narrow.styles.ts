/**
 * Plain text, not lit's `css`: a chunk that imports nothing from the entry stays a leaf, and the
 * build's CSS minifier still finds the template by its tag. `SccTenantList` makes it a style sheet.
 */
const css = String.raw;

/**
 * The tenant list at narrow widths: the actions menu below 960 px of the list's own width, cards
 * below 720 px. Loaded right after the first list renders (see `SccTenantList`), so the entry stays
 * within its size budget; until then the row actions are inline buttons, which always work.
 */
export const tenantListNarrowCss = css`
  .menu-button {
    min-width: 32px;
    min-height: 32px;
    text-align: center;
    border-radius: var(--_scc-radius);
  }
  [role='menu'] {
    position: absolute;
    inset-inline-end: 0;
    top: 100%;
    z-index: 1;
    display: flex;
    flex-direction: column;
    min-width: 12em;
    padding: 4px;
    background: var(--_scc-surface);
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.12);
  }
  [role='menuitem'] {
    padding: 6px 10px;
    border-radius: calc(var(--_scc-radius) - 2px);
  }
  [role='menuitem']:focus {
    background: var(--_scc-hover);
  }
  /* The danger colour is readable on the surface, not quite on the focus background: toward the text colour. */
  [role='menuitem'].danger:focus {
    color: color-mix(in srgb, var(--_scc-danger) 75%, var(--_scc-text));
  }
  @container tenant-list (max-width: 959.98px) {
    .inline {
      display: none;
    }
    .menu {
      display: inline-block;
    }
  }
  @container tenant-list (max-width: 719.98px) {
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    caption {
      display: block;
    }
    thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      padding: 6px 0;
    }
    thead th,
    thead th:first-child,
    thead th:last-child {
      display: block;
      padding: 0;
      border: 0;
      background: none;
    }
    .actions-head {
      display: none;
    }
    tbody tr {
      position: relative;
      margin-bottom: var(--_scc-space);
      padding: 10px 12px;
      border: 1px solid var(--_scc-border);
      border-radius: var(--_scc-radius);
    }
    tbody th,
    tbody td,
    tbody td:last-child,
    tbody tr:last-child > * {
      padding: 2px 0;
      border: 0;
      border-radius: 0;
    }
    tbody th {
      padding-inline-end: 40px;
    }
    td[data-label]::before {
      content: attr(data-label) ': ';
      color: var(--_scc-muted);
      font-size: 0.857em;
    }
    td.actions {
      position: absolute;
      top: 6px;
      inset-inline-end: 6px;
      padding: 0;
    }
  }
`;
