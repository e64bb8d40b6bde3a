/* eslint-disable no-console */
// End-to-end check in a real browser (Debian's chromium, driven by playwright-core)
// against a running portal started on an empty database: the demo organisation's
// year loads by itself; an engineer classifies the one new component through the
// intake form, follows the next steps, records a material change and finds it all
// in the history; a security lead reads the org page. With --screenshots DIR it
// also saves the pictures used in the README. With E2E_READ_ONLY=true (a freshly
// installed portal, see verify-install) it only reads.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { managedBackend } from './backendProcess.mjs';

const baseUrl = process.env.PORTAL_URL ?? 'http://localhost:3000';
const backendUrl = process.env.BACKEND_URL ?? 'http://localhost:7007';
// The demo leaves search-indexer unclassified for a newcomer; payments-api
// is the Payments team's mature service.
const entity = process.env.E2E_ENTITY ?? 'search-indexer';
const mature = 'payments-api';
const screenshotsArg = process.argv.indexOf('--screenshots');
const screenshotDir =
  screenshotsArg > 0 ? process.argv[screenshotsArg + 1] : undefined;

// With E2E_BACKEND_DATA (scripts/portal.sh e2e) the test runs the backend
// itself, so it can restart it as a second person; otherwise (verify-install)
// the portal is already running and only one person is tested.
const backend = process.env.E2E_BACKEND_DATA
  ? managedBackend({
      backendUrl,
      dataDir: process.env.E2E_BACKEND_DATA,
      logFile:
        process.env.E2E_BACKEND_LOG ??
        join(process.env.E2E_BACKEND_DATA, 'backend.log'),
    })
  : undefined;
// The demo's guest is alex.rivera (Payments, security lead); the second
// person is priya.nair, the other security lead.
const guestRef = 'user:default/alex.rivera';
const secondLeadRef = 'user:default/priya.nair';
await backend?.start(guestRef);

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

/** A new browser session signed in as the guest the backend now resolves. */
async function signInAs(browserInstance) {
  const context = await browserInstance.newContext({
    viewport: { width: 1440, height: 1100 },
  });
  const p = await context.newPage();
  await p.goto(baseUrl);
  await p.getByRole('button', { name: 'Enter' }).click();
  await p
    .locator('nav[aria-label="sidebar nav"]')
    .waitFor({ state: 'attached', timeout: 60_000 });
  return p;
}

/** A whole-page picture for the README, when pictures are asked for. */
async function saveWhole(p, name) {
  if (!screenshotDir) return;
  mkdirSync(screenshotDir, { recursive: true });
  await screenshotWhole(p, join(screenshotDir, name));
}

async function openOrgPageFromSidebar(page) {
  await page.goto(baseUrl);
  await page
    .locator('nav[aria-label="sidebar nav"]')
    .getByText('Security maturity', { exact: true })
    .click();
  await page.waitForURL(/\/security-maturity/);
}

function saveShot(locator, name) {
  if (!screenshotDir) return undefined;
  mkdirSync(screenshotDir, { recursive: true });
  return locator.screenshot({ path: join(screenshotDir, name) });
}

