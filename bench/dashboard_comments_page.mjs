// How long the dashboard's comments table of a big task takes to show its first page, in headless Chromium
// against the Release binary: the time from the start of navigation to /tasks/{id}/comments until the first
// row is in the document (performance.now() at the first animation frame that has it), for a signed-in
// user whose browser has the dashboard's files cached, as when a link is opened. Prints each run and the
// median.
//
//   VKA_BINARY=build/release/vk-analytics VKA_BENCH_DATABASE=/path/to/bench.db VKA_BENCH_TASK=bench \
//     node bench/dashboard_comments_page.mjs
//
// The database is one that bench_store_analytics filled (VKA_BENCH_DATABASE_URL=sqlite://…); it is
// served with `serve --workers 0`, so its task is never collected, and with a user made for the run.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { chromium } = createRequire(join(root, 'web/package.json'))('playwright-core')
const binary = resolve(root, process.env.VKA_BINARY ?? 'build/release/vk-analytics')
const database = process.env.VKA_BENCH_DATABASE
const taskId = process.env.VKA_BENCH_TASK ?? 'bench'
const runs = Number(process.env.VKA_BENCH_RUNS ?? 10)
if (!database) throw new Error('VKA_BENCH_DATABASE must name the SQLite file of a filled task')

const dataDir = mkdtempSync(join(tmpdir(), 'vka-bench-dashboard-'))
const username = 'bench-reader'
const password = 'bench-reader-password-7f3'
const env = { ...process.env, VKA_DATABASE_URL: `sqlite://${database}`, VKA_DATA_DIR: dataDir, VKA_LOG_LEVEL: 'warn' }

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => done(port))
    })
  })
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

const made = spawnSync(binary, ['users', 'create', username, '--role', 'admin'], { env, input: `${password}\n` })
if (made.status !== 0 && !/exists|taken/i.test(made.stderr)) throw new Error(`users create failed: ${made.stderr}`)

const port = await freePort()
const server = spawn(binary, ['serve', '--workers', '0', '--listen', `127.0.0.1:${port}`], {
  env: { ...env, VKA_RATE_LIMIT: '0' },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const base = `http://127.0.0.1:${port}`
for (let i = 0; i < 300 && !(await fetch(`${base}/readyz`).then((r) => r.ok, () => false)); ++i)
  await new Promise((r) => setTimeout(r, 100))

const browser = await chromium.launch({
  executablePath: process.env.VKA_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
})
try {
  const page = await browser.newPage()
  await page.goto(`${base}/login`)
  await page.getByRole('button', { name: 'English', exact: true }).click()  // the dashboard starts in Russian
  await page.getByLabel('Username', { exact: true }).fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))

  const firstRowAt = async () => {
    await page.goto(`${base}/tasks/${taskId}/comments`, { waitUntil: 'commit' })
    const handle = await page.waitForFunction(
      () => (document.querySelector('table.comments-table tbody tr[data-sentiment]') ? performance.now() : false),
      undefined,
      { polling: 'raf', timeout: 60_000 },
    )
    return handle.jsonValue()
  }
  const warmUp = await firstRowAt()  // fills the browser's cache with the dashboard's files
  const times = []
  for (let i = 0; i < runs; ++i) times.push(await firstRowAt())
  const rows = await page.locator('table.comments-table tbody tr[data-sentiment]').count()
  console.log(`task ${taskId}: first page (${rows} rows) shown after, ms: ${times.map((t) => t.toFixed(0)).join(' ')}`)
  console.log(`first (cold cache) ${warmUp.toFixed(0)} ms; median of ${runs} ${median(times).toFixed(0)} ms; ` +
    `worst ${Math.max(...times).toFixed(0)} ms`)
} finally {
  await browser.close()
  server.kill('SIGTERM')
  rmSync(dataDir, { recursive: true, force: true })
}
