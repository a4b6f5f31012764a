import { css } from 'lit';

export const statusBadgeStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
  }
  .badge {
    --_tone: var(--_scc-muted);
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding-block: 2px;
    padding-inline: 8px 10px;
    border-radius: 999px;
    font-size: 0.857em;
    font-weight: 500;
    line-height: 1.5;
    white-space: nowrap;
    /* 60 % of the tone keeps 4.5:1 on the tinted background for the default tokens, light or dark */
    color: color-mix(in srgb, var(--_tone) 60%, var(--_scc-text));
    background: color-mix(in srgb, var(--_tone) 12%, var(--_scc-surface));
    border: 1px solid color-mix(in srgb, var(--_tone) 28%, var(--_scc-surface));
  }
  .dot {
    flex: none;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_tone);
  }
  .badge--success {
    --_tone: var(--_scc-success);
  }
  .badge--warning {
    --_tone: var(--_scc-warning);
  }
  .badge--danger {
    --_tone: var(--_scc-danger);
  }
  .badge--info {
    --_tone: var(--_scc-primary);
  }
  .badge--danger .dot {
    /* not colour alone: a ring marks "down" for users who cannot tell the colours apart */
    box-shadow: 0 0 0 2px color-mix(in srgb, var(--_tone) 30%, transparent);
  }
  .badge--info .dot {
    background: transparent;
    border: 2px solid var(--_tone);
  }
`;
