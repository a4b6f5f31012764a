import { css } from 'lit';

export const brandMarkStyles = css`
  :host {
    display: flex;
    min-width: 0;
  }
  .mark {
    display: flex;
    align-items: center;
    gap: calc(var(--_scc-space) * 1.5);
    min-width: 0;
  }
  .logo {
    flex: none;
    display: grid;
    place-items: center;
    width: 36px;
    height: 36px;
    overflow: hidden;
    border-radius: var(--_scc-radius);
    background-color: var(--_scc-primary);
    color: var(--_scc-on-primary);
  }
  .logo.image {
    background-color: transparent;
  }
  .logo svg {
    width: 20px;
    height: 20px;
  }
  .logo img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  .titles {
    min-width: 0;
    line-height: 1.3;
  }
  .name {
    font-size: 0.786em;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_scc-muted);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
`;
