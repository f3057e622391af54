import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeRgbaPng } from '../src/lib/og/png.ts';

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
});
