// The dashboard in real headless Chromium against the real binary and its VK simulator:
//   VKA_BINARY=build/test/vk-analytics node tests/browser/dashboard.test.mjs
// Screenshots of every page go to $VKA_SCREENSHOT_DIR (default build/test/browser-screenshots);
// VKA_README_SCREENSHOT=<path> also saves the README's picture.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { startDemoServer } from './server.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
// playwright-core is a devDependency of the dashboard (web/package.json); it never downloads a browser.
const { chromium } = createRequire(join(root, 'web/package.json'))('playwright-core')
const binary = resolve(root, process.env.VKA_BINARY ?? 'build/test/vk-analytics')
const shots = resolve(root, process.env.VKA_SCREENSHOT_DIR ?? 'build/test/browser-screenshots')
const newPassword = 'a-long-new-password-42'
const minute = 60_000
const taskPage = /\/tasks\/(?!new$)[^/?]+$/

let server
let browser
let page
const consoleErrors = []
let httpErrorsExpected = false

// The browser logs every 4xx answer as a console error; steps that provoke them on purpose say so.
async function expectingHttpErrors(step) {
  httpErrorsExpected = true
  try {
    return await step()
  } finally {
    httpErrorsExpected = false
  }
}

async function shot(name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })
}

// Every form control must have a name a screen reader can read.
async function unnamedControls() {
  return page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea, button')]
      .filter((el) => el.type !== 'hidden')
      .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent.trim())))
      .map((el) => el.outerHTML),
  )
}

async function expectAllNamed() {
  assert.deepEqual(await unnamedControls(), [])
}

const api = (path) =>
  page.evaluate(async (p) => {
    const response = await fetch(p, { headers: { Accept: 'application/json' } })
    return { status: response.status, body: await response.json() }
  }, path)

async function waitForStatus(words) {
  await page.locator('.page-head .status').filter({ hasText: new RegExp(`^(${words.join('|')})$`) }).waitFor({ timeout: 3 * minute })
}

// RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.
function parseCsv(text) {
  const rows = [[]]
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; ++i) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i]
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') rows.at(-1).push(field), (field = '')
    else if (c === '\r' && text[i + 1] === '\n') rows.at(-1).push(field), (field = ''), rows.push([]), ++i
    else field += c
  }
  if (rows.at(-1).length === 0 && field === '') rows.pop()
  return rows
}

