import { createHash } from 'node:crypto';
import type { Brand } from '@scc/contracts/business-units';

/** A 48 px PNG: a white ring on Reseller One's orange, 245 bytes. */
const RESELLER_ONE_LOGO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAvElEQVR42u2a6w2DQAyDPQBLsXoXgwEQbVGc5Bwcib/GH9KFPA74Mz77dlQ+iEa1YRrQasYfgaxu/iuEivlbCGkANfMXCAMYIADAFv0VdIgq41kgqDbOBkGneQYEus1HIVB5UDMgwDRfqUEH6NJBx0uZemGAjDScApCVx6O66Pz6DG0DGMAAbwaQSqPyP7IRpYR8MTeinJZvaEa0lCOa+hFjlRGDrfbRoqfTBjCAt5TeFb9qWz//sofadZsTIkE3FQ5AS0sAAAAASUVORK5CYII=',
  'base64',
);

export interface SeedBrand {
  businessUnit: string;
  brand: Brand;
  logo: { contentType: 'image/png'; bytes: Uint8Array; sha256: string };
}

const logo = (bytes: Buffer) => ({
  contentType: 'image/png' as const,
  bytes: new Uint8Array(bytes),
  sha256: createHash('sha256').update(bytes).digest('hex'),
});

/**
 * Reseller One shows its own brand at once, so its customers (Contoso, Fabrikam) see it in the
 * demo; the MSP keeps the product's default look.
 */
export function seedBrands(): SeedBrand[] {
  const resellerOneLogo = logo(RESELLER_ONE_LOGO);
  return [
    {
      businessUnit: 'reseller-one',
      logo: resellerOneLogo,
      brand: {
        displayName: 'Reseller One',
        fontStack: "'Trebuchet MS', 'Segoe UI', system-ui, sans-serif",
        radius: 4,
        light: { primary: '#c2410c', onPrimary: '#ffffff', accent: '#0f766e' },
        dark: { primary: '#fb923c', onPrimary: '#1c1917', accent: '#2dd4bf', surface: '#1c1917', text: '#f5f5f4' },
        logo: {
          sha256: resellerOneLogo.sha256,
          contentType: resellerOneLogo.contentType,
          byteSize: resellerOneLogo.bytes.byteLength,
        },
      },
    },
  ];
}
