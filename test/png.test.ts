import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { deflateRows, encodePngRows, encodeRgbaPng } from '../src/lib/og/png.ts';

describe('PNG encoding of preview cards', () => {
  it('gives back the same pixels when decoded', async () => {
    const width = 7;
    const height = 5;
    const rgba = Buffer.from(
      Array.from({ length: width * height * 4 }, (_, i) => (i * 37 + (i >> 2)) % 256),
    );
    const decoded = await sharp(encodeRgbaPng(rgba, width, height))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(decoded.info).toMatchObject({ width, height, channels: 4 });
    expect(decoded.data.equals(rgba)).toBe(true);
  });

  it('refuses pixels that do not fill the image', () => {
    expect(() => encodeRgbaPng(Buffer.alloc(10), 2, 2)).toThrow(
      'expected 16 bytes of RGBA pixels, got 10',
    );
  });

  it('gives back the same RGB pixels when the first rows were deflated beforehand', async () => {
    const [width, height] = [300, 40];
    const rowBytes = width * 3 + 1;
    const rows = Buffer.alloc(rowBytes * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width * 3; x++)
        // A flat top (like a card's band), then varied rows, so that both parts matter.
        rows[y * rowBytes + 1 + x] = y < 12 ? 29 + (x % 3) * 40 : (x * 7 + y * 13) % 256;
    const pixels = Buffer.concat(
      Array.from({ length: height }, (_, y) => rows.subarray(y * rowBytes + 1, (y + 1) * rowBytes)),
    );
    for (const startRows of [0, 1, 12, 25, height]) {
      const start = deflateRows(rows.subarray(0, startRows * rowBytes));
      const decoded = await sharp(encodePngRows(rows, width, height, { channels: 3, start }))
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect(decoded.info, `${startRows} rows deflated first`).toMatchObject({
        width,
        height,
        channels: 3,
      });
      expect(decoded.data.equals(pixels), `${startRows} rows deflated first`).toBe(true);
    }
  });
});
