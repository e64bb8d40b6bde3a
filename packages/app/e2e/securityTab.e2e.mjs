/* eslint-disable no-console */
// End-to-end check in a real browser (Debian's chromium, driven by playwright-core)
// against a running portal: sign in as guest, open a demo component's Security tab,
// and find the record that the backend served. With --screenshots DIR it also saves
// the pictures used in the README.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const baseUrl = process.env.PORTAL_URL ?? 'http://localhost:3000';
const backendUrl = process.env.BACKEND_URL ?? 'http://localhost:7007';
const entity = process.env.E2E_ENTITY ?? 'payments-api';
const screenshotsArg = process.argv.indexOf('--screenshots');
const screenshotDir =
  screenshotsArg > 0 ? process.argv[screenshotsArg + 1] : undefined;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
let passed = 0;
let failed = 0;

// Backstage pages scroll inside their own container, so a "full page"
// screenshot needs a viewport as tall as that content.
async function screenshotWhole(page, path) {
  const height = await page.evaluate(() =>
    Math.max(
      ...[...document.querySelectorAll('main, main *')]
        .filter(el => el.scrollHeight > el.clientHeight)
        .map(el => el.scrollHeight),
      document.body.scrollHeight,
    ),
  );
  const before = page.viewportSize();
  await page.setViewportSize({
    width: before.width,
    height: Math.min(height + 120, 6000),
  });
  await page.waitForTimeout(500);
  await page.screenshot({ path });
  await page.setViewportSize(before);
  console.log(`  saved ${path}`);
}

async function openOrgPageFromSidebar(page) {
  await page.goto(baseUrl);
  await page
    .locator('nav[aria-label="sidebar nav"]')
    .getByText('Security maturity', { exact: true })
    .click();
  await page.waitForURL(/\/security-maturity/);
}