/** The plugin's API as the guest (a security lead in the demo portal). */
async function guestApi(path) {
  const auth = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const { token } = (await auth.json()).backstageIdentity;
  const res = await fetch(`${backendUrl}/api/security-maturity${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return res.json();
}

const overallScore = async page =>
  Number(
    await page
      .getByText('SAMM score', { exact: true })
      .locator('..')
      .locator('.MuiTypography-h5')
      .textContent(),
  );

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
  const readOnly = process.env.E2E_READ_ONLY === 'true';

  await step('signs in as guest', async () => {
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page
      .locator('nav[aria-label="sidebar nav"]')
      .waitFor({ state: 'attached', timeout: 60_000 });
  });

  if (!readOnly) {
    await step(
      "loads the demo organisation's year on first start, with four quarters of trend",
      async () => {
        // The demo writes its year day by day; it is complete once today's
        // point is there too.
        const deadline = Date.now() + 180_000;
        let points = [];
        for (;;) {
          // Until the catalog has read the org, the guest is nobody's
          // member and the org views answer 403: wait for that too.
          ({ points } = await guestApi('/org/trend?days=400').catch(() => ({
            points: [],
          })));
          if (points.length >= 366) break;
          if (Date.now() > deadline) {
            throw new Error(`${points.length} days of trend after 180 s`);
          }
          await new Promise(r => setTimeout(r, 3000));
        }
        const quarterly = [0, 91, 182, 273, points.length - 2].map(
          i => points[i].overall,
        );
        for (let q = 1; q < quarterly.length; q++) {
          assert.ok(
            quarterly[q] > quarterly[q - 1],
            `the trend moves up each quarter: ${quarterly.join(', ')}`,
          );
        }
      },
    );
  }

  if (!readOnly) {
    // A campaign for the Payments team: Threat Assessment at 2.5 or more on
    // every component by the end of the quarter. The demo's records give
    // each of them 2; two answered the level-3 question during the demo's
    // own campaign, two did not.
    const campaignTitle = `Threat Assessment \u2265 2.5 by the end of the quarter (e2e ${Date.now()})`;
    // A session signed in now, once the catalog has the guest's groups.
    const lead = await signInAs(browser);
    const campaignDetail = lead.getByTestId('campaign-detail');
    const campaignCount = async () => {
      const text = await campaignDetail
        .getByTestId('campaign-progress')
        .textContent();
      const [, meeting, total] = /(\d+) of (\d+) components/.exec(text);
      return { meeting: Number(meeting), total: Number(total) };
    };
    let before;
    let missingComponent;

    await step(
      'creates a campaign for the Payments team from the filters, with its burn-up and missing components',
      async () => {
        await lead.goto(
          `${baseUrl}/security-maturity?owner=group%3Adefault%2Fpayments-team`,
        );
        await lead
          .getByRole('button', { name: 'New campaign' })
          .click({ timeout: 60_000 });
        const dialog = lead.getByRole('dialog', { name: 'New campaign' });
        await dialog
          .getByTestId('campaign-scope')
          .getByText("The page's filters: owner Payments")
          .waitFor();
        await dialog.getByLabel(/Title/).fill(campaignTitle);
        // The goal builder starts at Threat Assessment, the target date at
        // the end of the quarter.
        await dialog.getByText('Threat Assessment (D-TA)').waitFor();
        await dialog.getByRole('button', { name: /At least/ }).click();
        await lead.getByRole('option', { name: '2.5', exact: true }).click();
        await dialog.getByRole('button', { name: 'Create campaign' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await campaignDetail.getByText(campaignTitle).waitFor();
        before = await campaignCount();
        assert.equal(before.total, 4);
        assert.ok(before.meeting < 4, `${before.meeting} of 4 already meet it`);
        await campaignDetail.getByLabel('Campaign burn-up').waitFor();
        const missing = campaignDetail.getByRole('table', {
          name: 'Components still missing the goal',
        });
        await missing.getByRole('link').first().waitFor();
        assert.equal(
          await missing.getByRole('row').count(),
          4 - before.meeting + 1,
        );
        missingComponent = await missing
          .getByRole('link')
          .first()
          .textContent();
        await saveShot(campaignDetail, 'campaign.png');
      },
    );

    await step(
      'opens a component still missing the goal, whose Security tab shows the campaign chip',
      async () => {
        await campaignDetail
          .getByRole('link', { name: missingComponent })
          .click();
        await lead.waitForURL(
          new RegExp(`/component/${missingComponent}/security$`),
        );
        const chip = lead
          .getByTestId('campaign-chip')
          .filter({ hasText: campaignTitle });
        await chip.waitFor({ timeout: 30_000 });
        assert.match(
          await chip.textContent(),
          /Threat Assessment \u2265 2\.5 by \d{4}-\d{2}-\d{2}$/,
        );
        await saveShot(
          lead.locator('#security-campaigns'),
          'campaign-chip.png',
        );
      },
    );

    await step(
      'raises its Threat Assessment answer: the chip says met, and the campaign count moves',
      async () => {
        const url = lead.url();
        // The one Threat Assessment question its records do not answer.
        for (const id of ['D-TA-3-A']) {
          await lead.goto(`${url}#samm-${id}`);
          await lead
            .getByRole('button', { name: `Your answer for ${id}` })
            .click();
          await lead
            .getByRole('option', { name: 'Yes, for most or all (1)' })
            .click();
          await lead
            .locator(`#samm-${id}`)
            .getByRole('button', { name: 'Save answer' })
            .click();
          // Saved once the tab reloads with the attested answer.
          await lead
            .locator(`#samm-${id}`)
            .getByText('attested · 1', { exact: true })
            .waitFor({ timeout: 15_000 });
        }
        await lead
          .getByTestId('campaign-chip')
          .filter({ hasText: campaignTitle })
          .filter({ hasText: 'met' })
          .waitFor({ timeout: 30_000 });
        await lead.goto(
          `${baseUrl}/security-maturity?owner=group%3Adefault%2Fpayments-team`,
        );
        await lead
          .getByRole('table', { name: 'Campaigns' })
          .getByText(campaignTitle)
          .click();
        await campaignDetail.getByText(campaignTitle).waitFor();
        const after = await campaignCount();
        assert.deepEqual(after, { meeting: before.meeting + 1, total: 4 });
      },
    );
    await lead.close();
  }

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

  if (!readOnly) {
    const nextSteps = page.getByRole('list', { name: 'Next steps' });
    const nextStepsCard = page.locator('#security-next-steps');

    await step(
      'puts classifying the component first in the next steps',
      async () => {
        await nextSteps
          .getByRole('listitem')
          .first()
          .getByText('Classify this component')
          .waitFor();
        await saveShot(nextStepsCard, 'walkthrough-1-next-steps.png');
      },
    );

    await step(
      'classifies it through the intake form, with the tier previewed before saving',
      async () => {
        await nextSteps
          .getByRole('link', { name: 'Classify this component' })
          .click();
        await page.waitForURL(/#security-intake$/);
        await page
          .getByRole('button', { name: 'Classify', exact: true })
          .click();
        const dialog = page.getByRole('dialog');
        await dialog
          .getByRole('button', { name: /Data classification/ })
          .click();
        await page.getByRole('option', { name: 'confidential' }).click();
        await dialog.getByLabel('Reachable from the internet').check();
        const preview = dialog.getByRole('region', { name: 'Resulting tier' });
        await preview.getByText(/Tier 1 — critical: target score 2/).waitFor();
        await preview.getByText(/Required stages: .*Validation/).waitFor();
        await saveShot(dialog, 'walkthrough-2-intake.png');
        await dialog.getByRole('button', { name: 'Save' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page
          .getByText(/^Tier 1/)
          .first()
          .waitFor();
        await page
          .getByText('Every stage applies until intake sets the tier')
          .waitFor({ state: 'detached' });
      },
    );

    await step(
      'follows the first self-assessment step, and the score rises by what it promised',
      async () => {
        const item = nextSteps
          .getByRole('listitem')
          .filter({ has: page.locator('a[href^="#samm-"]') })
          .first();
        const link = item.locator('a[href^="#samm-"]');
        const activityId = (await link.getAttribute('href')).slice(
          '#samm-'.length,
        );
        const promised = Number(
          /\+(\d\.\d\d) overall/.exec(await item.textContent())[1],
        );
        await saveShot(nextStepsCard, 'walkthrough-3-score-steps.png');
        const before = await overallScore(page);
        await link.click();
        await page
          .getByRole('button', { name: `Your answer for ${activityId}` })
          .click();
        await page
          .getByRole('option', { name: 'Yes, for most or all (1)' })
          .click();
        await page
          .locator(`#samm-${activityId}`)
          .getByRole('button', { name: 'Save answer' })
          .click();
        const deadline = Date.now() + 15_000;
        let after = before;
        while (after === before && Date.now() < deadline) {
          await page.waitForTimeout(500);
          after = await overallScore(page);
        }
        assert.ok(
          Math.abs(after - before - promised) <= 0.011,
          `promised +${promised}, the score went from ${before} to ${after}`,
        );
      },
    );

    const criterion = page.getByRole('checkbox', {
      name: 'Risks documented with mitigation strategies',
    });

    await step('ticks an exit criterion of threat modeling', async () => {
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

    await step('finds all of it after a reload', async () => {
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
      assert.deepEqual(pageErrors, []);
    });

    await step(
      'records a material change, which re-opens threat modeling',
      async () => {
        await page
          .getByRole('button', { name: 'Record a material change' })
          .click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('button', { name: /Kind of change/ }).click();
        await page.getByRole('option', { name: 'New integration' }).click();
        await dialog
          .getByLabel('What changed')
          .fill('Indexes the partner catalogue feed');
        await dialog.getByRole('button', { name: 'Record' }).click();
        await dialog.waitFor({ state: 'hidden' });
        const reopened = page.getByText(
          'Re-opened: Material change (new-integration): Indexes the partner catalogue feed',
        );
        await reopened.waitFor();
        await saveShot(
          page.locator('#security-stages'),
          'walkthrough-4-material-change.png',
        );
      },
    );

    await step('finds each change in the history', async () => {
      const history = page.getByRole('table', { name: 'Change history' });
      await history.scrollIntoViewIfNeeded();
      for (const recordType of [
        'intake',
        'assessment',
        'rasi',
        'exception',
        'material-change',
      ]) {
        await history
          .getByRole('cell', { name: recordType, exact: false })
          .first()
          .waitFor();
      }
      await history
        .getByText(/Indexes the partner catalogue feed/)
        .first()
        .waitFor();
      await saveShot(
        page.locator('#security-history'),
        'walkthrough-5-history.png',
      );
    });
  }

  const cardEntity = readOnly ? entity : mature;
  await step('shows the summary card on the overview page', async () => {
    await page.goto(`${baseUrl}/catalog/default/component/${cardEntity}`);
    await page.getByText(/^Stage gates cleared: \d+ of \d+$/).waitFor();
    const card = page
      .locator('.MuiCard-root', { hasText: 'Security maturity' })
      .first();
    await saveShot(card, 'security-card.png');
    await page.getByText('Open the Security tab').click();
    await page.waitForURL(new RegExp(`/component/${cardEntity}/security$`));
  });

  if (!readOnly) {
    await step(`shows the evidence from tools on ${mature}`, async () => {
      const section = page.locator('#security-evidence');
      await section
        .getByText('Evidence from tools')
        .waitFor({ timeout: 30_000 });
      await section.getByText('CodeQL (SARIF)').waitFor();
      await section.getByText(/^SLSA build level 3 \(signed\)/).waitFor();
      await saveShot(section, 'evidence-from-tools.png');
    });

    await step(`shows the roadmap of ${mature} against its plan`, async () => {
      const section = page.locator('#security-roadmap');
      await section
        .getByText('Phase 1: Threat model every change')
        .waitFor({ timeout: 30_000 });
      await section.getByText('Phase 3: Test what we require').waitFor();
      await section
        .locator('figure[aria-label^="Projected score per phase"]')
        .waitFor();
      await section.getByText('upcoming').first().waitFor();
      await saveShot(section, 'roadmap.png');
    });
  }

  if (readOnly) {
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
      'opens the Security maturity page from the sidebar, populated by the demo',
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
          if (count >= 15) break;
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
          .getByRole('link', { name: mature })
          .click();
        await page.waitForURL(new RegExp(`/component/${mature}/security$`));
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
          'Campaigns',
        ],
      );
      // The pack is the filtered team's: its four components.
      assert.equal(workbook.getWorksheet('Components').rowCount, 5);
    });

    // The staffing workbook's round trip: the lead exports the Payments
    // team's workbook, changes one Accountable and one capacity in the file,
    // imports it, reads the preview and applies it.
    await step(
      "round-trips the Payments team's staffing workbook: export, edit, preview, apply",
      async () => {
        const panel = page.getByTestId('staffing-panel');
        await panel.scrollIntoViewIfNeeded();
        const partnerRow = panel.getByTestId('capacity-priya.nair');
        await partnerRow.waitFor({ timeout: 30_000 });
        const capacityBefore = await partnerRow
          .locator('td')
          .nth(4)
          .textContent();
        const downloading = page.waitForEvent('download');
        await panel
          .getByRole('button', { name: 'Export staffing workbook' })
          .click();
        const download = await downloading;
        assert.match(download.suggestedFilename(), /^staffing-.*\.xlsx$/);
        const file = join(tmpdir(), `e2e-${download.suggestedFilename()}`);
        await download.saveAs(file);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file);
        assert.deepEqual(
          workbook.worksheets.map(w => w.name),
          ['About', 'RASI', 'Staffing', 'Coverage'],
        );
        // One Accountable: Security design review of payments-api.
        let edited = 0;
        workbook.getWorksheet('RASI').eachRow(row => {
          if (
            row.getCell(1).value === `component:default/${mature}` &&
            row.getCell(2).value === 'design-review'
          ) {
            row.getCell(5).value = 'user:default/sam.okafor';
            edited += 1;
          }
        });
        assert.equal(edited, 1);
        // One capacity: Priya's, in the quarter exported.
        workbook.getWorksheet('Staffing').eachRow(row => {
          if (row.getCell(1).value === secondLeadRef) {
            row.getCell(4).value = 25;
            edited += 1;
          }
        });
        assert.equal(edited, 2);
        const filled = join(tmpdir(), 'e2e-staffing-filled.xlsx');
        await workbook.xlsx.writeFile(filled);

        await panel
          .getByLabel('Staffing workbook to import')
          .setInputFiles(filled);
        const preview = panel.getByTestId('staffing-preview');
        await preview.waitFor({ timeout: 30_000 });
        await preview
          .getByText(
            /Security design review \(changed\): accountable \+sam\.okafor/,
          )
          .waitFor();
        await preview
          .getByText(/priya\.nair in \d{4}-Q[1-4]: .* → 25/)
          .waitFor();
        await preview.getByText(/1 of \d+ components change/).waitFor();
        await saveShot(panel, 'staffing-preview.png');
        await panel.getByRole('button', { name: 'Apply changes' }).click();
        await panel
          .getByTestId('staffing-applied')
          .getByText(/1 components written, 1 capacities set/)
          .waitFor({ timeout: 30_000 });
        // The capacity view moved.
        const capacityCell = partnerRow.locator('td').nth(4);
        for (let i = 0; ; i++) {
          if ((await capacityCell.textContent()).trim().startsWith('25')) break;
          if (i > 60) throw new Error('The capacity view did not move to 25');
          await page.waitForTimeout(500);
        }
        assert.ok(!capacityBefore.startsWith('25'), capacityBefore);
        await saveShot(panel, 'staffing-capacity.png');
      },
    );

    await step(
      "finds the new Accountable in the component's RASI card",
      async () => {
        await page.goto(
          `${baseUrl}/catalog/default/component/${mature}/security`,
        );
        const record = await guestApi(`/entities/component/default/${mature}`);
        assert.equal(
          record.rasi.find(r => r.activityId === 'design-review').accountable,
          'user:default/sam.okafor',
        );
        const row = page
          .getByRole('table', { name: 'RASI matrix' })
          .getByRole('row')
          .filter({ hasText: 'Security design review' });
        await row.first().waitFor({ state: 'attached', timeout: 30_000 });
        for (let i = 0; ; i++) {
          const text = (await row.first().textContent()) ?? '';
          if (/sam\.okafor|Sam Okafor/i.test(text)) break;
          if (i > 60) {
            throw new Error(`The RASI card's row reads: ${text}`);
          }
          await page.waitForTimeout(500);
        }
        await page.goBack();
        await page.waitForURL(/owner=group%3Adefault%2Fpayments-team/);
      },
    );
  }

  if (!readOnly && backend) {
    // Two people, one request: the guest asks, the other security lead is
    // told and approves, the guest is told of the approval.
    const justification = `The log shipper still needs root (e2e ${Date.now()})`;
    const requestRow = p => p.locator('li', { hasText: justification });
    let requestAnchor;
    const taskLink = p =>
      p
        .getByRole('list', { name: 'Exception approvals' })
        .locator(`a[href$="#${requestAnchor}"]`);

    await step(`requests an exception on ${mature} as the guest`, async () => {
      await page.goto(
        `${baseUrl}/catalog/default/component/${mature}/security#security-exceptions`,
      );
      await page.getByRole('button', { name: 'Request exception' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/Justification/).fill(justification);
      await dialog
        .getByLabel(/Compensating controls/)
        .fill('Read-only root filesystem and a dedicated node pool');
      await dialog
        .getByRole('button', { name: 'Request', exact: true })
        .click();
      await requestRow(page).getByText('requested', { exact: true }).waitFor();
      // The row's anchor, as tasks and notifications link to it.
      requestAnchor = await requestRow(page).getAttribute('id');
      assert.match(requestAnchor, /^security-exception-/);
      // The guest may not approve their own request.
      assert.equal(
        await requestRow(page).getByRole('button', { name: 'Approve' }).count(),
        0,
      );
    });

    let lead;
    let guestAgain;
    await step(
      'restarts as the second security lead, who finds the request in notifications',
      async () => {
        await backend.stop();
        await backend.start(secondLeadRef);
        lead = await signInAs(browser);
        await lead.goto(`${baseUrl}/notifications`);
        await lead
          .getByRole('link', { name: `Exception requested on ${mature}` })
          .first()
          .waitFor({ timeout: 60_000 });
        await saveWhole(lead, 'notifications-lead.png');
      },
    );

    await step(
      'finds the approval among My security tasks, follows it to the request and approves it',
      async () => {
        await lead
          .locator('nav[aria-label="sidebar nav"]')
          .getByText('My security tasks', { exact: true })
          .click();
        await lead.waitForURL(/\/security-tasks/);
        await taskLink(lead).waitFor({ timeout: 30_000 });
        await saveWhole(lead, 'security-tasks.png');
        await taskLink(lead).click();
        await lead.waitForURL(new RegExp(`/component/${mature}/security#`));
        const row = lead.locator(`#${requestAnchor}`);
        await row.getByRole('button', { name: 'Approve' }).click();
        await row.getByText('approved', { exact: true }).waitFor();
      },
    );

    await step('no longer lists the approved request as a task', async () => {
      await lead.goto(`${baseUrl}/security-tasks`);
      await lead
        .getByRole('list', { name: 'Exception approvals' })
        .waitFor({ timeout: 30_000 });
      assert.equal(await taskLink(lead).count(), 0);
      if (screenshotDir) {
        await lead.goto(`${baseUrl}/home`);
        await lead.getByText('My security tasks').first().waitFor();
        await lead.waitForTimeout(1500);
        await lead.screenshot({
          path: join(screenshotDir, 'home-security-tasks.png'),
        });
      }
    });

    await step(
      'restarts as the guest, who finds the approval in notifications',
      async () => {
        await backend.stop();
        await backend.start(guestRef);
        const guest = await signInAs(browser);
        await guest.goto(`${baseUrl}/notifications`);
        await guest
          .getByRole('link', { name: `Exception approved on ${mature}` })
          .first()
          .waitFor({ timeout: 60_000 })
          .catch(async error => {
            // What the page showed instead, for the log.
            console.log(await guest.locator('body').innerText());
            throw error;
          });
        // The demo's Payments exception that expires in six days: its
        // 7-day reminder went out once the year was loaded.
        await guest
          .getByText(/^Exception on [a-z-]+ expires in \d+ days?:/)
          .first()
          .waitFor();
        await saveWhole(guest, 'notifications-owner.png');
        guestAgain = guest;
      },
    );

    await step(
      "opens the Payments group's Security tab and sees the rollup",
      async () => {
        await guestAgain.goto(
          `${baseUrl}/catalog/default/group/payments-team/security`,
        );
        await guestAgain
          .getByLabel('Practice scores by group')
          .waitFor({ timeout: 30_000 });
        assert.equal(
          await guestAgain
            .getByLabel('Components', { exact: true })
            .first()
            .textContent(),
          '4',
        );
        await saveWhole(guestAgain, 'team-security-tab.png');
      },
    );
  }

  if (screenshotDir) {
    await page.goto(
      `${baseUrl}/catalog/default/component/${cardEntity}/security`,
    );
    await page.getByText('Intake and risk tier').waitFor();
    await page.getByText('Next steps', { exact: true }).first().waitFor();
    mkdirSync(screenshotDir, { recursive: true });
    // The top of the tab, as someone opening it sees it.
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(screenshotDir, 'security-tab.png') });
    console.log(`  saved ${join(screenshotDir, 'security-tab.png')}`);
  }
} catch {
  // reported by step()
} finally {
  await browser.close();
  await backend?.stop();
  console.log(`e2e: ${passed} passed, ${failed} failed`);
}
