import { assertEqual, assertIncludes, assertRejects, cleanup, fixture } from '../../test/helpers.js';
import { axeViolations, expectNoAxeViolations } from './axe.js';

/** An element whose only content is in its shadow root, like every widget element. */
class ShadowFixture extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<p style="color:#aaa;background:#fff">faint</p>
      <button type="button" aria-label="Delete"><span>Remove</span></button>`;
  }
}
customElements.define('scc-axe-fixture', ShadowFixture);

describe('expectNoAxeViolations', () => {
  afterEach(cleanup);

  it('looks inside shadow roots and names rule, target and help of each violation', async () => {
    const host = fixture('<scc-axe-fixture></scc-axe-fixture>');
    const ids = (await axeViolations(host)).map((v) => v.id).sort();
    assertEqual(ids.join(), 'color-contrast,label-content-name-mismatch');
    const error = await assertRejects(expectNoAxeViolations(host, 'the fixture'));
    const message = (error as Error).message;
    assertIncludes(message, 'in the fixture');
    assertIncludes(message, 'color-contrast at [["scc-axe-fixture","p"]]');
    assertIncludes(message, 'Elements must meet minimum color contrast ratio thresholds');
  });

  it('passes an element without violations', async () => {
    await expectNoAxeViolations(fixture('<p style="color:#111;background:#fff">clear</p>'));
  });
});