async function step(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`  ✓ ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`  ✗ ${name}\n${error.stack ?? error}`);
    process.exitCode = 1;
    throw error;
  }
}

try {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 1100 },
  });
  const pageErrors = [];
  page.on('pageerror', error => pageErrors.push(error.message));

  await step('signs in as guest', async () => {
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page
      .locator('nav[aria-label="sidebar nav"]')
      .waitFor({ state: 'attached', timeout: 60_000 });
  });

  await step(`opens the Security tab of ${entity}`, async () => {
    await page.goto(`${baseUrl}/catalog/default/component/${entity}`);
    await page.getByText('Security', { exact: true }).first().click();
    await page.waitForURL(/\/security$/);
  });

  await step(
    'shows the record the backend served, with the SAMM scorer',
    async () => {
      await page.getByText('Intake and risk tier').waitFor({ timeout: 30_000 });
      await page.getByText('Not classified', { exact: true }).waitFor();
      await page
        .getByText('Every stage applies until intake sets the tier')
        .waitFor();
      // The scorer list comes from the backend's extension point, so this proves
      // the SAMM module reached the plugin in the running portal.
      await page.getByText('OWASP SAMM v2', { exact: true }).waitFor();
      assert.deepEqual(pageErrors, []);
    },
  );

  if (process.env.E2E_READ_ONLY !== 'true') {
    const criterion = page.getByRole('checkbox', {
      name: 'Risks documented with mitigation strategies',
    });
    const samm = page.getByText('SAMM score', { exact: true }).locator('..');

    await step('ticks an exit criterion of threat modeling', async () => {
      await samm.getByText('0.00', { exact: true }).waitFor();
      // The checkbox shows the saved state: it turns checked once the
      // backend accepted the change and the tab reloaded.
      await criterion.click();
      await page
        .getByRole('checkbox', {
          name: 'Risks documented with mitigation strategies',
          checked: true,
        })
        .waitFor();
    });

    await step('makes the guest Accountable for threat modeling', async () => {
      await page
        .getByRole('button', { name: 'Edit RASI for Threat modeling' })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Accountable').fill('user:default/alex.rivera');
      await dialog
        .getByLabel('Supportive')
        .fill('group:default/security-leads');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page
        .getByLabel('No Accountable for Threat modeling')
        .waitFor({ state: 'detached' });
    });

    await step('requests an exception through the form', async () => {
      await page.getByRole('button', { name: 'Request exception' }).click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByLabel('Justification')
        .fill('Terminal agent binds port 443');
      await dialog
        .getByLabel('Compensating controls')
        .fill('Dedicated node pool, seccomp');
      await dialog.getByRole('button', { name: 'Request' }).click();
      await dialog.waitFor({ state: 'hidden' });
    });

    await step(
      'finds both after a reload, and the SAMM score moved',
      async () => {
        await page.reload();
        await criterion.waitFor();
        assert.equal(await criterion.isChecked(), true);
        await page.getByText('requested', { exact: true }).waitFor();
        assert.equal(
          await page.getByLabel('No Accountable for Threat modeling').count(),
          0,
        );
        await page
          .getByText('Terminal agent binds port 443', { exact: false })
          .waitFor();
        // Evidence now answers some activities: threat modeling in progress
        // with risks documented, and a pending baseline deviation.
        const score = Number(
          await samm.locator('.MuiTypography-h5').textContent(),
        );
        assert.ok(
          score > 0,
          `SAMM score should have risen from 0.00, is ${score}`,
        );
        assert.deepEqual(pageErrors, []);
      },
    );
  }

  await step('shows the summary card on the overview page', async () => {
    await page.goto(`${baseUrl}/catalog/default/component/${entity}`);
    await page.getByText(/^Stage gates cleared: \d+ of \d+$/).waitFor();
    if (screenshotDir) {
      mkdirSync(screenshotDir, { recursive: true });
      const card = page
        .locator('.MuiCard-root', { hasText: 'Security maturity' })
        .first();
      await card.screenshot({ path: join(screenshotDir, 'security-card.png') });
    }
    await page.getByText('Open the Security tab').click();
    await page.waitForURL(new RegExp(`/component/${entity}/security$`));
  });

  if (process.env.E2E_READ_ONLY === 'true') {
    // A freshly installed portal: its guest is no security lead, so the page
    // is reached from the sidebar and says whom it is for.
    await step(
      'opens the Security maturity page from the sidebar (not a lead)',
      async () => {
        await openOrgPageFromSidebar(page);
        await page
          .getByText(/This page is for security leads/)
          .waitFor({ timeout: 30_000 });
      },
    );
  } else {
    await step(
      'records demo progress for the other components through the API',
      async () => {
        // The README's own demo seed, run as a user would run it.
        const script = fileURLToPath(
          new URL('../../../scripts/seed-demo.mjs', import.meta.url),
        );
        const out = execFileSync(process.execPath, [script], {
          encoding: 'utf8',
          env: { ...process.env, BACKEND_URL: backendUrl },
        });
        const seeded = Number(/seeded (\d+)/.exec(out)?.[1]);
        assert.ok(seeded >= 13, `seeded ${seeded} components`);
      },
    );

    await step(
      'opens the Security maturity page from the sidebar, with the catalog scored',
      async () => {
        await openOrgPageFromSidebar(page);
        // The demo portal scores its catalog 15 seconds after start.
        const deadline = Date.now() + 90_000;
        for (;;) {
          const count = Number(
            await page
              .getByLabel('Components', { exact: true })
              .textContent({ timeout: 30_000 })
              .catch(() => '0'),
          );
          if (count >= 14) break;
          if (Date.now() > deadline) {
            throw new Error(`Only ${count} components scored after 90 s`);
          }
          await page.waitForTimeout(3000);
          await page.reload();
        }
        await page.getByLabel('Practice scores by group').waitFor();
        assert.deepEqual(pageErrors, []);
        if (screenshotDir) {
          mkdirSync(screenshotDir, { recursive: true });
          await screenshotWhole(
            page,
            join(screenshotDir, 'security-maturity-page.png'),
          );
        }
      },
    );

    await step('filters by a team through the owner group filter', async () => {
      await page.getByLabel('Owner group').click();
      await page
        .getByRole('option', { name: 'Payments', exact: false })
        .click();
      await page.waitForURL(/owner=group%3Adefault%2Fpayments-team/);
      const table = page.getByRole('table', { name: 'Component list' });
      await table.getByRole('link', { name: 'card-vault' }).waitFor();
      await table
        .getByRole('link', { name: 'auth-gateway' })
        .waitFor({ state: 'detached' });
      assert.equal(
        await page.getByLabel('Components', { exact: true }).textContent(),
        '4',
      );
    });

    await step(
      "drills down from the list to a component's Security tab",
      async () => {
        await page
          .getByRole('table', { name: 'Component list' })
          .getByRole('link', { name: entity })
          .click();
        await page.waitForURL(new RegExp(`/component/${entity}/security$`));
        await page.getByText('Intake and risk tier').waitFor();
        await page.goBack();
        await page.waitForURL(/owner=group%3Adefault%2Fpayments-team/);
      },
    );

    await step('exports the quarterly metrics pack as XLSX', async () => {
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export metrics pack' }).click();
      const download = await downloading;
      assert.match(
        download.suggestedFilename(),
        /^security-maturity-\d{4}-Q[1-4]\.xlsx$/,
      );
      const file = join(tmpdir(), download.suggestedFilename());
      await download.saveAs(file);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      assert.deepEqual(
        workbook.worksheets.map(w => w.name),
        [
          'Summary',
          'Scores by group',
          'Practices by group',
          'Trend',
          'Gate throughput',
          'Exceptions',
          'Worksheets',
          'RASI coverage',
          'Security partners',
          'Components',
        ],
      );
      // The pack is the filtered team's: its four components.
      assert.equal(workbook.getWorksheet('Components').rowCount, 5);
    });
  }

  if (screenshotDir) {
    await page.goto(`${baseUrl}/catalog/default/component/${entity}/security`);
    await page.getByText('Intake and risk tier').waitFor();
    mkdirSync(screenshotDir, { recursive: true });
    await screenshotWhole(page, join(screenshotDir, 'security-tab.png'));
  }
} catch {
  // reported by step()
} finally {
  await browser.close();
  console.log(`e2e: ${passed} passed, ${failed} failed`);
}
