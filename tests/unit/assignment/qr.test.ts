import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { assignmentLink } from '../../../src/lib/assignment/encode.ts';
import { decodeQrSvg, parseQrSvg, rasteriseQr } from '../../support/qr.ts';
import { assignment } from './fixtures.ts';

const link = assignmentLink('https://exempelby.example/samhallsorientering/', 'ar', { ...assignment, group: 'مجموعة الصباح' });

describe('QR test helpers', () => {
  it('parse the SVG back into the encoder’s own module matrix', async () => {
    const svg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M' });
    const { modules } = QRCode.create(link, { errorCorrectionLevel: 'M' });
    const matrix = parseQrSvg(svg);
    const margin = 4; // the qrcode package's default quiet zone
    expect(matrix.size).toBe(modules.size + 2 * margin);
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col++) {
        const inside = row >= margin && col >= margin && row < margin + modules.size && col < margin + modules.size;
        expect(matrix.modules[row][col], `${row},${col}`).toBe(inside ? Boolean(modules.get(row - margin, col - margin)) : false);
      }
    }
  });

  it('decode an assignment link back from the SVG with jsQR', async () => {
    expect(decodeQrSvg(await QRCode.toString(link, { type: 'svg' }))).toBe(link);
    // Options the handout might use: no margin, a width, another colour, high error correction.
    const styled = await QRCode.toString(link, { type: 'svg', margin: 0, width: 200, errorCorrectionLevel: 'H', color: { dark: '#1f5f8bff', light: '#0000' } });
    expect(decodeQrSvg(styled, 3)).toBe(link);
  });

  it('rasterise with a quiet zone, and refuse what is not a QR SVG', () => {
    const raster = rasteriseQr({ size: 2, modules: [[true, false], [false, true]] }, 2, 1);
    expect(raster.width).toBe(8);
    expect([...raster.data.slice(0, 4)]).toEqual([255, 255, 255, 255]);
    expect([...raster.data.slice((2 * 8 + 2) * 4, (2 * 8 + 2) * 4 + 4)]).toEqual([0, 0, 0, 255]);
    expect(() => parseQrSvg('<svg viewBox="0 0 10 10"></svg>')).toThrow(/no dark/);
    expect(() => parseQrSvg('<p>hi</p>')).toThrow(/viewBox/);
  });
});