async function signIn(username, password) {
  await page.getByLabel('Username', { exact: true }).fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

describe('dashboard', { concurrency: false }, () => {
  before(async () => {
    mkdirSync(shots, { recursive: true })
    server = await startDemoServer(binary)
    browser = await chromium.launch({
      executablePath: process.env.VKA_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    })
    const context = await browser.newContext({ baseURL: server.base, viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    page = await context.newPage()
    page.on('pageerror', (error) => consoleErrors.push(String(error)))
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      // The probe for a session before signing in is answered 401 by design.
      const httpError = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
      if (httpError && (httpErrorsExpected || message.location().url.endsWith('/api/v1/auth/session'))) return
      consoleErrors.push(`${message.text()} (${message.location().url})`)
    })
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('serves the app with its security headers, and JSON 404s under /api', async () => {
    const index = await fetch(`${server.base}/tasks/whatever`, { headers: { Accept: 'text/html' } })
    assert.equal(index.status, 200)
    assert.match(index.headers.get('content-type'), /^text\/html/)
    assert.match(index.headers.get('content-security-policy'), /script-src 'self'/)
    assert.equal(index.headers.get('x-content-type-options'), 'nosniff')
    assert.equal(index.headers.get('cache-control'), 'no-cache')
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await index.text())[1]
    const asset = await fetch(`${server.base}${script}`, { headers: { 'Accept-Encoding': 'br' } })
    assert.equal(asset.headers.get('content-encoding'), 'br')
    assert.match(asset.headers.get('cache-control'), /immutable/)
    const missing = await fetch(`${server.base}/api/v1/nothing`, { headers: { Accept: 'text/html' } })
    assert.equal(missing.status, 404)
    assert.equal((await missing.json()).error.code, 'not_found')
  })

  it('starts in Russian under the first-load budget, and switches to English, remembered', async () => {
    const responses = []
    const collect = (response) => responses.push(response)
    page.on('response', collect)
    await page.goto('/', { waitUntil: 'networkidle' })
    page.off('response', collect)
    await page.waitForURL(/\/login\?next=/)
    let transferred = 0
    for (const response of responses) {
      const sizes = await response.request().sizes()
      transferred += sizes.responseHeadersSize + sizes.responseBodySize
    }
    assert.ok(transferred < 350 * 1024, `the first load transferred ${transferred} bytes`)
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru')
    await page.getByRole('button', { name: 'Войти', exact: true }).waitFor()
    await shot('login-ru')
    await page.getByRole('button', { name: 'English', exact: true }).click()
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
    await page.reload()
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor()
    await expectAllNamed()
  })

  it('signs in and asks for the forced password change', async () => {
    await expectingHttpErrors(async () => {
      await signIn(server.credentials.username, 'not-the-password')
      await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor()
    })
    // By keyboard alone: the fields and the button are reachable and Enter submits.
    await page.getByLabel('Username', { exact: true }).fill('')
    await page.getByLabel('Username', { exact: true }).focus()
    await page.keyboard.type(server.credentials.username)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Control+A')
    await page.keyboard.type(server.credentials.password)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/password/)
    await shot('password-change')
    await page.getByLabel('Current password').fill(server.credentials.password)
    await page.getByLabel('New password').fill(newPassword)
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.waitForURL((url) => url.pathname === '/')
  })

  it('lists the demo task and watches it complete live', async () => {
    const row = page.locator('tr', { hasText: 'Demo: every simulated community' })
    await row.waitFor()
    // Some simulated communities are private or blocked: the demo ends with errors recorded.
    await row.locator('.status', { hasText: /^completed(_with_errors)?$/ }).waitFor({ timeout: 3 * minute })
    await expectAllNamed()
    await shot('tasks')
  })

  it('shows the server\'s field errors beside the fields', async () => {
    await page.getByRole('link', { name: 'New task', exact: true }).first().click()
    await page.getByLabel('Communities', { exact: true }).fill('sim_news\nhttps://example.com/nope')
    await expectingHttpErrors(async () => {
      await page.getByRole('button', { name: 'Create task', exact: true }).click()
      await page.locator('#task-groups-errors li', { hasText: 'https://example.com/nope' }).waitFor()
    })
    await expectAllNamed()
    await shot('new-task-errors')
  })

  it('creates a task from the form and follows it to completion', async () => {
    await page.getByLabel('Communities', { exact: true }).fill('sim_cats\nsim_news')
    await page.getByLabel('Newest posts per community').fill('5')
    await page.getByRole('button', { name: 'Create task', exact: true }).click()
    await page.waitForURL(taskPage)
    await waitForStatus(['completed', 'completed_with_errors'])
    assert.notEqual(await page.getByTestId('comments-collected').textContent(), '0')
    await shot('task')
  })

  it('creates a task from a dropped file', async () => {
    await page.goto('/tasks/new')
    await page.getByTestId('drop-zone').waitFor()
    await page.evaluate(() => {
      const data = new DataTransfer()
      data.items.add(new File(['# communities\nsim_books\nsim_food,food\n'], 'communities.csv', { type: 'text/csv' }))
      document.querySelector('[data-testid="drop-zone"]').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }))
    })
    await page.getByText('File: communities.csv').waitFor()
    await page.getByLabel('Newest posts per community').fill('3')
    await page.getByRole('button', { name: 'Create task', exact: true }).click()
    await page.waitForURL(taskPage)
    const id = page.url().split('/').pop()
    await waitForStatus(['completed', 'completed_with_errors'])
    const task = await api(`/api/v1/tasks/${id}`)
    assert.deepEqual(task.body.data.params.groups, ['sim_books', 'sim_food'])
  })

  it('filters negative comments and finds word forms, with the filters in the URL', async () => {
    await page.goto('/')
    await page.getByRole('link', { name: 'Demo: every simulated community' }).click()
    await page.getByRole('link', { name: 'Comments', exact: true }).click()
    await page.locator('table.comments-table tbody tr[data-sentiment]').first().waitFor()
    await page.getByLabel('Sentiment', { exact: true }).selectOption('negative')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL(/sentiment=negative/)
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('tr[data-sentiment]')]
      return rows.length > 0 && rows.every((row) => row.dataset.sentiment === 'negative')
    })
    await shot('comments-negative')

    await page.getByLabel('Search', { exact: true }).fill('сломал')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL(/q=/)
    // «сломал» finds «сломали»: every row holds a form of the word, and there are some.
    await page.waitForFunction(() => {
      const texts = [...document.querySelectorAll('tr[data-sentiment] .comment-text')].map((p) => p.textContent.toLowerCase())
      return texts.length > 0 && texts.every((text) => text.includes('слома'))
    })
    assert.ok((await page.locator('tr[data-sentiment] .comment-text', { hasText: /сломали/i }).count()) > 0)
    await page.goBack()
    await page.waitForURL((url) => !url.search.includes('q='))
    assert.equal(await page.getByLabel('Search', { exact: true }).inputValue(), '')
    await expectAllNamed()
  })

  it('exports CSV with the current filters, row for row what the API lists', async () => {
    await page.goto(page.url().replace(/\?.*$/, '?sentiment=negative'))
    const link = page.getByRole('link', { name: 'Export CSV', exact: true })
    const href = await link.getAttribute('href')
    assert.match(href, /sentiment=negative/)
    const download = page.waitForEvent('download')
    await link.click()
    assert.match((await download).suggestedFilename(), /comments\.csv$/)
    const taskId = href.split('/')[4]
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href)
    const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''))
    assert.deepEqual(header.slice(0, 3), ['owner_id', 'post_id', 'id'])
    const listed = []
    let cursor = null
    do {
      const pageOf = await api(`/api/v1/tasks/${taskId}/comments?sentiment=negative&limit=1000${cursor ? `&cursor=${cursor}` : ''}`)
      listed.push(...pageOf.body.data)
      cursor = pageOf.body.meta.next_cursor
    } while (cursor)
    assert.ok(listed.length > 0)
    assert.equal(rows.length, listed.length)
    const csvIds = rows.map((row) => row.slice(0, 3).join('_')).sort()
    const apiIds = listed.map((c) => `${c.owner_id}_${c.post_id}_${c.id}`).sort()
    assert.deepEqual(csvIds, apiIds)
  })

  it('opens analytics, reads each chart as a figure, and a keyword leads to its comments', async () => {
    await page.getByRole('link', { name: 'Analytics', exact: true }).click()
    await page.getByRole('figure', { name: 'Sentiment distribution' }).waitFor()
    await page.getByRole('img', { name: 'Comments by day' }).waitFor()
    assert.ok((await page.getByRole('figure').count()) >= 3)
    await expectAllNamed()
    await shot('analytics')
    const keyword = page.locator('.keyword-cloud .chip').first()
    const word = (await keyword.getAttribute('aria-label')).replace(/^Search for /, '')
    await keyword.click()
    await page.waitForURL(new RegExp(`/comments\\?q=${encodeURIComponent(word)}`))
    await page.locator('tr[data-sentiment]').first().waitFor()
    await shot('comments-keyword')
  })

  it('pauses, resumes and cancels a task', async () => {
    await page.goto('/tasks/new')
    await page.getByLabel('Communities', { exact: true }).fill('sim_news\nsim_city\nsim_tech\nsim_sport\nsim_music')
    await page.getByLabel('Newest posts per community').fill('100000')
    await page.getByRole('button', { name: 'Create task', exact: true }).click()
    await page.waitForURL(taskPage)
    await page.getByRole('button', { name: 'Pause', exact: true }).click()
    await waitForStatus(['paused'])
    await page.getByRole('button', { name: 'Resume', exact: true }).click()
    await waitForStatus(['queued', 'running'])
    await page.getByRole('button', { name: 'Cancel', exact: true }).click()
    await waitForStatus(['canceled'])
    assert.equal(await page.getByRole('button', { name: 'Pause', exact: true }).count(), 0)
  })

  it('returns to sign-in when the session ends, then to where the user was', async () => {
    // From a page that asks the server nothing in the background, so the next request is the tab's.
    const task = new URL(page.url()).pathname
    await page.getByRole('link', { name: 'Comments', exact: true }).click()
    await page.waitForURL(`**${task}/comments`)
    await page.context().clearCookies()
    await expectingHttpErrors(async () => {
      await page.getByRole('link', { name: 'Analytics', exact: true }).click()
      await page.waitForURL(/\/login\?next=/)
    })
    await signIn(server.credentials.username, newPassword)
    await page.waitForURL((url) => url.pathname === `${task}/analytics`)
  })

  it('manages VK tokens, API keys, users and reads the audit log', async () => {
    await page.getByRole('link', { name: 'Settings', exact: true }).click()
    await page.getByLabel('Name', { exact: true }).fill('browser token')
    await page.getByLabel('Token', { exact: true }).fill('vk1.a.FAKE-token-for-the-browser-test-xY')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    const tokenRow = page.locator('tr', { hasText: 'browser token' })
    await tokenRow.waitFor()
    assert.doesNotMatch(await tokenRow.textContent(), /FAKE-token-for-the-browser-test/)
    await expectAllNamed()
    await shot('settings-vk-tokens')

    await page.getByRole('link', { name: 'API keys', exact: true }).click()
    await page.getByLabel('Name', { exact: true }).fill('browser key')
    await page.getByRole('button', { name: 'Create', exact: true }).click()
    assert.match(await page.getByLabel('New API key').inputValue(), /^vka_/)
    await page.locator('tr', { hasText: 'browser key' }).waitFor()
    await expectAllNamed()
    await shot('settings-api-keys')
    page.once('dialog', (dialog) => dialog.accept())
    await page.getByRole('button', { name: 'Revoke: browser key' }).click()
    await page.locator('tr', { hasText: 'browser key' }).waitFor({ state: 'detached' })

    await page.getByRole('link', { name: 'Users', exact: true }).click()
    await page.locator('td', { hasText: /^admin$/ }).waitFor()
    await expectAllNamed()
    await shot('settings-users')

    await page.getByRole('link', { name: 'Audit log', exact: true }).click()
    await page.getByText('auth.login', { exact: true }).first().waitFor()
    await expectAllNamed()
    await shot('settings-audit')
  })

  it('deletes a task after confirmation', async () => {
    await page.goto('/?status=canceled')
    const rows = page.locator('tbody tr[data-task-id]')
    await rows.first().waitFor()
    const before = await rows.count()
    page.once('dialog', (dialog) => dialog.accept())
    await rows.first().getByRole('button', { name: 'Delete', exact: true }).click()
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr[data-task-id]').length === n - 1, before)
  })

  it('switches back to Russian and signs out', async () => {
    await page.goto('/')
    await page.getByRole('button', { name: 'Русский', exact: true }).click()
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru')
    await page.getByRole('heading', { name: 'Задачи' }).waitFor()
    await shot('tasks-ru')
    if (process.env.VKA_README_SCREENSHOT) {
      await page.getByRole('link', { name: 'Demo: every simulated community' }).click()
      await page.getByRole('link', { name: 'Аналитика', exact: true }).click()
      await page.getByRole('figure', { name: 'Распределение тональности' }).waitFor()
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.screenshot({ path: resolve(root, process.env.VKA_README_SCREENSHOT) })
    }
    await page.getByRole('button', { name: 'Выйти', exact: true }).click()
    await page.waitForURL(/\/login/)
    const session = await expectingHttpErrors(() => api('/api/v1/auth/session'))
    assert.equal(session.status, 401)
  })

  it('logged no console errors', () => {
    assert.deepEqual(consoleErrors, [])
  })
})
