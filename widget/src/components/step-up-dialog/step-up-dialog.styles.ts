import { css } from 'lit';

export const stepUpDialogStyles = css`
  svg {
    justify-self: center;
    width: min(12rem, 60vw);
    height: auto;
    shape-rendering: crispEdges;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
    user-select: all;
  }
  ol {
    margin: 0;
    columns: 2;
  }
  p {
    margin: 0;
  }
`;
