import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bundledChromium, findChromium } from './chromium.js';

describe('Chromium for the browser tests', () => {
  it('takes CHROMIUM_PATH when set', async () => {
    const choice = await findChromium({ CHROMIUM_PATH: '/opt/chrome/chrome' });
    expect(choice.source).toBe('CHROMIUM_PATH');
    expect(choice.launch.executablePath).toBe('/opt/chrome/chrome');
  });

  // The fallback of a machine without a system Chromium, tested on every machine.
  it('falls back to the Chromium inside @sparticuz/chromium, which starts with its own libraries and fonts', async () => {
    const browser = await chromium.launch(await bundledChromium());
    try {
      const page = await browser.newPage();
      await page.setContent('<main><h1>Gemeente Voorbeeld</h1></main>');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Gemeente Voorbeeld');
      // Text is set in the bundled Open Sans, found through our fonts.conf whatever
      // fonts the machine has: it is the only font, so even monospace falls back to it.
      const widths = await page.evaluate(() => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        const width = (font: string) => {
          ctx.font = font;
          return ctx.measureText('Gemeente Voorbeeld').width;
        };
        return { openSans: width('16px "Open Sans"'), monospace: width('16px monospace') };
      });
      expect(widths.openSans).toBeGreaterThan(0);
      expect(widths.monospace).toBe(widths.openSans);
    } finally {
      await browser.close();
    }
  });
});
