import { css } from 'lit';

/** Layout of the billing and data-source screens: sections, forms, tables, the charts' lines. */
export const billingStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  h2,
  h3 {
    margin: 0 0 var(--_scc-space);
    font-size: 1.143em;
  }
  h3 {
    font-size: 1em;
  }
  section + section,
  figure + figure {
    margin-top: calc(var(--_scc-space) * 2);
  }
  form,
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_scc-space);
    margin-bottom: var(--_scc-space);
  }
  [role='tablist'],
  .switch {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin-bottom: var(--_scc-space);
  }
  [aria-current='true'] {
    border-color: var(--_scc-primary);
    background: var(--_scc-selected);
    color: var(--_scc-primary-text);
    font-weight: 600;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 4px;
  }
  th,
  td {
    padding: 4px var(--_scc-space);
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--_scc-border);
  }
  th {
    font-weight: 600;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  tfoot th,
  tfoot td {
    font-weight: 600;
    border-bottom: none;
  }
  .note,
  .muted {
    color: var(--_scc-muted);
  }
  .error,
  [aria-invalid='true'] + .field-error,
  .field-error {
    color: var(--_scc-danger);
  }
  [aria-invalid='true'] {
    border-color: var(--_scc-danger);
  }
  figure {
    margin: 0;
  }
  .panel {
    margin-top: var(--_scc-space);
    padding: var(--_scc-space);
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
  }
  fieldset {
    margin: 0 0 var(--_scc-space);
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
  }
  .tier {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_scc-space);
    align-items: flex-end;
  }
  /* The show-back's units indented by their depth (no inline styles: hosts may forbid them). */
  [data-depth='1'] > th {
    padding-inline-start: calc(var(--_scc-space) * 3);
  }
  [data-depth='2'] > th {
    padding-inline-start: calc(var(--_scc-space) * 5);
  }
  [data-depth='3'] > th {
    padding-inline-start: calc(var(--_scc-space) * 7);
  }
  [data-depth='4'] > th,
  [data-depth='5'] > th {
    padding-inline-start: calc(var(--_scc-space) * 9);
  }
  /* uPlot's frame (its own style sheet, cut to what a chart without legend and cursor uses). */
  .chart {
    min-height: 220px;
  }
  .uplot {
    width: min-content;
    font-size: 0.857em;
  }
  .u-wrap {
    position: relative;
    user-select: none;
  }
  .u-over,
  .u-under,
  .u-axis {
    position: absolute;
  }
  .u-under {
    overflow: hidden;
  }
  .uplot canvas {
    display: block;
    position: relative;
    width: 100%;
    height: 100%;
  }
`;
