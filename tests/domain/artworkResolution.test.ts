// Print resolution: how many pixels per inch an artwork has at the size it is placed, and whether
// that prints sharp (300 DPI), soft (150–300, a warning) or not at all (under 150).
import { describe, expect, it } from 'vitest';
import { artworkResolution, effectiveDpi, resolutionVerdict } from '../../src/domain/artwork/index.ts';

describe('effective DPI', () => {
  it.each([
    [3000, 254, 300],
    [2362, 200, 300],
    [1200, 101.6, 300],
    [600, 25.4, 600],
    [96, 25.4, 96],
  ])('%i px placed %f mm wide is %f DPI', (widthPx, mm, dpi) => {
    expect(effectiveDpi(widthPx, mm)).toBeCloseTo(dpi, 0);
  });

  it('throws for sizes that are not positive (a caller bug), naming them', () => {
    expect(() => effectiveDpi(100, 0)).toThrow('effectiveDpi: widthPx (100) and placedWidthMm (0) must both be positive numbers.');
    expect(() => effectiveDpi(Number.NaN, 10)).toThrow(/widthPx \(NaN\)/);
  });
});

describe('the resolution verdict', () => {
  it.each([
    [600, 'ok'], [300, 'ok'], [299.99, 'warning'], [210, 'warning'], [150, 'warning'], [149.9, 'refused'], [96, 'refused'], [1, 'refused'],
  ] as const)('%f DPI is %s', (dpi, level) => {
    expect(resolutionVerdict(dpi).level).toBe(level);
  });

  it('warns between 150 and 300 DPI, saying what to do', () => {
    expect(resolutionVerdict(210)).toEqual({ level: 'warning', dpi: 210, message: 'At this size the artwork prints at 210 DPI; under 300 it may look soft. Upload a larger image or place it smaller.' });
  });

  it('refuses under 150 DPI, naming the minimum', () => {
    expect(resolutionVerdict(96)).toEqual({ level: 'refused', dpi: 96, message: 'At this size the artwork prints at only 96 DPI; the minimum is 150: upload a larger image or place it smaller.' });
  });

  it('rounds down, so a verdict never shows the threshold it missed', () => {
    expect(resolutionVerdict(299.6).message).toContain('prints at 299 DPI');
  });

  it('with the placed width, says how many pixels would do', () => {
    expect(resolutionVerdict(effectiveDpi(1000, 200), 200).message).toBe('At this size the artwork prints at only 127 DPI; the minimum is 150: upload a larger image (1182 px wide or more at this size) or place it smaller.');
    expect(artworkResolution({ vector: false, widthPx: 1800 }, 254)).toEqual({
      level: 'warning',
      dpi: 180,
      message: 'At this size the artwork prints at 180 DPI; under 300 it may look soft. Upload a larger image (3000 px wide or more at this size) or place it smaller.',
    });
  });

  it('passes vector artwork at any size', () => {
    expect(artworkResolution({ vector: true, widthPx: 16 }, 400)).toEqual({ level: 'ok', dpi: null });
    // 400 mm at 300 DPI needs 4724.4 px: one pixel short is soft, one more is sharp.
    expect(artworkResolution({ vector: false, widthPx: 4724 }, 400)).toMatchObject({ level: 'warning', dpi: 299 });
    expect(artworkResolution({ vector: false, widthPx: 4725 }, 400)).toEqual({ level: 'ok', dpi: 300 });
  });
});
